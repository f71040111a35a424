import { describe, expect, it } from 'vitest';
import type { OrganisationType } from '../config/schema.ts';
import { victimCaseAlerts, type AlertCase, type VictimCaseAlertThresholds } from './alerts.ts';
import type { VictimCaseEvent } from './events.ts';
import { ev, ID, OWNER } from './fixtures.ts';
import { projectCase } from './transitions.ts';

const thresholds: VictimCaseAlertThresholds = {
  childWithoutCustodyDays: 7,
  repatriationWaitDays: 30,
  referralUnansweredDays: 5,
};
const adult = 1990;
const child = 2003;
const kase = (birthYear: number | null, ...events: VictimCaseEvent[]): AlertCase => ({
  id: 'case-1',
  state: projectCase([ev.opened(), ev.consent(), ...events]),
  birthYear,
});
const alertsOn = (asOf: string, c: AlertCase, t: VictimCaseAlertThresholds = thresholds) =>
  victimCaseAlerts([c], asOf, t);

describe('child without formal custody', () => {
  it('is raised on the 7th day after opening, not the 6th, for the owner', () => {
    expect(alertsOn('2017-03-07', kase(child))).toEqual([]);
    expect(alertsOn('2017-03-08', kase(child))).toEqual([
      {
        caseId: 'case-1',
        kind: 'child_without_custody',
        since: '2017-03-01',
        days: 7,
        organisationId: OWNER,
        organisationIds: [OWNER],
      },
    ]);
  });

  it('is not raised for an adult or an unknown age', () => {
    expect(alertsOn('2017-04-01', kase(adult))).toEqual([]);
    expect(alertsOn('2017-04-01', kase(null))).toEqual([]);
  });

  it('is settled by formal custody, guardianship consent or a return to the family', () => {
    expect(alertsOn('2017-04-01', kase(child, ev.custody()))).toEqual([]);
    expect(alertsOn('2017-04-01', kase(child, ev.guardianship()))).toEqual([]);
    expect(alertsOn('2017-04-01', kase(child, ev.returned({ occurredOn: '2017-03-05' })))).toEqual([]);
  });

  it('stops when the person turns 18 (presumed a child through the year they turn 18)', () => {
    const c = kase(1999);
    expect(alertsOn('2017-12-31', c)).toHaveLength(1);
    expect(alertsOn('2018-01-01', c)).toEqual([]);
  });

  it('counts from the reopening on a reopened case, and not at all while closed', () => {
    const closed = kase(child, ev.custody(), ev.returned(), ev.closed());
    expect(alertsOn('2018-03-01', closed)).toEqual([]);
    const reopened = kase(child, ev.closed(), ev.reopened({ occurredOn: '2018-02-01' }));
    expect(alertsOn('2018-02-07', reopened)).toEqual([]);
    expect(alertsOn('2018-02-08', reopened)).toEqual([expect.objectContaining({ since: '2018-02-01', days: 7 })]);
  });
});

describe('repatriation overdue', () => {
  const waiting = kase(adult, ev.repatriation({ occurredOn: '2017-03-08' }));

  it('is raised after 30 days of waiting (2017-04-07), not on the 29th day', () => {
    expect(alertsOn('2017-04-06', waiting)).toEqual([]);
    expect(alertsOn('2017-04-07', waiting)).toEqual([
      {
        caseId: 'case-1',
        kind: 'repatriation_overdue',
        since: '2017-03-08',
        days: 30,
        organisationId: 'mfaic-consular',
        organisationIds: ['mfaic-consular', 'embassy-tha', 'iom-cambodia'],
        subjectId: ID.repatriation,
      },
    ]);
  });

  it('puts the diplomatic mission first when organisation types are known', () => {
    const types: Record<string, OrganisationType> = {
      'mfaic-consular': 'consular',
      'embassy-tha': 'diplomatic-mission',
      'iom-cambodia': 'international-organisation',
    };
    const [alert] = victimCaseAlerts([waiting], '2017-04-07', thresholds, { organisationType: (id) => types[id] });
    expect(alert?.organisationId).toBe('embassy-tha');
    expect(alert?.organisationIds).toEqual(['embassy-tha', 'mfaic-consular', 'iom-cambodia']);
  });

  it('goes to the owner when no assisting organisation is recorded', () => {
    const c = kase(adult, ev.repatriation({ assistingOrganisationIds: [] }));
    expect(alertsOn('2017-04-07', c)).toEqual([
      expect.objectContaining({ organisationId: OWNER, organisationIds: [OWNER] }),
    ]);
  });

  it('is not raised once completed', () => {
    expect(alertsOn('2017-06-01', kase(adult, ev.repatriation(), ev.repatriated()))).toEqual([]);
  });
});

describe('referral unanswered', () => {
  const pending = kase(adult, ev.referral({ occurredOn: '2017-03-04' }));

  it('is raised on the 5th day for the receiving organisation', () => {
    expect(alertsOn('2017-03-08', pending)).toEqual([]);
    expect(alertsOn('2017-03-09', pending)).toEqual([
      {
        caseId: 'case-1',
        kind: 'referral_unanswered',
        since: '2017-03-04',
        days: 5,
        organisationId: 'chab-dai',
        organisationIds: ['chab-dai'],
        subjectId: ID.referral,
      },
    ]);
  });

  it('is not raised once answered, nor for a date before the referral', () => {
    expect(alertsOn('2017-04-01', kase(adult, ev.referral(), ev.answered()))).toEqual([]);
    expect(alertsOn('2017-03-01', pending, { ...thresholds, referralUnansweredDays: 0 })).toEqual([]);
  });
});

describe('restitution unpaid', () => {
  const owed = kase(adult, ev.ordered({ occurredOn: '2017-09-15' }), ev.paid({ occurredOn: '2017-10-15' }));

  it('lists an order with a balance from the day it is made, for the owner', () => {
    expect(alertsOn('2017-09-14', kase(adult, ev.ordered()))).toEqual([]);
    expect(alertsOn('2017-09-15', kase(adult, ev.ordered()))).toEqual([
      expect.objectContaining({ kind: 'restitution_unpaid', days: 0, organisationId: OWNER, subjectId: ID.order }),
    ]);
  });

  it('waits for the configured days when given (90 days after 2017-09-15 is 2017-12-14)', () => {
    const t = { ...thresholds, restitutionUnpaidDays: 90 };
    expect(alertsOn('2017-12-13', owed, t)).toEqual([]);
    expect(alertsOn('2017-12-14', owed, t)).toEqual([expect.objectContaining({ days: 90 })]);
  });

  it('stays after the case is closed, and goes once paid in full', () => {
    expect(alertsOn('2018-01-01', kase(adult, ev.ordered(), ev.paid(), ev.closed()))).toHaveLength(1);
    expect(alertsOn('2018-01-01', kase(adult, ev.ordered(), ev.paid({ amount: 8_000_000 })))).toEqual([]);
  });
});

describe('several cases', () => {
  it('lists every alert, oldest first', () => {
    const a = { ...kase(child, ev.referral()), id: 'case-a' };
    const b = {
      id: 'case-b',
      state: projectCase([ev.opened({ occurredOn: '2017-01-20' }), ev.repatriation({ occurredOn: '2017-02-01' })]),
      birthYear: adult,
    };
    const kinds = victimCaseAlerts([a, b], '2017-06-01', thresholds).map((x) => [x.caseId, x.kind]);
    expect(kinds).toEqual([
      ['case-b', 'repatriation_overdue'],
      ['case-a', 'child_without_custody'],
      ['case-a', 'referral_unanswered'],
    ]);
  });
});
