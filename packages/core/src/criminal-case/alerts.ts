import { daysBetween, type IsoDate } from '../victim-case/dates.ts';
import { supervisingUnit } from './access.ts';
import type { CriminalCaseState, Suspect } from './state.ts';

export const CRIMINAL_CASE_ALERT_KINDS = [
  'missed_check_in',
  'absconded_without_warrant',
  'stalled_after_evidence',
  'settled_out_of_court',
  'public_official_suspect',
] as const;
export type CriminalCaseAlertKind = (typeof CRIMINAL_CASE_ALERT_KINDS)[number];

/** Days before each alert is raised: from the country configuration. */
export interface CriminalCaseAlertThresholds {
  readonly absconderWithoutWarrantDays: number;
  readonly evidenceWithoutChargeDays: number;
}

export interface CriminalCaseAlert {
  readonly caseId: string;
  readonly kind: CriminalCaseAlertKind;
  /**
   * Who the alert is for: `case` — the organisations in `organisationIds` (first one acts first);
   * `oversight` — the oversight role (settlements and complicity), whatever its organisation.
   */
  readonly audience: 'case' | 'oversight';
  /** The date the clock started (the missed or due check-in, the absconding, the evidence, the verdict, the suspect added). */
  readonly since: IsoDate;
  /** Whole days from `since` to the as-of date. */
  readonly days: number;
  readonly organisationIds: readonly string[];
  /** The suspect the alert is about; absent for a stalled case. */
  readonly suspectId?: string;
  /** For listing per prosecutor and court. */
  readonly prosecutorOrganisationId?: string;
  readonly courtOrganisationId?: string;
  /** missed_check_in only: whether the miss was recorded, or inferred from the check-in schedule. */
  readonly basis?: 'recorded' | 'schedule';
}

export interface CriminalAlertCase {
  readonly id: string;
  readonly state: CriminalCaseState;
}

/**
 * The work-queue and oversight alerts for the given cases as of a date (never the clock). An alert
 * with a threshold is raised once `days >= threshold`. Alerts carry no victim or person identity.
 * Operational alerts come from open cases only; oversight flags stay after closure.
 * - missed_check_in: a supervised suspect whose miss was recorded (raised the same day, until a later
 *   check-in), or whose next scheduled check-in date (last check-in, or the start of supervision,
 *   plus `checkInEveryDays`) has passed with no check-in: raised the day after the due date, with
 *   `since` = the due date. One per suspect (a recorded miss first). For the supervising unit, lead
 *   unit, court, prosecutor.
 * - absconded_without_warrant: an absconded suspect with no arrest warrant, `absconderWithoutWarrantDays`
 *   after absconding. For the court, prosecutor, lead unit.
 * - stalled_after_evidence: evidence supplied to a prosecutor and no suspect charged in the case,
 *   `evidenceWithoutChargeDays` after the first evidence to that prosecutor; one per prosecutor.
 * - settled_out_of_court: a verdict settled out of court (oversight, from the verdict date).
 * - public_official_suspect: a suspect who is a public official (oversight, from the day added).
 */
export function criminalCaseAlerts(
  cases: readonly CriminalAlertCase[],
  asOf: IsoDate,
  thresholds: CriminalCaseAlertThresholds,
): CriminalCaseAlert[] {
  const alerts: CriminalCaseAlert[] = [];
  for (const c of cases) {
    const s = c.state;
    const raise = (
      kind: CriminalCaseAlertKind,
      since: IsoDate,
      threshold: number,
      organisationIds: readonly (string | undefined)[],
      extra: Partial<CriminalCaseAlert> = {},
    ) => {
      const days = daysBetween(since, asOf);
      if (days < 0 || days < threshold) return;
      const orgs = [...new Set(organisationIds.filter((o): o is string => o !== undefined))];
      const audience = kind === 'settled_out_of_court' || kind === 'public_official_suspect' ? 'oversight' : 'case';
      alerts.push({ caseId: c.id, kind, audience, since, days, organisationIds: orgs, ...extra });
    };

    const lead = s.leadUnitOrganisationId;
    for (const p of s.suspects) {
      const court = p.charge?.courtOrganisationId;
      const prosecutor = p.charge?.prosecutorOrganisationId;
      const about = {
        suspectId: p.suspectId,
        ...(prosecutor && { prosecutorOrganisationId: prosecutor }),
        ...(court && { courtOrganisationId: court }),
      };
      if (s.status === 'open') {
        const missed = missedCheckIn(p, asOf);
        if (missed)
          raise('missed_check_in', missed.since, missed.threshold, [supervisingUnit(s, p), lead, court, prosecutor], {
            ...about,
            basis: missed.basis,
          });
        if (p.status === 'absconded') {
          raise(
            'absconded_without_warrant',
            p.since,
            thresholds.absconderWithoutWarrantDays,
            [court, prosecutor, lead],
            about,
          );
        }
      }
      if (p.verdict?.outcome === 'settled_out_of_court') {
        raise('settled_out_of_court', p.verdict.on, 0, [court, prosecutor], about);
      }
      if (p.publicOfficial) raise('public_official_suspect', p.addedOn, 0, [lead], { suspectId: p.suspectId });
    }

    if (s.status === 'open' && !s.suspects.some((p) => p.charge !== null)) {
      const first = new Map<string, IsoDate>();
      for (const ev of s.evidence)
        if (!first.has(ev.prosecutorOrganisationId)) first.set(ev.prosecutorOrganisationId, ev.on);
      for (const [prosecutor, on] of first) {
        raise('stalled_after_evidence', on, thresholds.evidenceWithoutChargeDays, [prosecutor, lead], {
          prosecutorOrganisationId: prosecutor,
        });
      }
    }
  }
  // Plain code-unit order (ISO dates, UUIDs, ids): localeCompare would cost more than the alerts.
  return alerts.sort(
    (a, b) =>
      cmp(a.since, b.since) ||
      cmp(a.caseId, b.caseId) ||
      cmp(a.kind, b.kind) ||
      cmp(a.suspectId ?? '', b.suspectId ?? '') ||
      cmp(a.prosecutorOrganisationId ?? '', b.prosecutorOrganisationId ?? ''),
  );
}

/** The missed check-in of a supervised suspect as of a date, if any (see `criminalCaseAlerts`). */
function missedCheckIn(
  p: Suspect,
  asOf: IsoDate,
): { since: IsoDate; threshold: number; basis: 'recorded' | 'schedule' } | undefined {
  if (p.status !== 'supervised') return undefined;
  const measure = p.measures.at(-1);
  if (!measure?.checkInEveryDays) return undefined;
  const start = measure.on;
  const lastCheckIn = latest(p.checkIns.filter((d) => d >= start && d <= asOf)) ?? start;
  const recorded = p.missedCheckIns.filter((d) => d >= start && d >= lastCheckIn && d <= asOf).sort()[0];
  if (recorded !== undefined) return { since: recorded, threshold: 0, basis: 'recorded' };
  const due = addDays(lastCheckIn, measure.checkInEveryDays);
  return { since: due, threshold: 1, basis: 'schedule' };
}

function latest(dates: readonly IsoDate[]): IsoDate | undefined {
  let max: IsoDate | undefined;
  for (const d of dates) if (max === undefined || d > max) max = d;
  return max;
}

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
