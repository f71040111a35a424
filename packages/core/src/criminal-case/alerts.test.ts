import { describe, expect, it } from 'vitest';
import { criminalCaseAlerts, type CriminalAlertCase, type CriminalCaseAlertThresholds } from './alerts.ts';
import type { CriminalCaseEvent } from './events.ts';
import { COURT, ev, ID, LEAD, PROSECUTOR } from './fixtures.ts';
import { projectCriminalCase } from './transitions.ts';

const thresholds: CriminalCaseAlertThresholds = { absconderWithoutWarrantDays: 30, evidenceWithoutChargeDays: 60 };
const kase = (...events: CriminalCaseEvent[]): CriminalAlertCase => ({
  id: 'crim-1',
  state: projectCriminalCase([ev.opened(), ev.suspect(), ...events]),
});
const alertsOn = (asOf: string, c: CriminalAlertCase) => criminalCaseAlerts([c], asOf, thresholds);
const kinds = (asOf: string, c: CriminalAlertCase) => alertsOn(asOf, c).map((a) => a.kind);

const charged = [ev.evidence(), ev.charged()];
/** Supervised from 2017-03-21, a check-in every 7 days: first due 2017-03-28. */
const supervised = [...charged, ev.supervised()];

describe('missed_check_in', () => {
  it('is raised the day after a scheduled check-in date passes with no check-in, not on the date', () => {
    expect(alertsOn('2017-03-28', kase(...supervised))).toEqual([]);
    expect(alertsOn('2017-03-29', kase(...supervised))).toEqual([
      {
        caseId: 'crim-1',
        kind: 'missed_check_in',
        audience: 'case',
        since: '2017-03-28',
        days: 1,
        organisationIds: [LEAD, COURT, PROSECUTOR],
        suspectId: ID.suspect,
        prosecutorOrganisationId: PROSECUTOR,
        courtOrganisationId: COURT,
        basis: 'schedule',
      },
    ]);
  });

  it('counts the schedule from the last check-in', () => {
    const c = kase(...supervised, ev.checkIn());
    expect(alertsOn('2017-04-04', c)).toEqual([]);
    expect(alertsOn('2017-04-05', c)).toEqual([
      expect.objectContaining({ since: '2017-04-04', days: 1, basis: 'schedule' }),
    ]);
  });

  it('is raised the same day a miss is recorded, not the day before, and cleared by a later check-in', () => {
    const c = kase(...supervised, ev.checkIn(), ev.missed());
    expect(alertsOn('2017-04-03', c)).toEqual([]);
    expect(alertsOn('2017-04-04', c)).toEqual([
      expect.objectContaining({ kind: 'missed_check_in', since: '2017-04-04', days: 0, basis: 'recorded' }),
    ]);
    const back = kase(...supervised, ev.checkIn(), ev.missed(), ev.checkIn({ occurredOn: '2017-04-05' }));
    expect(alertsOn('2017-04-05', back)).toEqual([]);
    expect(kinds('2017-04-13', back)).toEqual(['missed_check_in']);
  });

  it('is not raised for a detained suspect, an absconder or a closed case', () => {
    expect(alertsOn('2017-06-01', kase(...charged, ev.detained()))).toEqual([]);
    expect(kinds('2017-04-11', kase(...supervised, ev.absconded()))).toEqual([]);
    expect(
      alertsOn('2017-06-01', kase(...supervised, ev.closed({ occurredOn: '2017-03-25', reason: 'transferred' }))),
    ).toEqual([]);
  });
});

describe('absconded_without_warrant', () => {
  const fled = kase(...supervised, ev.absconded());
  it('is raised 30 days after absconding, not 29, for the court first', () => {
    expect(alertsOn('2017-05-09', fled)).toEqual([]);
    expect(alertsOn('2017-05-10', fled)).toEqual([
      {
        caseId: 'crim-1',
        kind: 'absconded_without_warrant',
        audience: 'case',
        since: '2017-04-10',
        days: 30,
        organisationIds: [COURT, PROSECUTOR, LEAD],
        suspectId: ID.suspect,
        prosecutorOrganisationId: PROSECUTOR,
        courtOrganisationId: COURT,
      },
    ]);
  });

  it('is settled by a warrant, and not raised on a closed case', () => {
    expect(alertsOn('2017-06-01', kase(...supervised, ev.absconded(), ev.warrant()))).toEqual([]);
    expect(
      alertsOn('2017-06-01', kase(...supervised, ev.absconded(), ev.closed({ occurredOn: '2017-04-20' }))),
    ).toEqual([]);
  });
});

