import { z } from 'zod';
import { ConfigError, deepFreeze, toConfigIssues } from '../config/parse.ts';
import { ILO_FORCED_LABOUR_IDS } from './ilo-forced-labour.ts';

/**
 * A screening questionnaire (victim identification protocol) is data, not code: versioned, shipped in
 * `config/questionnaires/`, validated here. Its rule reproduces the ILO/EC (2009) "Operational
 * indicators of trafficking in human beings" method:
 *
 * 1. Dimension rule: each indicator answered "yes" counts as strong, medium or weak; a dimension is
 *    positive when the counts reach at least one of the alternative thresholds in
 *    `rule.dimensionPositive` (a dimension may override them with its own `dimensionPositive`).
 * 2. Case rule: `rule.caseRule.allOf` lists the elements of the definition (e.g. recruitment,
 *    exploitation, coercion at destination); each element is met when at least `min` (default 1) of
 *    the dimensions named in its `anyOf` are positive. All elements met -> "possible victim".
 *
 * The result is a screening indication for referral, never a legal finding.
 */

export const INDICATOR_STRENGTHS = ['strong', 'medium', 'weak'] as const;
export type IndicatorStrength = (typeof INDICATOR_STRENGTHS)[number];
export const SCREENING_POPULATIONS = ['adult', 'child'] as const;
export const SCREENING_EXPLOITATION_TYPES = ['labour', 'sexual', 'any'] as const;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
// semver.org 2.0.0, without leading zeros.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const nonEmpty = z.string().trim().min(1, 'is empty — write the text');
const kebabId = z
  .string()
  .regex(KEBAB, 'not a kebab-case id — use lower-case words joined by "-", e.g. "deceptive-recruitment"');
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'not an ISO 639 language code — use e.g. "en" or "km"');

/** Language code -> text; English is always present (it is the reference wording). */
export const screeningTextSchema = z
  .record(languageCode, nonEmpty)
  .refine((t) => t['en'] !== undefined, { message: 'has no English text — add "en"' });

const minCount = z
  .number()
  .int('must be a whole number — remove the decimals')
  .min(0, 'is negative — use zero or more');

/** Minimum numbers of "yes" answers per strength, all required together (strengths count separately). */
export const strengthThresholdSchema = z
  .strictObject({ strong: minCount.optional(), medium: minCount.optional(), weak: minCount.optional() })
  .refine((t) => (t.strong ?? 0) + (t.medium ?? 0) + (t.weak ?? 0) > 0, {
    message: 'requires nothing, so every dimension would be positive — require at least one indicator',
  });
export type StrengthThreshold = z.output<typeof strengthThresholdSchema>;

/** Alternatives: the dimension is positive when any one threshold is reached. */
const thresholdsSchema = z.array(strengthThresholdSchema).min(1, 'is empty — list at least one threshold');

export const screeningIndicatorSchema = z.strictObject({
  id: kebabId,
  /** The question as asked, per language. A "yes" answer means the indicator is present. */
  text: screeningTextSchema,
  strength: z.enum(INDICATOR_STRENGTHS),
  /** The ILO forced-labour indicator(s) this question evidences, if any. */
  iloForcedLabour: z
    .array(z.enum(ILO_FORCED_LABOUR_IDS))
    .min(1, 'is empty — remove the field or name an indicator')
    .optional(),
});
export type ScreeningIndicator = z.output<typeof screeningIndicatorSchema>;

export const screeningDimensionSchema = z.strictObject({
  id: kebabId,
  title: screeningTextSchema,
  /** Where this dimension and its strengths come from, when not the questionnaire's own basis. */
  basis: nonEmpty.optional(),
  /** Overrides `rule.dimensionPositive` for this dimension only. */
  dimensionPositive: thresholdsSchema.optional(),
  /**
   * Asked and evaluated for the record, but outside the case rule (it cannot change the result).
   * Every other dimension must be used by the case rule, so that none is left out by mistake.
   */
  informational: z.boolean().optional(),
  indicators: z.array(screeningIndicatorSchema).min(1, 'has no indicators — add at least one'),
});
export type ScreeningDimension = z.output<typeof screeningDimensionSchema>;

export const caseElementSchema = z.strictObject({
  id: kebabId,
  title: screeningTextSchema,
  /** Dimension ids; the element is met when at least `min` of them are positive. */
  anyOf: z.array(kebabId).min(1, 'is empty — name at least one dimension'),
  min: z
    .number()
    .int('must be a whole number — remove the decimals')
    .min(1, 'must be at least 1 — raise it')
    .optional(),
});
export type CaseElement = z.output<typeof caseElementSchema>;

export const screeningRuleSchema = z.strictObject({
  dimensionPositive: thresholdsSchema,
  caseRule: z.strictObject({
    allOf: z.array(caseElementSchema).min(1, 'is empty — list the elements that must all be met'),
  }),
});
export type ScreeningRule = z.output<typeof screeningRuleSchema>;

export const questionnaireSchema = z.strictObject({
  id: kebabId,
  version: z.string().regex(SEMVER, 'not a semantic version — use MAJOR.MINOR.PATCH, e.g. "1.0.0"'),
  title: screeningTextSchema,
  /** The sources the questionnaire is built on. */
  basis: nonEmpty,
  population: z.enum(SCREENING_POPULATIONS),
  exploitation: z.enum(SCREENING_EXPLOITATION_TYPES),
  dimensions: z.array(screeningDimensionSchema).min(1, 'is empty — add the dimensions'),
  rule: screeningRuleSchema,
});
export type Questionnaire = z.output<typeof questionnaireSchema>;

