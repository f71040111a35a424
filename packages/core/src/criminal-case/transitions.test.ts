import { describe, expect, it } from 'vitest';
import type { CriminalCaseEvent } from './events.ts';
import { COURT, ev, ID, LEAD, PROSECUTOR } from './fixtures.ts';
import { currentMeasure } from './state.ts';
import { applyCriminalEvent, projectCriminalCase } from './transitions.ts';

const base = [ev.opened(), ev.suspect(), ev.victim()];
const after = (...events: CriminalCaseEvent[]) => projectCriminalCase([...base, ...events]);
const suspectAfter = (...events: CriminalCaseEvent[]) => after(...events).suspects[0]!;
const charged = [ev.evidence(), ev.charged()];

describe('applyCriminalEvent: each event in a valid state', () => {
  it('investigation_opened starts a case: open, nothing recorded yet', () => {
    expect(applyCriminalEvent(null, ev.opened())).toEqual({
      version: 1,
      status: 'open',
      openedOn: '2017-03-01',
      leadUnitOrganisationId: LEAD,
      province: 'KH-1',
      legalBasis: { lawId: 'law-2008-trafficking', article: '15' },
      exploitation: 'labour',
      traffickingOffence: true,
      suspects: [],
      victims: [],
      evidence: [],
      trials: [],
      closure: null,
    });
  });

  it('suspect_added: an investigated suspect, with the public-official flag when given', () => {
    const official = { position: 'Police officer', agency: 'Provincial police' };
    const s = after(
      ev.suspect({ suspectId: ID.suspect2, personId: ID.person2, nationality: 'USA', publicOfficial: official }),
    );
    expect(s.suspects[0]).toEqual({
      suspectId: ID.suspect,
      personId: ID.person,
      nationality: 'KHM',
      addedOn: '2017-03-02',
      status: 'investigated',
      since: '2017-03-02',
      charge: null,
      measures: [],
      checkIns: [],
      missedCheckIns: [],
      abscondings: [],
      verdict: null,
      sentence: null,
      appeals: [],
    });
    expect(s.suspects[1]).toMatchObject({ nationality: 'USA', publicOfficial: official });
  });

  it('victim_linked and evidence_supplied are recorded with their dates', () => {
    const s = after(
      ev.evidence(),
      ev.evidence({ occurredOn: '2017-03-15', prosecutorOrganisationId: 'prosecutor-pp' }),
    );
    expect(s.victims).toEqual([{ victimCaseId: ID.victimCase, linkedOn: '2017-03-02' }]);
    expect(s.evidence).toEqual([
      { prosecutorOrganisationId: PROSECUTOR, on: '2017-03-10' },
      { prosecutorOrganisationId: 'prosecutor-pp', on: '2017-03-15' },
    ]);
  });

  it('charged: investigated -> charged, with prosecutor, court and articles', () => {
    expect(suspectAfter(...charged)).toMatchObject({
      status: 'charged',
      since: '2017-03-20',
      charge: {
        prosecutorOrganisationId: PROSECUTOR,
        courtOrganisationId: COURT,
        articles: ['law-2008-trafficking:15'],
        on: '2017-03-20',
      },
    });
  });

  it('trial_opened: before a court a suspect is charged to, once per court', () => {
    const s = after(...charged, ev.trial());
    expect(s.trials).toEqual([{ courtOrganisationId: COURT, on: '2017-08-01' }]);
    expect(() => after(...charged, ev.trial(), ev.trial({ occurredOn: '2017-08-02' }))).toThrow(/already open/);
    expect(() => after(ev.trial())).toThrow(/courtOrganisationId|no suspect charged/);
  });

  it('charged keeps the investigating judge when named', () => {
    const s = suspectAfter(ev.evidence(), ev.charged({ investigatingJudge: 'Investigating judge, chamber 2' }));
    expect(s.charge?.investigatingJudge).toBe('Investigating judge, chamber 2');
  });

  it('pretrial_measure: a new supervising unit is a change of measure, the same one is not', () => {
    const s = suspectAfter(
      ...charged,
      ev.supervised(),
      ev.supervised({ occurredOn: '2017-04-01', supervisingOrganisationId: 'ahtjp-siem-reap' }),
    );
    expect(s.measures.map((m) => m.supervisingOrganisationId)).toEqual([undefined, 'ahtjp-siem-reap']);
    expect(() => after(...charged, ev.supervised(), ev.supervised({ occurredOn: '2017-04-01' }))).toThrow(
      /already under this measure/,
    );
  });

  it('pretrial_measure: charged -> detained, charged -> supervised, and one measure replacing another', () => {
    expect(suspectAfter(...charged, ev.detained())).toMatchObject({ status: 'detained', since: '2017-03-21' });
    const sup = suspectAfter(...charged, ev.supervised());
    expect(sup.status).toBe('supervised');
    expect(currentMeasure(sup)).toEqual({ measure: 'judicial_supervision', checkInEveryDays: 7, on: '2017-03-21' });
    const released = suspectAfter(...charged, ev.detained(), ev.supervised({ occurredOn: '2017-04-01' }));
    expect(released.status).toBe('supervised');
    expect(released.measures.map((m) => m.measure)).toEqual(['detention', 'judicial_supervision']);
    expect(suspectAfter(...charged, ev.supervised(), ev.detained({ occurredOn: '2017-04-01' })).status).toBe(
      'detained',
    );
    const rescheduled = suspectAfter(
      ...charged,
      ev.supervised(),
      ev.supervised({ occurredOn: '2017-04-01', checkInEveryDays: 14 }),
    );
    expect(currentMeasure(rescheduled)?.checkInEveryDays).toBe(14);
  });

  it('check_in_recorded and check_in_missed under supervision keep the status', () => {
    const p = suspectAfter(...charged, ev.supervised(), ev.checkIn(), ev.missed());
    expect(p).toMatchObject({ status: 'supervised', checkIns: ['2017-03-28'], missedCheckIns: ['2017-04-04'] });
  });

  it('absconded -> arrest_warrant_issued -> rearrested -> a new measure', () => {
    const supervised = [...charged, ev.supervised()];
    expect(suspectAfter(...supervised, ev.absconded())).toMatchObject({
      status: 'absconded',
      abscondings: [{ on: '2017-04-10' }],
    });
    expect(suspectAfter(...charged, ev.detained(), ev.absconded()).status).toBe('absconded');
    expect(suspectAfter(...supervised, ev.absconded(), ev.warrant()).status).toBe('warrant_issued');
    const back = suspectAfter(
      ...supervised,
      ev.absconded(),
      ev.warrant(),
      ev.rearrested(),
      ev.detained({ occurredOn: '2017-06-02' }),
    );
    expect(back).toMatchObject({
      status: 'detained',
      abscondings: [{ on: '2017-04-10', warrantOn: '2017-05-01', rearrestedOn: '2017-06-01' }],
    });
  });

  it('verdict from charged, detained, supervised, warrant or re-arrest; in absentia for an absconder', () => {
    expect(suspectAfter(...charged, ev.verdict())).toMatchObject({
      status: 'judged',
      verdict: { outcome: 'convicted', on: '2017-09-01' },
    });
    expect(suspectAfter(...charged, ev.detained(), ev.verdict({ outcome: 'acquitted' })).verdict?.outcome).toBe(
      'acquitted',
    );
    expect(suspectAfter(...charged, ev.supervised(), ev.verdict({ outcome: 'settled_out_of_court' })).status).toBe(
      'judged',
    );
    const fled = [...charged, ev.supervised(), ev.absconded()];
    expect(suspectAfter(...fled, ev.verdict({ outcome: 'in_absentia' })).verdict?.outcome).toBe('in_absentia');
    expect(suspectAfter(...fled, ev.warrant(), ev.verdict({ outcome: 'in_absentia' })).status).toBe('judged');
    expect(suspectAfter(...fled, ev.warrant(), ev.rearrested(), ev.verdict({ outcome: 'dismissed' })).status).toBe(
      'judged',
    );
  });

  it('sentence after a conviction or in absentia: term, suspended part, fine and restitution', () => {
    expect(suspectAfter(...charged, ev.verdict(), ev.sentence()).sentence).toEqual({
      prisonMonths: 84,
      suspendedMonths: 12,
      fine: { amount: 10_000_000, currency: 'KHR' },
      restitution: [{ victimCaseId: ID.victimCase, amount: 2000, currency: 'USD' }],
      on: '2017-09-01',
    });
    const absent = [...charged, ev.supervised(), ev.absconded(), ev.verdict({ outcome: 'in_absentia' })];
    const s = suspectAfter(...absent, ev.sentence({ fine: undefined, restitution: undefined }));
    expect(s.sentence).toEqual({ prisonMonths: 84, suspendedMonths: 12, restitution: [], on: '2017-09-01' });
  });

  it('appeal: lodged, then decided by the same court; a further appeal to another court', () => {
    const judged = [...charged, ev.verdict(), ev.sentence()];
    expect(suspectAfter(...judged, ev.appeal()).appeals).toEqual([
      { courtOrganisationId: 'court-of-appeal', lodgedOn: '2017-10-01' },
    ]);
    const decided = suspectAfter(
      ...judged,
      ev.appeal(),
      ev.appeal({ occurredOn: '2018-02-01', outcome: 'upheld' }),
      ev.appeal({ occurredOn: '2018-03-01', courtOrganisationId: 'supreme-court', outcome: 'sentence_reduced' }),
    );
    expect(decided.appeals).toEqual([
      { courtOrganisationId: 'court-of-appeal', lodgedOn: '2017-10-01', outcome: 'upheld', decidedOn: '2018-02-01' },
      {
        courtOrganisationId: 'supreme-court',
        lodgedOn: '2018-03-01',
        outcome: 'sentence_reduced',
        decidedOn: '2018-03-01',
      },
    ]);
  });

  it('case_closed closes the case with its reason', () => {
    expect(after(ev.closed({ note: 'Final' }))).toMatchObject({
      status: 'closed',
      closure: { on: '2017-12-01', reason: 'judgment_final', note: 'Final' },
    });
  });

  it('counts versions and never changes the previous state', () => {
    const before = after(...charged);
    const frozen = JSON.stringify(before);
    const next = applyCriminalEvent(before, ev.supervised());
    expect(next.version).toBe(before.version + 1);
    expect(next.version).toBe(6);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(before.suspects[0]!.status).toBe('charged');
  });
});
