import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { checkEventAgainstConfig, type VictimCaseConfig } from './config-check.ts';
import { daysBetween, isChild } from './dates.ts';
import { VICTIM_CASE_EVENT_TYPES, victimCaseEventSchema, type VictimCaseEvent } from './events.ts';
import { ev, OWNER } from './fixtures.ts';

/** The field paths zod reports for an invalid event (empty when valid). */
function problems(raw: unknown): string[] {
  const r = victimCaseEventSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('event contracts', () => {
  it('has the 19 event types', () => {
    expect(VICTIM_CASE_EVENT_TYPES).toHaveLength(19);
    expect(VICTIM_CASE_EVENT_TYPES).toContain('guardianship_consent_recorded');
  });

  it('accepts one valid event of each type', () => {
    const samples = Object.values(ev).map((make) => make());
    expect(new Set(samples.map((e) => e.type))).toEqual(new Set(VICTIM_CASE_EVENT_TYPES));
    for (const e of samples) expect(problems(e)).toEqual([]);
  });

  it('requires a real ISO date for occurredOn', () => {
    expect(problems(ev.followUp({ occurredOn: '01/10/2017' }))).toEqual(['occurredOn']);
    expect(problems(ev.followUp({ occurredOn: '2017-02-30' }))).toEqual(['occurredOn']);
  });

  it('requires UUIDs for ids', () => {
    expect(problems(ev.opened({ personId: 'sok-dara' }))).toEqual(['personId']);
  });

  it('rejects unknown fields and unknown types', () => {
    expect(problems({ ...ev.closed(), name: 'Sok Dara' })).toEqual(['']);
    expect(problems({ ...ev.closed(), type: 'case_deleted' })).toEqual(['type']);
  });

  it('checks exploitation: at least one type, no repeats, alpha-3 countries, from <= to', () => {
    expect(problems(ev.exploitation({ types: [] }))).toEqual(['types']);
    expect(problems(ev.exploitation({ sectors: ['fishing', 'fishing'] }))).toEqual(['sectors']);
    expect(problems(ev.exploitation({ exploitationCountry: 'TH' }))).toEqual(['exploitationCountry']);
    expect(problems(ev.exploitation({ from: '2017-03-01', to: '2017-01-01' }))).toEqual(['to']);
  });

  it('needs an override reason of at least 20 characters', () => {
    expect(problems(ev.referral({ consentOverride: { reason: 'urgent' } }))).toEqual(['consentOverride.reason']);
    expect(problems(ev.referral({ consentOverride: { reason: 'Child at immediate risk of re-trafficking' } }))).toEqual(
      [],
    );
  });

  it('needs a reason to decline a referral', () => {
    expect(problems(ev.answered({ answer: 'declined' }))).toEqual(['reason']);
    expect(problems(ev.answered({ answer: 'declined', reason: 'No shelter place' }))).toEqual([]);
  });

  it('needs at least one distinct consent purpose from the list', () => {
    expect(problems(ev.consent({ purposes: [] }))).toEqual(['purposes']);
    expect(problems(ev.consent({ purposes: ['referral', 'referral'] }))).toEqual(['purposes']);
    expect(problems({ ...ev.consent(), purposes: ['marketing'] })).toEqual(['purposes.0']);
  });

  it('needs positive amounts and an ISO 4217 currency', () => {
    expect(problems(ev.ordered({ amount: 0 }))).toEqual(['amount']);
    expect(problems(ev.paid({ amount: -5 }))).toEqual(['amount']);
    expect(problems(ev.ordered({ currency: 'riel' }))).toEqual(['currency']);
  });

  it('checks service types and repatriation directions', () => {
    expect(problems({ ...ev.serviceStarted(), serviceType: 'housing' })).toEqual(['serviceType']);
    expect(problems({ ...ev.repatriation(), direction: 'abroad' })).toEqual(['direction']);
  });
});

describe('checkEventAgainstConfig', () => {
  const label = { en: 'x' };
  const cfg: VictimCaseConfig = {
    country: 'KHM',
    countries: [{ code: 'THA', name: label }],
    provinces: [{ code: 'KH-1', name: label }],
    organisations: ['moi', OWNER, 'chab-dai', 'hagar-cambodia', 'mfaic-consular', 'embassy-tha', 'iom-cambodia'].map(
      (id) => ({ id, type: 'ngo' as const, name: label }),
    ),
    codeLists: {
      exploitationTypes: [{ code: 'forced_labour', label }],
      sectors: [{ code: 'fishing', label }],
      methodsOfControl: [
        { code: 'debt_bondage', label },
        { code: 'withholding_documents', label },
      ],
      recruitmentMethods: [{ code: 'broker', label }],
      perpetratorRoles: [],
    },
  };
  const pathOf = (e: VictimCaseEvent) => {
    try {
      checkEventAgainstConfig(e, cfg);
      return null;
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as InputError).path;
    }
  };

  it('accepts every sample event', () => {
    for (const make of Object.values(ev)) expect(pathOf(make())).toBeNull();
  });

  it('names the unknown code, organisation, province or country by its field path', () => {
    expect(pathOf(ev.exploitation({ types: ['forced_labour', 'begging'] }))).toBe('types.1');
    expect(pathOf(ev.exploitation({ methodsOfControl: ['threats'] }))).toBe('methodsOfControl.0');
    expect(pathOf(ev.exploitation({ exploitationCountry: 'MYS' }))).toBe('exploitationCountry');
    expect(pathOf(ev.opened({ province: 'KH-99' }))).toBe('province');
    expect(pathOf(ev.referral({ toOrganisationId: 'unknown-ngo' }))).toBe('toOrganisationId');
    expect(pathOf(ev.repatriation({ assistingOrganisationIds: ['embassy-tha', 'embassy-xyz'] }))).toBe(
      'assistingOrganisationIds.1',
    );
  });
});

describe('dates', () => {
  it('counts whole days across months and leap years', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2017-03-01', '2017-02-28')).toBe(-1);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
  });

  it('presumes a child while the person may still be under 18', () => {
    expect(isChild(2000, '2017-06-01')).toBe(true); // 16 or 17
    expect(isChild(1999, '2017-06-01')).toBe(true); // 17 or 18: presumed a child
    expect(isChild(1998, '2017-01-01')).toBe(false); // 18 or 19
  });
});
