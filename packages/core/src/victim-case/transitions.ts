import { ConflictError, InputError } from '../errors.ts';
import type { IsoDate } from './dates.ts';
import type { EventOf, VictimCaseEvent } from './events.ts';
import { activeConsentFor, restitutionBalance, roundAmount, type VictimCaseState } from './state.ts';

export const CONSENT_OVERRIDE_MESSAGE =
  "record the person's consent to referral, or give an override reason (needs the consent-override permission)";

/**
 * Applies one event to a case: checks it against the current state, then returns a new state (the
 * old one is never changed). Throws ConflictError when the case is not in a state that allows the
 * event (409) and InputError when a field must be corrected (400). Whether the actor may record the
 * event (e.g. holds the consent-override permission) is the caller's check, not this one's.
 */
export function applyEvent(state: VictimCaseState | null, event: VictimCaseEvent): VictimCaseState {
  if (state === null) {
    if (event.type !== 'case_opened') {
      throw new ConflictError(`A victim case starts with case_opened, not ${event.type} — open the case first.`);
    }
    return opened(event);
  }
  if (event.type === 'case_opened') {
    throw new ConflictError('The case is already open — record changes with other events.');
  }
  if (state.status === 'closed' && event.type !== 'case_reopened') {
    throw new ConflictError(`The case is closed — reopen it before recording ${event.type}.`);
  }
  return { ...step(state, event), version: state.version + 1 };
}

/** Folds a case's events, in order, into its current state. */
export function projectCase(events: readonly VictimCaseEvent[]): VictimCaseState {
  const state = events.reduce<VictimCaseState | null>(applyEvent, null);
  if (state === null) throw new ConflictError('A victim case needs at least its case_opened event.');
  return state;
}

function opened(e: EventOf<'case_opened'>): VictimCaseState {
  const { type: _type, occurredOn, ...rest } = e;
  return {
    version: 1,
    status: 'open',
    openedOn: occurredOn,
    ...rest,
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
  };
}

function notBefore(on: IsoDate, earlier: IsoDate, what: string): void {
  if (on < earlier) throw new InputError('occurredOn', `is before ${what} (${earlier}) — check the date`);
}

/** A copy of `list` with `item` replaced by `next`. */
function swap<T>(list: readonly T[], item: T, next: T): T[] {
  return list.map((x) => (x === item ? next : x));
}

/** The event's own fields, without `type` and `occurredOn`. */
function fields<E extends VictimCaseEvent>(e: E): Omit<E, 'type' | 'occurredOn'> {
  const { type: _t, occurredOn: _o, ...rest } = e;
  return rest;
}

