import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { evaluateScreening, type ScreeningAnswers } from './evaluate.ts';
import {
  INDICATOR_STRENGTHS,
  meetsThresholds,
  parseQuestionnaire,
  type IndicatorStrength,
  type Questionnaire,
  type ScreeningDimension,
} from './questionnaire-schema.ts';

const FILES = ['ilo-ec-adult-labour', 'ilo-ec-adult-sexual', 'ilo-ec-child-labour', 'ilo-ec-child-sexual'] as const;

function raw(name: string): any {
  const url = new URL(`../../../../config/questionnaires/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

const Q = Object.fromEntries(FILES.map((f) => [f, parseQuestionnaire(raw(f), { languages: ['en', 'km'] })])) as Record<
  (typeof FILES)[number],
  Readonly<Questionnaire>
>;

/**
 * The ILO/EC (2009) dimension rule, written out independently of the data: a dimension is positive
 * with at least two strong indicators, or one strong and one medium or weak, or three medium, or two
 * medium and one weak.
 */
function iloEcPositive(strong: number, medium: number, weak: number): boolean {
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

const yes = (...ids: string[]): ScreeningAnswers => Object.fromEntries(ids.map((id) => [id, true]));

function allIds(q: Questionnaire): string[] {
  return q.dimensions.flatMap((d) => d.indicators.map((i) => i.id));
}

function dim(outcome: ReturnType<typeof evaluateScreening>, id: string) {
  const d = outcome.dimensions.find((x) => x.id === id);
  if (!d) throw new Error(`no dimension ${id}`);
  return d;
}

/** The smallest set of other indicators of `d` that `x` turns from not positive into positive, by the ILO/EC rule. */
function pivotalCompanions(d: ScreeningDimension, x: string): string[] | undefined {
  const others = d.indicators.filter((i) => i.id !== x);
  const strengthOfX = d.indicators.find((i) => i.id === x)!.strength;
  const pool = (s: IndicatorStrength) => others.filter((i) => i.strength === s).map((i) => i.id);
  const candidates: [number, number, number][] = [];
  for (let s = 0; s <= 2; s++) for (let m = 0; m <= 3; m++) for (let w = 0; w <= 1; w++) candidates.push([s, m, w]);
  candidates.sort((a, b) => a[0] + a[1] + a[2] - (b[0] + b[1] + b[2]));
  for (const [s, m, w] of candidates) {
    if (s > pool('strong').length || m > pool('medium').length || w > pool('weak').length) continue;
    const withX = { strong: s, medium: m, weak: w };
    withX[strengthOfX] += 1;
    if (!iloEcPositive(s, m, w) && iloEcPositive(withX.strong, withX.medium, withX.weak)) {
      return [...pool('strong').slice(0, s), ...pool('medium').slice(0, m), ...pool('weak').slice(0, w)];
    }
  }
  return undefined;
}

describe('dimension rule', () => {
  it('the shipped thresholds are exactly the ILO/EC combination rule (all counts 0..4)', () => {
    const rule = Q['ilo-ec-adult-labour'].rule.dimensionPositive;
    for (let s = 0; s <= 4; s++) {
      for (let m = 0; m <= 4; m++) {
        for (let w = 0; w <= 4; w++) {
          expect(meetsThresholds({ strong: s, medium: m, weak: w }, rule), `${s}S ${m}M ${w}W`).toBe(
            iloEcPositive(s, m, w),
          );
        }
      }
    }
  });

  for (const name of FILES) {
    const q = Q[name];
    describe(`${name}: indicator by indicator`, () => {
      for (const d of q.dimensions) {
        const byAct = d.dimensionPositive !== undefined;
        for (const ind of d.indicators) {
          it(`${d.id} / ${ind.id} (${ind.strength})`, () => {
            // Alone: counted once at its strength; only the CTIS "any one yes" dimensions turn positive.
            const alone = evaluateScreening(q, yes(ind.id));
            const own = dim(alone, d.id);
            expect(own.yes).toEqual([ind.id]);
            for (const s of INDICATOR_STRENGTHS) expect(own[s]).toBe(s === ind.strength ? 1 : 0);
            expect(own.positive).toBe(byAct ? true : iloEcPositive(own.strong, own.medium, own.weak));
            expect(alone.dimensions.filter((x) => x.id !== d.id).every((x) => !x.positive && x.yes.length === 0)).toBe(
              true,
            );
            expect(alone.result).toBe('not_indicated');
            expect(alone.unanswered).toHaveLength(allIds(q).length - 1);
            if (byAct) return;

            // With the fewest companions it tips the dimension: this indicator counts, at its strength.
            const companions = pivotalCompanions(d, ind.id);
            expect(companions, 'every indicator can decide its dimension').toBeDefined();
            expect(dim(evaluateScreening(q, yes(...companions!)), d.id).positive).toBe(false);
            const tipped = dim(evaluateScreening(q, yes(ind.id, ...companions!)), d.id);
            expect(tipped.positive).toBe(true);
            // The smallest tipping set follows from the strength: a strong indicator needs any one more;
            // a medium or weak one needs a strong, or else two more (medium+medium, medium+weak).
            const otherStrong = d.indicators.some((i) => i.id !== ind.id && i.strength === 'strong');
            expect(companions).toHaveLength(ind.strength === 'strong' || otherStrong ? 1 : 2);
          });
        }
      }
    });
  }

  it('a dimension with one strong and one weak is positive; one medium and two weak is not', () => {
    const q = Q['ilo-ec-adult-labour'];
    expect(dim(evaluateScreening(q, yes('dr-job-nature', 'dr-education')), 'deceptive-recruitment').positive).toBe(
      true,
    );
    const mw = yes('cd-threat-violence', 'cd-threat-exposure');
    expect(dim(evaluateScreening(q, mw), 'coercion-at-destination').positive).toBe(false);
    const mmw = yes('cd-threat-violence', 'cd-wages-withheld', 'cd-threat-exposure');
    expect(dim(evaluateScreening(q, mmw), 'coercion-at-destination').positive).toBe(true);
  });
});

describe('case rule: adults', () => {
  const q = Q['ilo-ec-adult-labour'];
  const deceptive = ['dr-job-nature', 'dr-wages'];
  const exploitation = ['ex-excessive-hours', 'ex-low-or-no-pay'];
  const coercion = ['cd-documents', 'cd-debt-bondage'];

  it('deceptive recruitment + exploitation + coercion at destination -> possible_victim, with reasons', () => {
    const out = evaluateScreening(q, yes(...deceptive, ...exploitation, ...coercion));
    expect(out.result).toBe('possible_victim');
    expect(out.questionnaireId).toBe('ilo-ec-adult-labour');
    expect(out.questionnaireVersion).toBe('1.0.0');
    expect(out.elements.map((e) => [e.id, e.met, e.positiveDimensions])).toEqual([
      ['recruitment', true, ['deceptive-recruitment']],
      ['exploitation', true, ['exploitative-conditions']],
      ['coercion-at-destination', true, ['coercion-at-destination']],
    ]);
    expect(out.reasons).toEqual([
      'dimension deceptive-recruitment is positive: 1 strong + 1 medium — dr-job-nature (strong), dr-wages (medium)',
      'dimension exploitative-conditions is positive: 1 strong + 1 medium — ex-excessive-hours (strong), ex-low-or-no-pay (medium)',
      'dimension coercion-at-destination is positive: 2 strong — cd-documents (strong), cd-debt-bondage (strong)',
      'element recruitment is met by: deceptive-recruitment',
      'element exploitation is met by: exploitative-conditions',
      'element coercion-at-destination is met by: coercion-at-destination',
    ]);
    expect(out.forcedLabourIndicators).toEqual([
      'deception',
      'retention-of-identity-documents',
      'debt-bondage',
      'excessive-overtime',
    ]);
  });

  it('deceptive recruitment + coercion at destination, without exploitation -> not_indicated (ILO/EC needs all three)', () => {
    const out = evaluateScreening(q, yes(...deceptive, ...coercion));
    expect(out.result).toBe('not_indicated');
    expect(out.reasons).toContain('element exploitation is not met: needs one positive of exploitative-conditions');
  });

  it('recruitment only -> not_indicated', () => {
    const out = evaluateScreening(q, yes(...deceptive, 'cr-violence', 'cr-threat-violence'));
    expect(dim(out, 'deceptive-recruitment').positive).toBe(true);
    expect(dim(out, 'coercive-recruitment').positive).toBe(true);
    expect(out.result).toBe('not_indicated');
  });

  it('destination only (exploitation and coercion, no recruitment element) -> not_indicated', () => {
    const out = evaluateScreening(
      q,
      yes(...exploitation, ...coercion, 'dv-dependency', 'dv-economic', 'dv-authorities'),
    );
    expect(out.elements.map((e) => e.met)).toEqual([false, true, true]);
    expect(out.result).toBe('not_indicated');
  });

  it('recruitment by abuse of vulnerability + exploitation + abuse of vulnerability at destination -> possible_victim', () => {
    const out = evaluateScreening(
      q,
      yes(
        'rv-economic',
        'rv-lack-of-information',
        'rv-past-difficulties',
        'ex-bad-living-conditions',
        'ex-hazardous-work',
        'ex-wage-manipulation',
        'dv-dependency',
        'dv-unknown-area',
        'dv-personal-characteristics',
      ),
    );
    expect(out.result).toBe('possible_victim');
    expect(out.dimensions.filter((d) => d.positive).map((d) => d.id)).toEqual([
      'recruitment-abuse-of-vulnerability',
      'exploitative-conditions',
      'destination-abuse-of-vulnerability',
    ]);
  });

  it('a dimension just below its threshold keeps the case not indicated', () => {
    // Exploitation has 2 medium only: not positive.
    const out = evaluateScreening(q, yes(...deceptive, 'ex-low-or-no-pay', 'ex-hazardous-work', ...coercion));
    expect(dim(out, 'exploitative-conditions')).toMatchObject({ positive: false, strong: 0, medium: 2, weak: 0 });
    expect(out.result).toBe('not_indicated');
  });

  it('adult sexual exploitation follows the same rule', () => {
    const s = Q['ilo-ec-adult-sexual'];
    const out = evaluateScreening(
      s,
      yes('cr-abduction-sale', 'cr-violence', ...exploitation, 'cd-forced-tasks', 'cd-isolation'),
    );
    expect(out.result).toBe('possible_victim');
    expect(evaluateScreening(s, yes('cr-abduction-sale', 'cr-violence', ...exploitation)).result).toBe('not_indicated');
  });

  it('all answered no -> not_indicated, nothing unanswered, nothing positive', () => {
    for (const name of FILES) {
      const all = Q[name];
      const out = evaluateScreening(all, Object.fromEntries(allIds(all).map((id) => [id, false])));
      expect(out.result).toBe('not_indicated');
      expect(out.unanswered).toEqual([]);
      expect(out.dimensions.every((d) => !d.positive && d.strong + d.medium + d.weak === 0)).toBe(true);
      expect(out.forcedLabourIndicators).toEqual([]);
      expect(out.reasons.every((r) => r.startsWith('element ') && r.includes(' is not met'))).toBe(true);
    }
  });
});

describe('case rule: children (no means required)', () => {
  const labour = Q['ilo-ec-child-labour'];
  const sexual = Q['ilo-ec-child-sexual'];
  const coercionDims = ['coercive-recruitment', 'coercion-at-destination', 'destination-abuse-of-vulnerability'];

  it('recruitment without deception or coercion + exploitation -> possible_victim', () => {
    const out = evaluateScreening(labour, yes('ra-moved', 'ex-excessive-hours', 'ex-low-or-no-pay'));
    expect(out.result).toBe('possible_victim');
    expect(out.dimensions.filter((d) => coercionDims.includes(d.id)).every((d) => !d.positive)).toBe(true);
    expect(out.elements.map((e) => [e.id, e.positiveDimensions])).toEqual([
      ['recruitment', ['child-recruitment']],
      ['exploitation', ['exploitative-conditions']],
    ]);
  });

  it('deceptive recruitment + exploitation -> possible_victim', () => {
    const out = evaluateScreening(
      labour,
      yes('dr-job-nature', 'dr-education', 'ex-excessive-hours', 'ex-hazardous-work'),
    );
    expect(out.result).toBe('possible_victim');
  });

  it('recruitment only, or exploitation only -> not_indicated', () => {
    expect(evaluateScreening(labour, yes('ra-moved', 'ra-arranged', 'ra-harboured')).result).toBe('not_indicated');
    expect(evaluateScreening(labour, yes('ex-excessive-hours', 'ex-hazardous-work', 'ex-low-or-no-pay')).result).toBe(
      'not_indicated',
    );
  });

  it('coercion at destination (forced labour, servitude) counts as exploitation of a child', () => {
    const out = evaluateScreening(labour, yes('ra-handed-over', 'cd-documents', 'cd-violence'));
    expect(out.elements[1]).toEqual({
      id: 'exploitation',
      met: true,
      positiveDimensions: ['coercion-at-destination'],
    });
    expect(out.result).toBe('possible_victim');
  });

  it('abuse of vulnerability at destination is recorded but does not decide', () => {
    const out = evaluateScreening(labour, yes('ra-moved', 'dv-dependency', 'dv-economic', 'dv-unknown-area'));
    expect(dim(out, 'destination-abuse-of-vulnerability').positive).toBe(true);
    expect(out.reasons).toContain(
      'dimension destination-abuse-of-vulnerability is positive (informational, does not decide): 3 medium — ' +
        'dv-dependency (medium), dv-unknown-area (medium), dv-economic (medium)',
    );
    expect(out.result).toBe('not_indicated');
  });

  it('sexual exploitation: recruitment + commercial sexual exploitation of the child -> possible_victim', () => {
    const out = evaluateScreening(sexual, yes('ra-handed-over', 'cse-commercial-sex'));
    expect(out.result).toBe('possible_victim');
    expect(out.elements[1]!.positiveDimensions).toEqual(['child-commercial-sexual-exploitation']);
    expect(evaluateScreening(sexual, yes('cse-commercial-sex')).result).toBe('not_indicated');
  });

  it('sexual exploitation: hazardous work is strong for children', () => {
    const out = evaluateScreening(sexual, yes('ra-moved', 'ex-hazardous-work', 'ex-excessive-hours'));
    expect(dim(out, 'exploitative-conditions')).toMatchObject({ positive: true, strong: 2 });
    expect(out.result).toBe('possible_victim');
  });
});

describe('answers', () => {
  const q = Q['ilo-ec-adult-labour'];

  it('an unknown indicator id throws, naming it', () => {
    expect(() => evaluateScreening(q, { 'dr-job-nature': true, 'made-up-question': true })).toThrow(InputError);
    expect(() => evaluateScreening(q, { 'made-up-question': false })).toThrow(/"made-up-question"/);
    try {
      evaluateScreening(q, { 'made-up-question': null, other: true });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).path).toBe('answers.made-up-question');
      expect((e as Error).message).toMatch(/unknown indicator ids "made-up-question", "other"/);
    }
  });

  it('an indicator of another questionnaire is unknown here', () => {
    expect(() => evaluateScreening(q, { 'ra-moved': true })).toThrow(/"ra-moved"/);
  });

  it('a value other than true, false or null throws', () => {
    expect(() => evaluateScreening(q, { 'dr-wages': 'yes' as unknown as boolean })).toThrow(/true, false or null/);
  });

  it('lists unanswered indicators (missing or null) in questionnaire order', () => {
    const ids = allIds(q);
    const answers: Record<string, boolean | null> = Object.fromEntries(ids.map((id) => [id, false]));
    answers['cd-debt-bondage'] = null;
    delete answers['dr-wages'];
    delete answers['dv-economic'];
    const out = evaluateScreening(q, answers);
    expect(out.unanswered).toEqual(['dr-wages', 'cd-debt-bondage', 'dv-economic']);
    expect(evaluateScreening(q, {}).unanswered).toEqual(ids);
  });

  it('unanswered indicators do not count', () => {
    const out = evaluateScreening(q, { 'dr-job-nature': true, 'dr-wages': null });
    expect(dim(out, 'deceptive-recruitment')).toMatchObject({ positive: false, strong: 1, medium: 0 });
  });
});

describe('the rule is data', () => {
  const custom = (rule: unknown, extra: Record<string, unknown> = {}) =>
    parseQuestionnaire({
      id: 'pilot',
      version: '0.1.0-draft',
      title: { en: 'Pilot' },
      basis: 'test',
      population: 'adult',
      exploitation: 'any',
      dimensions: [
        {
          id: 'recruitment',
          title: { en: 'Recruitment' },
          indicators: [
            { id: 'r-s', text: { en: 'S?' }, strength: 'strong' },
            { id: 'r-m', text: { en: 'M?' }, strength: 'medium' },
            { id: 'r-w', text: { en: 'W?' }, strength: 'weak' },
          ],
        },
        {
          id: 'destination',
          title: { en: 'Destination' },
          indicators: [
            { id: 'd-s', text: { en: 'S?' }, strength: 'strong' },
            { id: 'd-w1', text: { en: 'W?' }, strength: 'weak' },
            { id: 'd-w2', text: { en: 'W?' }, strength: 'weak' },
          ],
        },
      ],
      rule,
      ...extra,
    });

  it('other thresholds: one strong or one medium (weak alone never)', () => {
    const q = custom({
      dimensionPositive: [{ strong: 1 }, { medium: 1 }],
      caseRule: {
        allOf: [
          { id: 'recruitment', title: { en: 'R' }, anyOf: ['recruitment'] },
          { id: 'destination', title: { en: 'D' }, anyOf: ['destination'] },
        ],
      },
    });
    expect(dim(evaluateScreening(q, yes('r-s')), 'recruitment').positive).toBe(true);
    expect(dim(evaluateScreening(q, yes('r-m')), 'recruitment').positive).toBe(true);
    expect(dim(evaluateScreening(q, yes('r-w')), 'recruitment').positive).toBe(false);
    expect(dim(evaluateScreening(q, yes('d-w1', 'd-w2')), 'destination').positive).toBe(false);
    expect(evaluateScreening(q, yes('r-m', 'd-s')).result).toBe('possible_victim');
    expect(evaluateScreening(q, yes('r-m', 'd-w1')).result).toBe('not_indicated');
  });

  it('one element over several dimensions with a minimum count', () => {
    const q = custom({
      dimensionPositive: [{ strong: 1 }, { weak: 2 }],
      caseRule: { allOf: [{ id: 'both', title: { en: 'Both' }, anyOf: ['recruitment', 'destination'], min: 2 }] },
    });
    expect(evaluateScreening(q, yes('r-s')).result).toBe('not_indicated');
    const out = evaluateScreening(q, yes('r-s', 'd-w1', 'd-w2'));
    expect(out.result).toBe('possible_victim');
    expect(out.reasons).toContain('element both is met by: recruitment, destination');
  });
});
