import { describe, expect, it } from 'vitest';
import type { VictimCaseEvent } from './events.ts';
import { ev, ID, OWNER } from './fixtures.ts';
import type { VictimCaseState } from './state.ts';
import { applyEvent, projectCase } from './transitions.ts';

const base = [ev.opened(), ev.consent()];
const after = (...events: VictimCaseEvent[]) => projectCase([...base, ...events]);

describe('applyEvent: each event in a valid state', () => {
  it('case_opened starts a case: open, possible victim, nothing recorded yet', () => {
    expect(applyEvent(null, ev.opened())).toEqual({
      version: 1,
      status: 'open',
      openedOn: '2017-03-01',
      source: 'screening',
      organisationId: OWNER,
      province: 'KH-1',
      personId: ID.person,
      screeningId: ID.screening,
      identification: { status: 'possible' },
      exploitation: null,
      consents: [],
      referrals: [],
      services: [],
      custody: { formal: false, transfers: [] },
      repatriations: [],
      followUps: [],
      restitutionOrders: [],
      closure: null,
      reopenings: [],
    });
  });

  it('identification_recorded: possible -> identified, and not_identified may later become identified', () => {
    expect(after(ev.identified()).identification).toEqual({
      status: 'identified',
      on: '2017-03-10',
      authorityOrganisationId: 'moi',
      reference: 'MOI-2017-0311',
    });
    const s = after(ev.identified({ status: 'not_identified', reference: undefined }), ev.identified());
    expect(s.identification.status).toBe('identified');
  });

  it('exploitation_recorded: the latest record replaces the previous one', () => {
    const s = after(ev.exploitation(), ev.exploitation({ occurredOn: '2017-04-01', sectors: ['construction'] }));
    expect(s.exploitation).toMatchObject({
      types: ['forced_labour'],
      sectors: ['construction'],
      recordedOn: '2017-04-01',
    });
    expect(s.exploitation).not.toHaveProperty('type');
  });

  it('consent_given and consent_withdrawn', () => {
    const given = after();
    expect(given.consents).toEqual([
      {
        consentId: ID.consent,
        purposes: ['referral', 'services', 'repatriation'],
        givenBy: 'person',
        givenOn: '2017-03-02',
        active: true,
      },
    ]);
    expect(after(ev.withdrawn()).consents[0]).toMatchObject({ active: false, withdrawnOn: '2017-06-01' });
  });

  it('referral_made with consent, and without consent under an override reason', () => {
    expect(after(ev.referral()).referrals).toEqual([
      {
        referralId: ID.referral,
        fromOrganisationId: OWNER,
        toOrganisationId: 'chab-dai',
        reason: 'Shelter and legal aid',
        status: 'pending',
        madeOn: '2017-03-04',
      },
    ]);
    const override = { reason: 'Child at immediate risk; guardian unreachable for consent' };
    const s = projectCase([ev.opened(), ev.referral({ consentOverride: override })]);
    expect(s.referrals[0]).toMatchObject({ status: 'pending', consentOverride: override });
  });

  it('referral_answered: accepted, or declined with a reason', () => {
    expect(after(ev.referral(), ev.answered()).referrals[0]).toMatchObject({
      status: 'accepted',
      answeredOn: '2017-03-06',
    });
    const declined = after(ev.referral(), ev.answered({ answer: 'declined', reason: 'Shelter full' })).referrals[0];
    expect(declined).toMatchObject({ status: 'declined', answerReason: 'Shelter full' });
  });

  it('service_started and service_ended', () => {
    expect(after(ev.serviceStarted()).services[0]).toEqual({
      serviceId: ID.service,
      serviceType: 'shelter',
      providerOrganisationId: 'chab-dai',
      governmentFunded: false,
      status: 'open',
      startedOn: '2017-03-07',
    });
    expect(after(ev.serviceStarted(), ev.serviceEnded()).services[0]).toMatchObject({
      status: 'ended',
      endedOn: '2017-05-07',
    });
  });

  it('custody_transferred, guardianship_consent_recorded, returned_to_family, then custody again', () => {
    const transferred = after(ev.custody());
    expect(transferred.custody).toEqual({
      formal: true,
      toOrganisationId: 'hagar-cambodia',
      since: '2017-03-05',
      legalReference: 'MOSAVY-CUST-2017-12',
      transfers: [{ toOrganisationId: 'hagar-cambodia', on: '2017-03-05', legalReference: 'MOSAVY-CUST-2017-12' }],
    });
    const consented = after(ev.guardianship());
    expect(consented.custody.guardianshipConsent).toEqual({ by: 'parent', temporary: true, on: '2017-03-05' });
    const home = after(ev.custody(), ev.returned());
    expect(home.custody).toEqual({
      formal: false,
      since: '2017-07-01',
      transfers: transferred.custody.transfers,
      returnedToFamily: { riskAssessment: 'low', assessedBy: OWNER, on: '2017-07-01' },
    });
    const again = after(
      ev.custody(),
      ev.returned(),
      ev.custody({ occurredOn: '2017-09-01', legalReference: undefined }),
    );
    expect(again.custody).toMatchObject({ formal: true, toOrganisationId: 'hagar-cambodia', since: '2017-09-01' });
    expect(again.custody.returnedToFamily).toBeUndefined();
    expect(again.custody.transfers).toHaveLength(2);
  });

  it('repatriation_recorded (awaiting, or already completed) and repatriation_completed', () => {
    expect(after(ev.repatriation()).repatriations[0]).toEqual({
      repatriationId: ID.repatriation,
      direction: 'home_from_abroad',
      country: 'THA',
      assistingOrganisationIds: ['mfaic-consular', 'embassy-tha', 'iom-cambodia'],
      status: 'awaiting',
      recordedOn: '2017-03-08',
    });
    const done = after(ev.repatriation(), ev.repatriated()).repatriations[0];
    expect(done).toMatchObject({ status: 'completed', completedOn: '2017-04-20' });
    const direct = after(ev.repatriation({ status: 'completed', direction: 'foreign_returned_home', country: 'VNM' }));
    expect(direct.repatriations[0]).toMatchObject({
      status: 'completed',
      recordedOn: '2017-03-08',
      completedOn: '2017-03-08',
    });
  });

  it('follow_up_recorded', () => {
    expect(after(ev.followUp()).followUps).toEqual([
      { on: '2017-10-01', outcome: 'reintegrated', note: 'Working in the family rice field' },
    ]);
  });

  it('restitution_ordered and restitution_paid, to the exact balance without floating-point noise', () => {
    const order = after(ev.ordered()).restitutionOrders[0];
    expect(order).toEqual({
      orderId: ID.order,
      amount: 8_000_000,
      currency: 'KHR',
      courtCaseReference: 'BMC-2017-044',
      orderedOn: '2017-09-15',
      paid: 0,
      payments: [],
    });
    const usd = after(ev.ordered({ amount: 0.3, currency: 'USD' }), ev.paid({ amount: 0.1 }), ev.paid({ amount: 0.2 }));
    expect(usd.restitutionOrders[0]).toMatchObject({ paid: 0.3, payments: [{ amount: 0.1 }, { amount: 0.2 }] });
  });

  it('case_closed and case_reopened', () => {
    const closed = after(ev.closed({ note: 'Back at school' }));
    expect(closed).toMatchObject({
      status: 'closed',
      closure: { on: '2017-12-01', reason: 'reintegrated', note: 'Back at school' },
    });
    const reopened = applyEvent(closed, ev.reopened());
    expect(reopened).toMatchObject({ status: 'open', closure: null });
    expect(reopened.reopenings).toEqual([{ on: '2018-02-01', reason: ev.reopened().reason, closure: closed.closure }]);
    expect(applyEvent(reopened, ev.closed({ occurredOn: '2018-03-01' })).status).toBe('closed');
  });

  it('counts the events applied as the version', () => {
    expect(after(ev.referral(), ev.answered()).version).toBe(4);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('immutability', () => {
  const all: VictimCaseEvent[] = [
    ev.opened(),
    ev.consent(),
    ev.exploitation(),
    ev.identified(),
    ev.referral(),
    ev.answered(),
    ev.serviceStarted(),
    ev.custody(),
    ev.guardianship(),
    ev.repatriation(),
    ev.repatriated(),
    ev.serviceEnded(),
    ev.withdrawn(),
    ev.returned(),
    ev.ordered(),
    ev.paid(),
    ev.followUp(),
    ev.closed(),
    ev.reopened(),
  ];

  it('never changes the previous state (each state deep-frozen before the next event)', () => {
    let state: VictimCaseState | null = null;
    for (const event of all) {
      const snapshot = structuredClone(state);
      const next = applyEvent(deepFreeze(state), deepFreeze(event));
      expect(next).not.toBe(state);
      expect(state).toEqual(snapshot);
      state = next;
    }
    expect(new Set(all.map((e) => e.type)).size).toBe(19);
  });
});
