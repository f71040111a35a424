import { InputError } from '../errors.ts';
import { ILO_FORCED_LABOUR_IDS, type IloForcedLabourIndicatorId } from './ilo-forced-labour.ts';
import {
  INDICATOR_STRENGTHS,
  dimensionThresholds,
  meetsThresholds,
  type IndicatorStrength,
  type Questionnaire,
} from './questionnaire-schema.ts';

/**
 * The screening indication. "possible_victim" means the answers meet the questionnaire's case rule and
 * the person should be referred for formal identification; it is never a legal finding.
 */
export type ScreeningResult = 'possible_victim' | 'not_indicated';

/** Indicator id -> true (yes, present), false (no), null (not answered: unknown, refused, not asked). */
export type ScreeningAnswers = Readonly<Record<string, boolean | null>>;

export interface DimensionOutcome {
  readonly id: string;
  readonly positive: boolean;
  /** Numbers of indicators answered "yes", by strength. */
  readonly strong: number;
  readonly medium: number;
  readonly weak: number;
  /** The indicators answered "yes", in questionnaire order. */
  readonly yes: readonly string[];
}

export interface CaseElementOutcome {
  readonly id: string;
  readonly met: boolean;
  /** The dimensions of the element that are positive. */
  readonly positiveDimensions: readonly string[];
}

export interface ScreeningOutcome {
  readonly questionnaireId: string;
  readonly questionnaireVersion: string;
  readonly result: ScreeningResult;
  readonly dimensions: readonly DimensionOutcome[];
  readonly elements: readonly CaseElementOutcome[];
  /** Why: each positive dimension with its indicators, each case element met (or not met). */
  readonly reasons: readonly string[];
  /** Indicators with no answer (missing or null), in questionnaire order. */
  readonly unanswered: readonly string[];
  /** ILO forced-labour indicators evidenced by "yes" answers, in the ILO's order. */
  readonly forcedLabourIndicators: readonly IloForcedLabourIndicatorId[];
}

/**
 * Applies the questionnaire's dimension rule and case rule to the answers. Pure and deterministic.
 * Throws `InputError` naming any answer whose id is not an indicator of the questionnaire, or whose
 * value is not true, false or null.
 */
export function evaluateScreening(questionnaire: Questionnaire, answers: ScreeningAnswers): ScreeningOutcome {
  checkAnswers(questionnaire, answers);

  const unanswered: string[] = [];
  const forcedLabour = new Set<IloForcedLabourIndicatorId>();
  const dimensions = questionnaire.dimensions.map((dimension): DimensionOutcome => {
    const counts: Record<IndicatorStrength, number> = { strong: 0, medium: 0, weak: 0 };
    const yes: string[] = [];
    for (const indicator of dimension.indicators) {
      const answer = Object.hasOwn(answers, indicator.id) ? answers[indicator.id] : undefined;
      if (answer === undefined || answer === null) {
        unanswered.push(indicator.id);
      } else if (answer) {
        counts[indicator.strength] += 1;
        yes.push(indicator.id);
        for (const ilo of indicator.iloForcedLabour ?? []) forcedLabour.add(ilo);
      }
    }
    const positive = meetsThresholds(counts, dimensionThresholds(questionnaire, dimension));
    return { id: dimension.id, positive, ...counts, yes };
  });

  const byId = new Map(dimensions.map((d) => [d.id, d] as const));
  const elements = questionnaire.rule.caseRule.allOf.map((element): CaseElementOutcome => {
    const positiveDimensions = element.anyOf.filter((id) => byId.get(id)?.positive === true);
    return { id: element.id, met: positiveDimensions.length >= (element.min ?? 1), positiveDimensions };
  });

  const reasons: string[] = [];
  const strengthOf = new Map(
    questionnaire.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, i.strength] as const)),
  );
  dimensions.forEach((d, i) => {
    if (!d.positive) return;
    const counted = INDICATOR_STRENGTHS.filter((s) => d[s] > 0).map((s) => `${d[s]} ${s}`);
    const listed = d.yes.map((id) => `${id} (${strengthOf.get(id)})`);
    const note = questionnaire.dimensions[i]!.informational === true ? ' (informational, does not decide)' : '';
    reasons.push(`dimension ${d.id} is positive${note}: ${counted.join(' + ')} — ${listed.join(', ')}`);
  });
  questionnaire.rule.caseRule.allOf.forEach((element, i) => {
    const outcome = elements[i]!;
    const need = element.min ?? 1;
    const needText = need === 1 ? 'one' : `${need}`;
    if (outcome.met) {
      reasons.push(`element ${element.id} is met by: ${outcome.positiveDimensions.join(', ')}`);
    } else {
      reasons.push(
        `element ${element.id} is not met: needs ${needText} positive of ${element.anyOf.join(', ')}` +
          (outcome.positiveDimensions.length > 0 ? `; positive: ${outcome.positiveDimensions.join(', ')}` : ''),
      );
    }
  });

  return {
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    result: elements.every((e) => e.met) ? 'possible_victim' : 'not_indicated',
    dimensions,
    elements,
    reasons,
    unanswered,
    forcedLabourIndicators: ILO_FORCED_LABOUR_IDS.filter((id) => forcedLabour.has(id)),
  };
}

function checkAnswers(questionnaire: Questionnaire, answers: ScreeningAnswers): void {
  const known = new Set(questionnaire.dimensions.flatMap((d) => d.indicators.map((i) => i.id)));
  const unknown = Object.keys(answers).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(', ');
    throw new InputError(
      `answers.${unknown[0]}`,
      `unknown indicator id${unknown.length === 1 ? '' : 's'} ${names} — not in questionnaire ` +
        `${questionnaire.id} ${questionnaire.version}`,
    );
  }
  for (const [id, value] of Object.entries(answers)) {
    if (value !== true && value !== false && value !== null) {
      throw new InputError(`answers.${id}`, `answer to "${id}" must be true, false or null`);
    }
  }
}
