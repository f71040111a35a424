import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { CRIMINAL_CASE_EVENT_TYPES, criminalCaseEventSchema, parseCriminalEvent } from './events.ts';
import { ev, ID } from './fixtures.ts';

/** The field paths zod reports for an invalid event (empty when valid). */
function problems(raw: unknown): string[] {
  const r = criminalCaseEventSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('criminal case event contracts', () => {
  it('has the 16 event types, and one valid sample of each', () => {
    expect(CRIMINAL_CASE_EVENT_TYPES).toHaveLength(16);
    const samples = Object.values(ev).map((make) => make());
    expect(new Set(samples.map((e) => e.type))).toEqual(new Set(CRIMINAL_CASE_EVENT_TYPES));
    for (const e of samples) expect(problems(e)).toEqual([]);
  });

  it('requires a real ISO date, UUIDs and alpha-3 nationality', () => {
    expect(problems(ev.evidence({ occurredOn: '2017-02-30' }))).toEqual(['occurredOn']);
    expect(problems(ev.suspect({ personId: 'sok-dara' }))).toEqual(['personId']);
    expect(problems(ev.suspect({ nationality: 'KH' }))).toEqual(['nationality']);
  });

  it('checks the investigation: legal basis, exploitation and the trafficking flag', () => {
    expect(problems(ev.opened({ legalBasis: { lawId: 'penal-code', article: '' } }))).toEqual(['legalBasis.article']);
    expect(problems({ ...ev.opened(), exploitation: 'organ_removal' })).toEqual(['exploitation']);
    expect(problems({ ...ev.opened(), traffickingOffence: undefined })).toEqual(['traffickingOffence']);
  });

  it('checks a public official: position and agency', () => {
    expect(
      problems(ev.suspect({ publicOfficial: { position: 'Police officer', agency: 'Provincial police' } })),
    ).toEqual([]);
    expect(problems({ ...ev.suspect(), publicOfficial: { position: 'Police officer' } })).toEqual([
      'publicOfficial.agency',
    ]);
  });

  it('needs at least one distinct article to charge', () => {
    expect(problems(ev.charged({ articles: [] }))).toEqual(['articles']);
    expect(problems(ev.charged({ articles: ['15', '15'] }))).toEqual(['articles']);
  });

  it('needs a check-in schedule for supervision and none for detention', () => {
    expect(problems(ev.supervised({ checkInEveryDays: undefined }))).toEqual(['checkInEveryDays']);
    expect(problems(ev.supervised({ checkInEveryDays: 0 }))).toEqual(['checkInEveryDays']);
    expect(problems(ev.supervised({ checkInEveryDays: 2.5 }))).toEqual(['checkInEveryDays']);
    expect(problems(ev.detained({ checkInEveryDays: 7 }))).toEqual(['checkInEveryDays']);
  });

  it('checks a sentence: whole months, suspended part within the term, restitution per victim', () => {
    expect(problems(ev.sentence({ prisonMonths: 1.5, suspendedMonths: 0 }))).toEqual(['prisonMonths']);
    expect(problems(ev.sentence({ prisonMonths: 12, suspendedMonths: 13 }))).toEqual(['suspendedMonths']);
    expect(problems(ev.sentence({ fine: { amount: 0, currency: 'KHR' } }))).toEqual(['fine.amount']);
    const line = { victimCaseId: ID.victimCase, amount: 100, currency: 'USD' };
    expect(problems(ev.sentence({ restitution: [line, line] }))).toEqual(['restitution']);
    expect(problems(ev.sentence({ restitution: [{ ...line, currency: 'usd' }] }))).toEqual(['restitution.0.currency']);
  });

  it('checks verdict and appeal outcomes from their lists', () => {
    expect(problems({ ...ev.verdict(), outcome: 'pardoned' })).toEqual(['outcome']);
    expect(problems(ev.appeal({ outcome: 'upheld' }))).toEqual([]);
    expect(problems({ ...ev.appeal(), outcome: 'maybe' })).toEqual(['outcome']);
  });

  it('rejects unknown fields and unknown types', () => {
    expect(problems({ ...ev.absconded(), name: 'Sok Dara' })).toEqual(['']);
    expect(problems({ ...ev.closed(), type: 'case_deleted' })).toEqual(['type']);
  });

  it('parseCriminalEvent returns the event or throws an InputError with the field path', () => {
    expect(parseCriminalEvent(ev.charged())).toEqual(ev.charged());
    const err = (() => {
      try {
        parseCriminalEvent(ev.supervised({ checkInEveryDays: undefined }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).path).toBe('checkInEveryDays');
  });
});