export interface ParseQuestionnaireOptions {
  /** Names the document in the error message, e.g. `config/questionnaires/ilo-ec-adult-labour.json`. */
  readonly source?: string;
  /** The configured languages: when given, every text must exist in each of them (and in no other). */
  readonly languages?: readonly string[];
}

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/**
 * Validates a questionnaire (shape, unique ids, case-rule references, that every dimension can become
 * positive and is used by the case rule, and optionally text completeness against the configured
 * languages) and returns it deep-frozen. Throws `ConfigError` listing every problem.
 */
export function parseQuestionnaire(raw: unknown, opts: ParseQuestionnaireOptions = {}): Readonly<Questionnaire> {
  const schema = questionnaireSchema.superRefine((q, ctx) => {
    const issue: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    checkIds(q, issue);
    checkCaseRule(q, issue);
    checkReachable(q, issue);
    if (opts.languages !== undefined) checkLanguages(q, opts.languages, issue);
  });
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(result.error.issues.flatMap(toConfigIssues), opts.source ?? 'questionnaire');
  }
  return deepFreeze(result.data);
}

/** The thresholds that decide whether `dimension` is positive. */
export function dimensionThresholds(q: Questionnaire, dimension: ScreeningDimension): readonly StrengthThreshold[] {
  return dimension.dimensionPositive ?? q.rule.dimensionPositive;
}

/** True when the counts reach at least one of the thresholds. */
export function meetsThresholds(
  counts: Readonly<Record<IndicatorStrength, number>>,
  thresholds: readonly StrengthThreshold[],
): boolean {
  return thresholds.some((t) => INDICATOR_STRENGTHS.every((s) => counts[s] >= (t[s] ?? 0)));
}

function checkIds(q: Questionnaire, issue: Report): void {
  const dims = new Map<string, number>();
  const indicators = new Map<string, string>();
  q.dimensions.forEach((d, i) => {
    const earlier = dims.get(d.id);
    if (earlier !== undefined) {
      issue(['dimensions', i, 'id'], `duplicate id "${d.id}" (also dimensions[${earlier}]) — give each its own id`);
    } else dims.set(d.id, i);
    d.indicators.forEach((ind, j) => {
      const where = `dimensions[${i}].indicators[${j}]`;
      const first = indicators.get(ind.id);
      if (first !== undefined) {
        issue(
          ['dimensions', i, 'indicators', j, 'id'],
          `duplicate indicator id "${ind.id}" (also ${first}) — indicator ids are unique in the questionnaire`,
        );
      } else indicators.set(ind.id, where);
    });
  });
}

function checkCaseRule(q: Questionnaire, issue: Report): void {
  const dims = new Set(q.dimensions.map((d) => d.id));
  const used = new Set<string>();
  const elements = new Set<string>();
  q.rule.caseRule.allOf.forEach((el, i) => {
    const at = (...rest: Path): Path => ['rule', 'caseRule', 'allOf', i, ...rest];
    if (elements.has(el.id)) issue(at('id'), `duplicate element id "${el.id}" — give each element its own id`);
    elements.add(el.id);
    const seen = new Set<string>();
    el.anyOf.forEach((id, j) => {
      if (!dims.has(id)) {
        issue(at('anyOf', j), `unknown dimension "${id}" — use one of: ${[...dims].join(', ')}`);
      }
      if (seen.has(id)) issue(at('anyOf', j), `"${id}" is listed twice — remove the repeat`);
      seen.add(id);
      used.add(id);
    });
    if (el.min !== undefined && el.min > seen.size) {
      issue(at('min'), `needs ${el.min} positive dimensions but lists only ${seen.size} — lower min or add dimensions`);
    }
  });
  q.dimensions.forEach((d, i) => {
    if (d.informational === true && used.has(d.id)) {
      issue(
        ['dimensions', i, 'informational'],
        `dimension "${d.id}" is informational but used by the case rule — remove "informational" or the reference`,
      );
    } else if (d.informational !== true && !used.has(d.id)) {
      issue(
        ['dimensions', i, 'id'],
        `dimension "${d.id}" is not used by the case rule — add it to an element of rule.caseRule.allOf, ` +
          'mark it "informational": true, or remove it',
      );
    }
  });
}

/** A dimension whose indicators can never reach a threshold would silently never count. */
function checkReachable(q: Questionnaire, issue: Report): void {
  q.dimensions.forEach((d, i) => {
    const available = { strong: 0, medium: 0, weak: 0 };
    for (const ind of d.indicators) available[ind.strength] += 1;
    if (!meetsThresholds(available, dimensionThresholds(q, d))) {
      issue(
        ['dimensions', i, 'indicators'],
        `dimension "${d.id}" can never be positive (${available.strong} strong, ${available.medium} medium, ` +
          `${available.weak} weak indicators) — add indicators or change its thresholds`,
      );
    }
  });
}

function checkLanguages(q: Questionnaire, languages: readonly string[], issue: Report): void {
  const check = (text: Record<string, string>, path: Path) => {
    for (const lang of languages) {
      if (text[lang] === undefined) issue([...path, lang], `missing the "${lang}" text — add the translation`);
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) {
        issue([...path, lang], `language "${lang}" is not configured — remove it or add it to languages`);
      }
    }
  };
  check(q.title, ['title']);
  q.dimensions.forEach((d, i) => {
    check(d.title, ['dimensions', i, 'title']);
    d.indicators.forEach((ind, j) => check(ind.text, ['dimensions', i, 'indicators', j, 'text']));
  });
  q.rule.caseRule.allOf.forEach((el, i) => check(el.title, ['rule', 'caseRule', 'allOf', i, 'title']));
}
