import type { OrganisationType } from '../config/schema.ts';
import { daysBetween, isChild, type IsoDate } from './dates.ts';
import { restitutionBalance, type VictimCaseState } from './state.ts';

export const VICTIM_CASE_ALERT_KINDS = [
  'child_without_custody',
  'repatriation_overdue',
  'referral_unanswered',
  'restitution_unpaid',
] as const;
export type VictimCaseAlertKind = (typeof VICTIM_CASE_ALERT_KINDS)[number];

/** Days before each alert is raised: from the country configuration. */
export interface VictimCaseAlertThresholds {
  readonly childWithoutCustodyDays: number;
  readonly repatriationWaitDays: number;
  readonly referralUnansweredDays: number;
  /** Defaults to 0: an order is listed from the day it is made until it is paid in full. */
  readonly restitutionUnpaidDays?: number;
}

export interface VictimCaseAlert {
  readonly caseId: string;
  readonly kind: VictimCaseAlertKind;
  /** The date the clock started: case opened (or reopened), repatriation recorded, referral made, order made. */
  readonly since: IsoDate;
  /** Whole days from `since` to the as-of date. */
  readonly days: number;
  /** Who should act first: `organisationIds[0]`. */
  readonly organisationId: string;
  /** Everyone who should act; the alert is shown to these organisations only. */
  readonly organisationIds: readonly string[];
  /** The referral, repatriation or restitution order the alert is about; absent for custody. */
  readonly subjectId?: string;
}

export interface AlertCase {
  readonly id: string;
  readonly state: VictimCaseState;
  /** Birth year or estimated birth year; null when unknown (no child alert then). */
  readonly birthYear: number | null;
}

export interface VictimCaseAlertOptions {
  /** Organisation types (from the configuration), to put diplomatic missions first on repatriation alerts. */
  readonly organisationType?: (organisationId: string) => OrganisationType | undefined;
}

/**
 * The work-queue alerts for the given cases as of a date (never the clock). An alert is raised once
 * `days >= threshold`. Only open cases raise alerts, except unpaid restitution: a court order stays
 * owed after the case is closed.
 * - child_without_custody: a child (see `isChild`, on the as-of date) with no formal custody, no
 *   guardianship consent and no return to the family; counted from opening (or the last reopening);
 *   for the owner.
 * - repatriation_overdue: a repatriation still awaiting; for the assisting organisations (diplomatic
 *   missions, then consular services, first; the owner if none is recorded).
 * - referral_unanswered: a pending referral; for the receiving organisation.
 * - restitution_unpaid: an order with a balance; for the owner.
 */
export function victimCaseAlerts(
  cases: readonly AlertCase[],
  asOf: IsoDate,
  thresholds: VictimCaseAlertThresholds,
  options: VictimCaseAlertOptions = {},
): VictimCaseAlert[] {
  const alerts: VictimCaseAlert[] = [];
  for (const c of cases) {
    const s = c.state;
    const raise = (
      kind: VictimCaseAlertKind,
      since: IsoDate,
      threshold: number,
      organisationIds: readonly string[],
      subjectId?: string,
    ) => {
      const days = daysBetween(since, asOf);
      if (days < 0 || days < threshold) return;
      const [organisationId = s.organisationId] = organisationIds;
      const ids = organisationIds.length > 0 ? organisationIds : [organisationId];
      alerts.push({
        caseId: c.id,
        kind,
        since,
        days,
        organisationId,
        organisationIds: ids,
        ...(subjectId && { subjectId }),
      });
    };

    if (s.status === 'open') {
      const { formal, guardianshipConsent, returnedToFamily } = s.custody;
      if (c.birthYear !== null && isChild(c.birthYear, asOf) && !formal && !guardianshipConsent && !returnedToFamily) {
        const since = s.reopenings.at(-1)?.on ?? s.openedOn;
        raise('child_without_custody', since, thresholds.childWithoutCustodyDays, [s.organisationId]);
      }
      for (const r of s.repatriations) {
        if (r.status !== 'awaiting') continue;
        const orgs = byActingOrder(r.assistingOrganisationIds, options.organisationType);
        raise('repatriation_overdue', r.recordedOn, thresholds.repatriationWaitDays, orgs, r.repatriationId);
      }
      for (const r of s.referrals) {
        if (r.status !== 'pending') continue;
        raise('referral_unanswered', r.madeOn, thresholds.referralUnansweredDays, [r.toOrganisationId], r.referralId);
      }
    }
    for (const o of s.restitutionOrders) {
      if (restitutionBalance(o) <= 0) continue;
      raise('restitution_unpaid', o.orderedOn, thresholds.restitutionUnpaidDays ?? 0, [s.organisationId], o.orderId);
    }
  }
  return alerts.sort(
    (a, b) => a.since.localeCompare(b.since) || a.caseId.localeCompare(b.caseId) || a.kind.localeCompare(b.kind),
  );
}

const ACTING_ORDER: readonly OrganisationType[] = ['diplomatic-mission', 'consular'];

/** Diplomatic missions first, then consular services, then the rest, each group in recorded order. */
function byActingOrder(ids: readonly string[], typeOf: VictimCaseAlertOptions['organisationType']): readonly string[] {
  if (!typeOf) return ids;
  const rank = (id: string) => {
    const i = ACTING_ORDER.indexOf(typeOf(id) ?? ('' as OrganisationType));
    return i < 0 ? ACTING_ORDER.length : i;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b));
}
