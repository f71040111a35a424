import { describe, expect, it } from 'vitest';
import { victimCaseEventSchema, type VictimCaseEvent } from './events.ts';
import { ev, ID, OWNER } from './fixtures.ts';
import { organisationsWithAccess } from './receivers.ts';
import { activeConsentFor, restitutionBalance } from './state.ts';
import { applyEvent, projectCase } from './transitions.ts';

/**
 * A Cambodian fisherman screened at the Poipet transit centre after deportation from Thailand,
 * followed from screening to reintegration, court-ordered restitution and a reopening.
 */
const story: VictimCaseEvent[] = [
  ev.opened({ occurredOn: '2017-03-01' }),
  ev.consent({ occurredOn: '2017-03-01' }),
  ev.exploitation({ occurredOn: '2017-03-02' }),
  ev.identified({ occurredOn: '2017-03-10' }),
  ev.referral({ occurredOn: '2017-03-11' }),
  ev.answered({ occurredOn: '2017-03-13' }),
  ev.serviceStarted({ occurredOn: '2017-03-14', serviceType: 'legal', governmentFunded: false }),
  ev.repatriation({ occurredOn: '2017-03-15', status: 'awaiting' }),
  ev.repatriated({ occurredOn: '2017-04-20' }),
  ev.serviceEnded({ occurredOn: '2017-09-30' }),
  ev.ordered({ occurredOn: '2017-09-15', amount: 8_000_000 }),
  ev.paid({ occurredOn: '2017-10-15', amount: 3_000_000 }),
  ev.followUp({ occurredOn: '2017-11-15' }),
  ev.closed({ occurredOn: '2017-12-01', reason: 'reintegrated' }),
  ev.reopened({ occurredOn: '2018-02-01' }),
];

describe('projectCase over a realistic case history', () => {
  const state = projectCase(story);

  it('every event is a valid API contract', () => {
    for (const e of story) expect(victimCaseEventSchema.parse(e)).toEqual(e);
  });

  it('ends open again, with its whole history kept', () => {
    expect(state).toMatchObject({
      version: story.length,
      status: 'open',
      openedOn: '2017-03-01',
      organisationId: OWNER,
      closure: null,
      identification: { status: 'identified', on: '2017-03-10', authorityOrganisationId: 'moi' },
      exploitation: { types: ['forced_labour'], sectors: ['fishing'], exploitationCountry: 'THA' },
    });
    expect(state.reopenings).toEqual([
      { on: '2018-02-01', reason: ev.reopened().reason, closure: { on: '2017-12-01', reason: 'reintegrated' } },
    ]);
  });

  it('keeps consent, referral, service and repatriation with their dates', () => {
    expect(activeConsentFor(state, 'referral')?.consentId).toBe(ID.consent);
    expect(state.referrals).toEqual([
      expect.objectContaining({
        toOrganisationId: 'chab-dai',
        status: 'accepted',
        madeOn: '2017-03-11',
        answeredOn: '2017-03-13',
      }),
    ]);
    expect(state.services).toEqual([
      expect.objectContaining({
        serviceType: 'legal',
        status: 'ended',
        startedOn: '2017-03-14',
        endedOn: '2017-09-30',
      }),
    ]);
    expect(state.repatriations).toEqual([
      expect.objectContaining({
        country: 'THA',
        status: 'completed',
        recordedOn: '2017-03-15',
        completedOn: '2017-04-20',
      }),
    ]);
    expect(state.followUps).toEqual([expect.objectContaining({ on: '2017-11-15', outcome: 'reintegrated' })]);
  });

  it('restitution: ordered, partly paid, balance owed', () => {
    const [order] = state.restitutionOrders;
    expect(order).toMatchObject({
      amount: 8_000_000,
      paid: 3_000_000,
      payments: [{ on: '2017-10-15', amount: 3_000_000 }],
    });
    expect(restitutionBalance(order!)).toBe(5_000_000);
  });

  it('shares the case with the referral receiver and the repatriation agencies', () => {
    expect(organisationsWithAccess(state)).toEqual([
      OWNER,
      'chab-dai',
      'mfaic-consular',
      'embassy-tha',
      'iom-cambodia',
    ]);
  });

  it('folding is the same as applying one event at a time', () => {
    let s = applyEvent(null, story[0]!);
    for (const e of story.slice(1)) s = applyEvent(s, e);
    expect(s).toEqual(state);
  });

  it('projects any earlier point of the history (as-of a date)', () => {
    const asOf = (date: string) => projectCase(story.filter((e) => e.occurredOn <= date));
    expect(asOf('2017-03-31').repatriations[0]?.status).toBe('awaiting');
    expect(asOf('2017-12-31').status).toBe('closed');
  });
});
