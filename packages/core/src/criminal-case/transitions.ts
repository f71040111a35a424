import { ConflictError, InputError } from '../errors.ts';
import type { IsoDate } from '../victim-case/dates.ts';
import type { CriminalCaseEvent, CriminalEventOf } from './events.ts';
import type { CriminalCaseState, Suspect, SuspectStatus } from './state.ts';

/**
 * Applies one event to a criminal case: checks it against the current state, then returns a new
 * state (the old one is never changed). Throws ConflictError when the case or suspect is not in a
 * state that allows the event (409) and InputError when a field must be corrected (400): an unknown
 * suspect, a victim case not linked, a date before the fact it follows. Who may record the event is
 * the caller's check.
 */
export function applyCriminalEvent(state: CriminalCaseState | null, event: CriminalCaseEvent): CriminalCaseState {
  if (state === null) {
    if (event.type !== 'investigation_opened') {
      throw new ConflictError(
        `A criminal case starts with investigation_opened, not ${event.type} — open the investigation first.`,
      );
    }
    return opened(event);
  }
  if (event.type === 'investigation_opened') {
    throw new ConflictError('The investigation is already open — record changes with other events.');
  }
  if (state.status === 'closed') {
    throw new ConflictError(`The case was closed on ${state.closure?.on} — ${event.type} cannot be recorded.`);
  }
  notBefore(event.occurredOn, state.openedOn, 'the investigation was opened');
  return { ...step(state, event), version: state.version + 1 };
}

/** Folds a case's events, in order, into its current state. */
export function projectCriminalCase(events: readonly CriminalCaseEvent[]): CriminalCaseState {
  const state = events.reduce<CriminalCaseState | null>(applyCriminalEvent, null);
  if (state === null) throw new ConflictError('A criminal case needs at least its investigation_opened event.');
  return state;
}

function opened(e: CriminalEventOf<'investigation_opened'>): CriminalCaseState {
  const { type: _type, occurredOn, ...rest } = e;
  return {
    version: 1,
    status: 'open',
    openedOn: occurredOn,
    ...rest,
    suspects: [],
    victims: [],
    evidence: [],
    trials: [],
    closure: null,
  };
}

function notBefore(on: IsoDate, earlier: IsoDate, what: string): void {
  if (on < earlier) throw new InputError('occurredOn', `is before ${what} (${earlier}) — check the date`);
}

/** Statuses from which each suspect event may be recorded. */
const ALLOWED_FROM: Partial<Record<CriminalCaseEvent['type'], readonly SuspectStatus[]>> = {
  charged: ['investigated'],
  pretrial_measure: ['charged', 'detained', 'supervised', 'rearrested'],
  check_in_recorded: ['supervised'],
  check_in_missed: ['supervised'],
  absconded: ['detained', 'supervised'],
  arrest_warrant_issued: ['absconded'],
  rearrested: ['warrant_issued'],
  verdict: ['charged', 'detained', 'supervised', 'absconded', 'warrant_issued', 'rearrested'],
  sentence: ['judged'],
  appeal: ['judged'],
};

const NEEDS: Partial<Record<CriminalCaseEvent['type'], string>> = {
  charged: 'the suspect is already charged',
  pretrial_measure:
    'a pre-trial measure needs a charged suspect in custody or under a measure (re-arrest an absconder first)',
  check_in_recorded: 'check-ins are recorded only under judicial supervision',
  check_in_missed: 'check-ins are recorded only under judicial supervision',
  absconded: 'only a detained or supervised suspect can abscond',
  arrest_warrant_issued: 'a warrant is recorded for an absconded suspect without one',
  rearrested: 'a re-arrest follows an arrest warrant',
  verdict: 'a verdict needs a charged suspect without one',
  sentence: 'a sentence follows a verdict',
  appeal: 'an appeal follows a verdict',
};

function findSuspect(s: CriminalCaseState, suspectId: string, type: CriminalCaseEvent['type'], on: IsoDate): Suspect {
  const suspect = s.suspects.find((x) => x.suspectId === suspectId);
  if (!suspect) throw new InputError('suspectId', 'is not a suspect in this case — add the suspect first');
  const allowed = ALLOWED_FROM[type];
  if (allowed && !allowed.includes(suspect.status)) {
    throw new ConflictError(`Suspect ${suspectId} is ${suspect.status} — ${NEEDS[type]}.`);
  }
  notBefore(on, suspect.since, `the suspect's last change (${suspect.status})`);
  return suspect;
}