describe('stalled_after_evidence', () => {
  it('is raised 60 days after evidence with no charge, not 59, per prosecutor', () => {
    const c = kase(ev.evidence(), ev.evidence({ occurredOn: '2017-03-20', prosecutorOrganisationId: 'prosecutor-pp' }));
    expect(alertsOn('2017-05-08', c)).toEqual([]);
    expect(alertsOn('2017-05-09', c)).toEqual([
      {
        caseId: 'crim-1',
        kind: 'stalled_after_evidence',
        audience: 'case',
        since: '2017-03-10',
        days: 60,
        organisationIds: [PROSECUTOR, LEAD],
        prosecutorOrganisationId: PROSECUTOR,
      },
    ]);
    expect(alertsOn('2017-05-19', c).map((a) => a.prosecutorOrganisationId)).toEqual([PROSECUTOR, 'prosecutor-pp']);
  });

  it('counts from the first evidence to a prosecutor and ends with a charge or closure', () => {
    const again = kase(ev.evidence(), ev.evidence({ occurredOn: '2017-04-01' }));
    expect(alertsOn('2017-05-09', again)).toEqual([expect.objectContaining({ since: '2017-03-10' })]);
    expect(alertsOn('2017-06-01', kase(...charged))).toEqual([]);
    expect(
      alertsOn('2017-06-01', kase(ev.evidence(), ev.closed({ occurredOn: '2017-04-01', reason: 'not_prosecuted' }))),
    ).toEqual([]);
    expect(alertsOn('2017-06-01', kase())).toEqual([]);
  });
});

describe('oversight flags', () => {
  it('settled_out_of_court from the verdict date, kept after closure', () => {
    const c = kase(...charged, ev.verdict({ outcome: 'settled_out_of_court' }), ev.closed());
    expect(alertsOn('2017-08-31', c)).toEqual([]);
    expect(alertsOn('2017-09-01', c)).toEqual([
      {
        caseId: 'crim-1',
        kind: 'settled_out_of_court',
        audience: 'oversight',
        since: '2017-09-01',
        days: 0,
        organisationIds: [COURT, PROSECUTOR],
        suspectId: ID.suspect,
        prosecutorOrganisationId: PROSECUTOR,
        courtOrganisationId: COURT,
      },
    ]);
    expect(alertsOn('2017-09-01', kase(...charged, ev.verdict()))).toEqual([]);
  });

  it('public_official_suspect from the day the suspect is added, not before', () => {
    const official = { position: 'Commune police chief', agency: 'National Police' };
    const c = kase(
      ev.suspect({ suspectId: ID.suspect2, personId: ID.person2, occurredOn: '2017-03-05', publicOfficial: official }),
    );
    expect(alertsOn('2017-03-04', c)).toEqual([]);
    expect(alertsOn('2017-03-05', c)).toEqual([
      {
        caseId: 'crim-1',
        kind: 'public_official_suspect',
        audience: 'oversight',
        since: '2017-03-05',
        days: 0,
        organisationIds: [LEAD],
        suspectId: ID.suspect2,
      },
    ]);
  });
});

describe('criminalCaseAlerts over several cases', () => {
  it('sorts by since, then case, then kind, and carries no person or victim identity', () => {
    const a = { ...kase(...supervised, ev.absconded()), id: 'crim-b' };
    const b = { ...kase(ev.evidence()), id: 'crim-a' };
    const alerts = criminalCaseAlerts([a, b], '2017-06-01', thresholds);
    expect(alerts.map((x) => [x.caseId, x.kind])).toEqual([
      ['crim-a', 'stalled_after_evidence'],
      ['crim-b', 'absconded_without_warrant'],
    ]);
    expect(JSON.stringify(alerts)).not.toContain(ID.person);
    expect(JSON.stringify(alerts)).not.toContain(ID.victimCase);
  });
});
