/** Which indicators to answer "yes" so that a questionnaire's case rule is met (read from the file). */

type Strength = 'strong' | 'medium' | 'weak';
type Threshold = Partial<Record<Strength, number>>;

export interface QuestionnaireFile {
  id: string;
  dimensions: {
    id: string;
    dimensionPositive?: Threshold[];
    indicators: { id: string; strength: Strength; text: Record<string, string> }[];
  }[];
  rule: { dimensionPositive: Threshold[]; caseRule: { allOf: { anyOf: string[]; min?: number }[] } };
}

/**
 * For each element of the case rule, enough of its dimensions made positive through the first
 * threshold they can meet: a possible victim by the questionnaire's own rule.
 */
export function answersForPossibleVictim(q: QuestionnaireFile): string[] {
  const yes: string[] = [];
  for (const element of q.rule.caseRule.allOf) {
    let positive = 0;
    for (const dimensionId of element.anyOf) {
      if (positive >= (element.min ?? 1)) break;
      const dimension = q.dimensions.find((d) => d.id === dimensionId);
      if (!dimension) continue;
      const picked = pick(dimension.indicators, dimension.dimensionPositive ?? q.rule.dimensionPositive);
      if (!picked) continue;
      yes.push(...picked);
      positive += 1;
    }
    if (positive < (element.min ?? 1)) throw new Error(`cannot meet case element ${element.anyOf.join(', ')}`);
  }
  return yes;
}

function pick(indicators: { id: string; strength: Strength }[], thresholds: Threshold[]): string[] | null {
  for (const threshold of thresholds) {
    const chosen: string[] = [];
    let ok = true;
    for (const strength of ['strong', 'medium', 'weak'] as const) {
      const need = threshold[strength] ?? 0;
      const available = indicators.filter((i) => i.strength === strength).map((i) => i.id);
      if (available.length < need) ok = false;
      chosen.push(...available.slice(0, need));
    }
    if (ok) return chosen;
  }
  return null;
}