function withSuspect(s: CriminalCaseState, suspect: Suspect, next: Partial<Suspect>): CriminalCaseState {
  return { ...s, suspects: s.suspects.map((x) => (x === suspect ? { ...suspect, ...next } : x)) };
}

/** A copy of `list` with its last item replaced by `f(last)`. */
function updateLast<T>(list: readonly T[], f: (last: T) => T): T[] {
  return list.map((x, i) => (i === list.length - 1 ? f(x) : x));
}

function step(s: CriminalCaseState, e: CriminalCaseEvent): CriminalCaseState {
  const on = e.occurredOn;
  switch (e.type) {
    case 'investigation_opened': // rejected by applyCriminalEvent; kept for the exhaustive switch
      throw new ConflictError('The investigation is already open — record changes with other events.');

    case 'suspect_added': {
      if (s.suspects.some((x) => x.suspectId === e.suspectId)) {
        throw new ConflictError(`Suspect ${e.suspectId} is already in this case — give a new suspect id.`);
      }
      if (s.suspects.some((x) => x.personId === e.personId)) {
        throw new ConflictError(`Person ${e.personId} is already a suspect in this case.`);
      }
      const { type: _t, occurredOn: _o, ...fields } = e;
      const suspect: Suspect = {
        ...fields,
        addedOn: on,
        status: 'investigated',
        since: on,
        charge: null,
        measures: [],
        checkIns: [],
        missedCheckIns: [],
        abscondings: [],
        verdict: null,
        sentence: null,
        appeals: [],
      };
      return { ...s, suspects: [...s.suspects, suspect] };
    }

    case 'victim_linked': {
      if (s.victims.some((v) => v.victimCaseId === e.victimCaseId)) {
        throw new ConflictError(`Victim case ${e.victimCaseId} is already linked to this case.`);
      }
      return { ...s, victims: [...s.victims, { victimCaseId: e.victimCaseId, linkedOn: on }] };
    }

    case 'evidence_supplied':
      return { ...s, evidence: [...s.evidence, { prosecutorOrganisationId: e.prosecutorOrganisationId, on }] };

    case 'charged': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const { prosecutorOrganisationId, courtOrganisationId, articles, investigatingJudge } = e;
      const charge = {
        prosecutorOrganisationId,
        courtOrganisationId,
        articles,
        ...(investigatingJudge !== undefined && { investigatingJudge }),
        on,
      };
      return withSuspect(s, suspect, { status: 'charged', since: on, charge });
    }

    case 'trial_opened': {
      if (!s.suspects.some((x) => x.charge?.courtOrganisationId === e.courtOrganisationId)) {
        throw new InputError('courtOrganisationId', 'has no suspect charged before it — record the charge first');
      }
      if (s.trials.some((t) => t.courtOrganisationId === e.courtOrganisationId)) {
        throw new ConflictError(`A trial before ${e.courtOrganisationId} is already open in this case.`);
      }
      return { ...s, trials: [...s.trials, { courtOrganisationId: e.courtOrganisationId, on }] };
    }

    case 'pretrial_measure': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const status = e.measure === 'detention' ? 'detained' : 'supervised';
      const current = suspect.measures.at(-1);
      if (
        status === suspect.status &&
        current?.checkInEveryDays === e.checkInEveryDays &&
        current?.supervisingOrganisationId === e.supervisingOrganisationId
      ) {
        throw new ConflictError(`Suspect ${e.suspectId} is already under this measure since ${suspect.since}.`);
      }
      const measure = {
        measure: e.measure,
        on,
        ...(e.checkInEveryDays !== undefined && { checkInEveryDays: e.checkInEveryDays }),
        ...(e.supervisingOrganisationId !== undefined && { supervisingOrganisationId: e.supervisingOrganisationId }),
      };
      return withSuspect(s, suspect, { status, since: on, measures: [...suspect.measures, measure] });
    }

    case 'check_in_recorded': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      if (suspect.checkIns.includes(on) || suspect.missedCheckIns.includes(on)) {
        throw new ConflictError(`A check-in on ${on} is already recorded (made or missed) for suspect ${e.suspectId}.`);
      }
      return withSuspect(s, suspect, { checkIns: [...suspect.checkIns, on] });
    }

    case 'check_in_missed': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      if (suspect.missedCheckIns.includes(on) || suspect.checkIns.includes(on)) {
        throw new ConflictError(`A check-in on ${on} is already recorded (made or missed) for suspect ${e.suspectId}.`);
      }
      return withSuspect(s, suspect, { missedCheckIns: [...suspect.missedCheckIns, on] });
    }

    case 'absconded': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      return withSuspect(s, suspect, { status: 'absconded', since: on, abscondings: [...suspect.abscondings, { on }] });
    }

    case 'arrest_warrant_issued': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const abscondings = updateLast(suspect.abscondings, (a) => ({ ...a, warrantOn: on }));
      return withSuspect(s, suspect, { status: 'warrant_issued', since: on, abscondings });
    }

    case 'rearrested': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const abscondings = updateLast(suspect.abscondings, (a) => ({ ...a, rearrestedOn: on }));
      return withSuspect(s, suspect, { status: 'rearrested', since: on, abscondings });
    }

    case 'verdict': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const atLarge = suspect.status === 'absconded' || suspect.status === 'warrant_issued';
      if (e.outcome === 'in_absentia' && !atLarge) {
        throw new ConflictError(
          `Suspect ${e.suspectId} is ${suspect.status} — a verdict in absentia needs an absconded defendant.`,
        );
      }
      return withSuspect(s, suspect, { status: 'judged', since: on, verdict: { outcome: e.outcome, on } });
    }

    case 'sentence': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const outcome = suspect.verdict?.outcome;
      if (outcome !== 'convicted' && outcome !== 'in_absentia') {
        throw new ConflictError(
          `Suspect ${e.suspectId} was ${outcome} — only a conviction (or in absentia) is sentenced.`,
        );
      }
      if (suspect.sentence) {
        throw new ConflictError(`Suspect ${e.suspectId} was already sentenced on ${suspect.sentence.on}.`);
      }
      const restitution = e.restitution ?? [];
      restitution.forEach((r, i) => {
        if (!s.victims.some((v) => v.victimCaseId === r.victimCaseId)) {
          throw new InputError(
            `restitution.${i}.victimCaseId`,
            'is not a victim case linked to this case — link it first',
          );
        }
      });
      const { prisonMonths, suspendedMonths, fine } = e;
      const sentence = { prisonMonths, suspendedMonths, ...(fine && { fine }), restitution, on };
      return withSuspect(s, suspect, { sentence });
    }

    case 'appeal': {
      const suspect = findSuspect(s, e.suspectId, e.type, on);
      const sameCourt = suspect.appeals.filter((a) => a.courtOrganisationId === e.courtOrganisationId).at(-1);
      if (sameCourt && sameCourt.outcome === undefined) {
        if (e.outcome === undefined) {
          throw new ConflictError(
            `An appeal to ${e.courtOrganisationId} is already pending since ${sameCourt.lodgedOn}.`,
          );
        }
        notBefore(on, sameCourt.lodgedOn, 'the appeal was lodged');
        const decided = { ...sameCourt, outcome: e.outcome, decidedOn: on };
        return withSuspect(s, suspect, { appeals: suspect.appeals.map((a) => (a === sameCourt ? decided : a)) });
      }
      if (sameCourt) {
        throw new ConflictError(
          `The appeal to ${e.courtOrganisationId} was already decided (${sameCourt.outcome}) on ${sameCourt.decidedOn}.`,
        );
      }
      const appeal = {
        courtOrganisationId: e.courtOrganisationId,
        lodgedOn: on,
        ...(e.outcome !== undefined && { outcome: e.outcome, decidedOn: on }),
      };
      return withSuspect(s, suspect, { appeals: [...suspect.appeals, appeal] });
    }

    case 'case_closed': {
      const { reason, note } = e;
      return { ...s, status: 'closed', closure: { on, reason, ...(note !== undefined && { note }) } };
    }

    default: {
      const _: never = e;
      throw new ConflictError(`Unknown event ${JSON.stringify(_)}`);
    }
  }
}