function step(s: VictimCaseState, e: VictimCaseEvent): VictimCaseState {
  const on = e.occurredOn;
  switch (e.type) {
    case 'case_opened': // rejected by applyEvent; kept for the exhaustive switch
      throw new ConflictError('The case is already open — record changes with other events.');

    case 'identification_recorded': {
      if (s.identification.status === 'identified') {
        throw new ConflictError(`The person was already formally identified on ${s.identification.on}.`);
      }
      return { ...s, identification: { ...fields(e), on } };
    }

    case 'exploitation_recorded': {
      return { ...s, exploitation: { ...fields(e), recordedOn: on } };
    }

    case 'consent_given': {
      if (s.consents.some((c) => c.consentId === e.consentId)) {
        throw new ConflictError(`Consent ${e.consentId} is already recorded — give a new consent id.`);
      }
      const { consentId, purposes, givenBy } = e;
      return { ...s, consents: [...s.consents, { consentId, purposes, givenBy, givenOn: on, active: true }] };
    }

    case 'consent_withdrawn': {
      const consent = s.consents.find((c) => c.consentId === e.consentId);
      if (!consent) throw new ConflictError(`No consent ${e.consentId} on this case.`);
      if (!consent.active)
        throw new ConflictError(`Consent ${e.consentId} was already withdrawn on ${consent.withdrawnOn}.`);
      notBefore(on, consent.givenOn, 'the consent was given');
      return { ...s, consents: swap(s.consents, consent, { ...consent, active: false, withdrawnOn: on }) };
    }

    case 'referral_made': {
      if (s.referrals.some((r) => r.referralId === e.referralId)) {
        throw new ConflictError(`Referral ${e.referralId} is already recorded — give a new referral id.`);
      }
      if (e.toOrganisationId === e.fromOrganisationId) {
        throw new InputError('toOrganisationId', 'is the referring organisation — refer to another organisation');
      }
      if (s.referrals.some((r) => r.status === 'pending' && r.toOrganisationId === e.toOrganisationId)) {
        throw new ConflictError(`A referral to ${e.toOrganisationId} is already awaiting an answer.`);
      }
      if (!activeConsentFor(s, 'referral') && !e.consentOverride) {
        throw new InputError('consentOverride', CONSENT_OVERRIDE_MESSAGE);
      }
      return { ...s, referrals: [...s.referrals, { ...fields(e), status: 'pending', madeOn: on }] };
    }

    case 'referral_answered': {
      const referral = s.referrals.find((r) => r.referralId === e.referralId);
      if (!referral) throw new ConflictError(`No referral ${e.referralId} on this case.`);
      if (referral.status !== 'pending') {
        throw new ConflictError(`Referral ${e.referralId} was already ${referral.status} on ${referral.answeredOn}.`);
      }
      notBefore(on, referral.madeOn, 'the referral was made');
      const reason = e.reason !== undefined && { answerReason: e.reason };
      const answered = { ...referral, status: e.answer, answeredOn: on, ...reason };
      return { ...s, referrals: swap(s.referrals, referral, answered) };
    }

    case 'service_started': {
      if (s.services.some((x) => x.serviceId === e.serviceId)) {
        throw new ConflictError(`Service ${e.serviceId} is already recorded — give a new service id.`);
      }
      return { ...s, services: [...s.services, { ...fields(e), status: 'open', startedOn: on }] };
    }

    case 'service_ended': {
      const service = s.services.find((x) => x.serviceId === e.serviceId);
      if (!service) throw new ConflictError(`No service ${e.serviceId} on this case.`);
      if (service.status === 'ended')
        throw new ConflictError(`Service ${e.serviceId} already ended on ${service.endedOn}.`);
      notBefore(on, service.startedOn, 'the service started');
      return { ...s, services: swap(s.services, service, { ...service, status: 'ended', endedOn: on }) };
    }

    case 'custody_transferred': {
      if (s.custody.formal && s.custody.toOrganisationId === e.toOrganisationId) {
        throw new ConflictError(`${e.toOrganisationId} already holds custody since ${s.custody.since}.`);
      }
      const transfer = fields(e);
      const { returnedToFamily: _r, legalReference: _l, ...custody } = s.custody;
      const transfers = [...custody.transfers, { ...transfer, on }];
      return { ...s, custody: { ...custody, ...transfer, formal: true, since: on, transfers } };
    }

    case 'guardianship_consent_recorded':
      return { ...s, custody: { ...s.custody, guardianshipConsent: { by: e.by, temporary: e.temporary, on } } };

    case 'returned_to_family': {
      if (s.custody.returnedToFamily) {
        throw new ConflictError(`The child was already returned to the family on ${s.custody.returnedToFamily.on}.`);
      }
      const { toOrganisationId: _to, legalReference: _l, ...custody } = s.custody;
      const returnedToFamily = { riskAssessment: e.riskAssessment, assessedBy: e.assessedBy, on };
      return { ...s, custody: { ...custody, formal: false, since: on, returnedToFamily } };
    }

    case 'repatriation_recorded': {
      if (s.repatriations.some((r) => r.repatriationId === e.repatriationId)) {
        throw new ConflictError(`Repatriation ${e.repatriationId} is already recorded — give a new repatriation id.`);
      }
      const repatriation = { ...fields(e), recordedOn: on, ...(e.status === 'completed' && { completedOn: on }) };
      return { ...s, repatriations: [...s.repatriations, repatriation] };
    }

    case 'repatriation_completed': {
      const rep = s.repatriations.find((r) => r.repatriationId === e.repatriationId);
      if (!rep) throw new ConflictError(`No repatriation ${e.repatriationId} on this case.`);
      if (rep.status === 'completed') {
        throw new ConflictError(`Repatriation ${e.repatriationId} was already completed on ${rep.completedOn}.`);
      }
      notBefore(on, rep.recordedOn, 'the repatriation was recorded');
      const completed = { ...rep, status: 'completed' as const, completedOn: on };
      return { ...s, repatriations: swap(s.repatriations, rep, completed) };
    }

    case 'follow_up_recorded': {
      return { ...s, followUps: [...s.followUps, { ...fields(e), on }] };
    }

    case 'restitution_ordered': {
      if (s.restitutionOrders.some((o) => o.orderId === e.orderId)) {
        throw new ConflictError(`Restitution order ${e.orderId} is already recorded — give a new order id.`);
      }
      const order = { ...fields(e), orderedOn: on, paid: 0, payments: [] };
      return { ...s, restitutionOrders: [...s.restitutionOrders, order] };
    }

    case 'restitution_paid': {
      const order = s.restitutionOrders.find((o) => o.orderId === e.orderId);
      if (!order) throw new ConflictError(`No restitution order ${e.orderId} on this case.`);
      const balance = restitutionBalance(order);
      if (roundAmount(e.amount - balance) > 0) {
        throw new InputError(
          'amount',
          `is more than the unpaid balance (${balance} ${order.currency}) — check the amount`,
        );
      }
      notBefore(on, order.orderedOn, 'the restitution was ordered');
      const payments = [...order.payments, { on, amount: e.amount }];
      const paid = { ...order, paid: roundAmount(order.paid + e.amount), payments };
      return { ...s, restitutionOrders: swap(s.restitutionOrders, order, paid) };
    }

    case 'case_closed': {
      const reopened = s.reopenings.at(-1)?.on;
      notBefore(on, reopened ?? s.openedOn, reopened ? 'the case was reopened' : 'the case was opened');
      return { ...s, status: 'closed', closure: { ...fields(e), on } };
    }

    case 'case_reopened': {
      if (s.status !== 'closed' || !s.closure)
        throw new ConflictError('The case is open — only a closed case can be reopened.');
      notBefore(on, s.closure.on, 'the case was closed');
      const reopening = { on, reason: e.reason, closure: s.closure };
      return { ...s, status: 'open', closure: null, reopenings: [...s.reopenings, reopening] };
    }

    default: {
      const _: never = e;
      throw new ConflictError(`Unknown event ${JSON.stringify(_)}`);
    }
  }
}
