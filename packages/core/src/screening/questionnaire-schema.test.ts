import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/parse.ts';
import { ILO_FORCED_LABOUR_IDS, ILO_FORCED_LABOUR_INDICATORS, iloForcedLabourName } from './ilo-forced-labour.ts';
import { parseQuestionnaire, type Questionnaire } from './questionnaire-schema.ts';

const QUESTIONNAIRE_FILES = [
  'ilo-ec-adult-labour',
  'ilo-ec-adult-sexual',
  'ilo-ec-child-labour',
  'ilo-ec-child-sexual',
] as const;

/** A fresh, mutable copy of a shipped questionnaire (untyped on purpose: tests break it). */
function raw(name: string): any {
  const url = new URL(`../../../../config/questionnaires/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

function load(name: string): Readonly<Questionnaire> {
  return parseQuestionnaire(raw(name), { source: `${name}.json`, languages: ['en', 'km'] });
}

/** Parses and returns the ConfigError it must throw. */
function failure(doc: unknown, languages?: string[]): ConfigError {
  try {
    parseQuestionnaire(doc, languages ? { languages } : {});
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const ILO_EC_DIMENSIONS = [
  'deceptive-recruitment',
  'coercive-recruitment',
  'recruitment-abuse-of-vulnerability',
  'exploitative-conditions',
  'coercion-at-destination',
  'destination-abuse-of-vulnerability',
];
const ILO_EC_RULE = [
  { strong: 2 },
  { strong: 1, medium: 1 },
  { strong: 1, weak: 1 },
  { medium: 3 },
  { medium: 2, weak: 1 },
];
const KHMER = /[\u1780-\u17FF]/;

function strengthOf(q: Questionnaire, id: string): string | undefined {
  return q.dimensions.flatMap((d) => d.indicators).find((i) => i.id === id)?.strength;
}

describe('ILO forced-labour indicators', () => {
  it('lists the 11 indicators with unique ids and English names', () => {
    expect(ILO_FORCED_LABOUR_INDICATORS).toHaveLength(11);
    expect(new Set(ILO_FORCED_LABOUR_IDS).size).toBe(11);
    expect(ILO_FORCED_LABOUR_INDICATORS.map((i) => i.name)).toEqual([
      'Abuse of vulnerability',
      'Deception',
      'Restriction of movement',
      'Isolation',
      'Physical and sexual violence',
      'Intimidation and threats',
      'Retention of identity documents',
      'Withholding of wages',
      'Debt bondage',
      'Abusive working and living conditions',
      'Excessive overtime',
    ]);
    expect(iloForcedLabourName('debt-bondage')).toBe('Debt bondage');
  });
});

describe('shipped questionnaires', () => {
  it.each(QUESTIONNAIRE_FILES)('%s parses, complete in English and Khmer, version 1.0.0', (name) => {
    const q = load(name);
    expect(q.id).toBe(name);
    expect(q.version).toBe('1.0.0');
    expect(Object.isFrozen(q.dimensions[0]!.indicators[0])).toBe(true);
    const texts = [q.title, ...q.dimensions.flatMap((d) => [d.title, ...d.indicators.map((i) => i.text)])];
    for (const text of texts) {
      expect(text.km, text.en).toMatch(KHMER);
      expect(text.en).not.toMatch(KHMER);
    }
  });

  it.each([
    ['ilo-ec-adult-labour', 'adult', 'labour', 67],
    ['ilo-ec-adult-sexual', 'adult', 'sexual', 67],
    ['ilo-ec-child-labour', 'child', 'labour', 65],
    ['ilo-ec-child-sexual', 'child', 'sexual', 65],
  ])(
    '%s: %s, %s exploitation, the six ILO/EC dimensions with %i indicators and the ILO/EC rule',
    (name, pop, exp, n) => {
      const q = load(name);
      expect(q.population).toBe(pop);
      expect(q.exploitation).toBe(exp);
      const iloEc = q.dimensions.filter((d) => ILO_EC_DIMENSIONS.includes(d.id));
      expect(iloEc.map((d) => d.id)).toEqual(ILO_EC_DIMENSIONS);
      expect(iloEc.every((d) => d.dimensionPositive === undefined)).toBe(true);
      expect(iloEc.flatMap((d) => d.indicators)).toHaveLength(n);
      expect(q.rule.dimensionPositive).toEqual(ILO_EC_RULE);
    },
  );

  it('adults: recruitment, exploitation and coercion at destination must all be met', () => {
    for (const name of ['ilo-ec-adult-labour', 'ilo-ec-adult-sexual']) {
      const q = load(name);
      expect(q.dimensions).toHaveLength(6);
      expect(q.rule.caseRule.allOf.map((e) => [e.id, e.anyOf])).toEqual([
        ['recruitment', ['deceptive-recruitment', 'coercive-recruitment', 'recruitment-abuse-of-vulnerability']],
        ['exploitation', ['exploitative-conditions']],
        ['coercion-at-destination', ['coercion-at-destination', 'destination-abuse-of-vulnerability']],
      ]);
    }
  });

  it('children: recruitment in any form and exploitation; no means element', () => {
    const labour = load('ilo-ec-child-labour');
    const sexual = load('ilo-ec-child-sexual');
    for (const q of [labour, sexual]) {
      const [recruitment, exploitation, ...rest] = q.rule.caseRule.allOf;
      expect(rest).toEqual([]);
      expect(recruitment!.anyOf).toEqual([
        'child-recruitment',
        'deceptive-recruitment',
        'coercive-recruitment',
        'recruitment-abuse-of-vulnerability',
      ]);
      expect(exploitation!.anyOf.slice(0, 2)).toEqual(['exploitative-conditions', 'coercion-at-destination']);
      const vulnerability = q.dimensions.find((d) => d.id === 'destination-abuse-of-vulnerability')!;
      expect(vulnerability.informational).toBe(true);
      const act = q.dimensions.find((d) => d.id === 'child-recruitment')!;
      expect(act.dimensionPositive).toEqual([{ strong: 1 }]);
      expect(act.basis).toMatch(/CTIS addition/);
    }
    expect(sexual.rule.caseRule.allOf[1]!.anyOf).toEqual([
      'exploitative-conditions',
      'coercion-at-destination',
      'child-commercial-sexual-exploitation',
    ]);
  });

  it('carries the ILO/EC strengths that differ between lists', () => {
    const [al, as, cl, cs] = QUESTIONNAIRE_FILES.map(load);
    for (const q of [al!, as!, cl!, cs!]) {
      expect(strengthOf(q, 'dr-job-nature')).toBe('strong');
      expect(strengthOf(q, 'dr-wages')).toBe('medium');
      expect(strengthOf(q, 'cr-violence')).toBe('strong');
      expect(strengthOf(q, 'ex-excessive-hours')).toBe('strong');
      expect(strengthOf(q, 'cd-documents')).toBe('strong');
      expect(strengthOf(q, 'cd-debt-bondage')).toBe('strong');
    }
    expect(strengthOf(al!, 'dr-education')).toBe('weak');
    expect(strengthOf(cl!, 'dr-education')).toBe('strong');
    expect(strengthOf(al!, 'cr-debt')).toBe('medium');
    expect(strengthOf(cl!, 'cr-debt')).toBe('strong');
    expect(strengthOf(al!, 'cd-forced-tasks')).toBe('medium');
    expect(strengthOf(as!, 'cd-forced-tasks')).toBe('strong');
    expect(strengthOf(cs!, 'ex-hazardous-work')).toBe('strong');
    expect(strengthOf(cl!, 'ex-no-social-protection')).toBeUndefined();
    expect(strengthOf(cl!, 'rv-false-information-law')).toBeUndefined();
    // The child lists have no weak tier.
    expect(cl!.dimensions.flatMap((d) => d.indicators).some((i) => i.strength === 'weak')).toBe(false);
  });

  it('maps questions to the ILO forced-labour indicators', () => {
    const q = load('ilo-ec-adult-labour');
    const ilo = (id: string) => q.dimensions.flatMap((d) => d.indicators).find((i) => i.id === id)?.iloForcedLabour;
    expect(ilo('cd-debt-bondage')).toEqual(['debt-bondage']);
    expect(ilo('cd-wages-withheld')).toEqual(['withholding-of-wages']);
    expect(ilo('cd-documents')).toEqual(['retention-of-identity-documents']);
    expect(ilo('ex-excessive-hours')).toEqual(['excessive-overtime']);
    expect(ilo('cd-isolation')).toEqual(['restriction-of-movement', 'isolation']);
    // Every one of the 11 is reachable from the adult labour questionnaire.
    const mapped = new Set(q.dimensions.flatMap((d) => d.indicators.flatMap((i) => i.iloForcedLabour ?? [])));
    expect([...mapped].sort()).toEqual([...ILO_FORCED_LABOUR_IDS].sort());
  });

  it('words the forced-tasks question for the form of exploitation', () => {
    const text = (name: string) =>
      load(name)
        .dimensions.flatMap((d) => d.indicators)
        .find((i) => i.id === 'cd-forced-tasks')!.text.en;
    expect(text('ilo-ec-adult-labour')).toMatch(/tasks or work/);
    expect(text('ilo-ec-adult-sexual')).toMatch(/clients or sexual acts/);
  });
});

describe('parseQuestionnaire rejects', () => {
  const paths = (e: ConfigError) => e.issues.map((i) => i.path);

  it('a duplicate indicator id, naming both places', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.dimensions[1].indicators[0].id = 'dr-job-nature';
    const e = failure(doc);
    expect(paths(e)).toContain('dimensions[1].indicators[0].id');
    expect(e.message).toMatch(/duplicate indicator id "dr-job-nature" \(also dimensions\[0\]\.indicators\[0\]\)/);
  });

  it('a case rule naming an unknown dimension', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.rule.caseRule.allOf[1].anyOf.push('forced-labour');
    const e = failure(doc);
    expect(paths(e)).toEqual(['rule.caseRule.allOf[1].anyOf[1]']);
    expect(e.message).toMatch(/unknown dimension "forced-labour"/);
  });

  it('a dimension the case rule does not use', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.rule.caseRule.allOf[2].anyOf = ['coercion-at-destination'];
    expect(failure(doc).message).toMatch(/"destination-abuse-of-vulnerability" is not used by the case rule/);
    // Marked informational, it is asked and evaluated but does not decide.
    doc.dimensions[5].informational = true;
    expect(() => parseQuestionnaire(doc)).not.toThrow();
  });

  it('an informational dimension used by the case rule', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.dimensions[5].informational = true;
    const e = failure(doc);
    expect(paths(e)).toEqual(['dimensions[5].informational']);
    expect(e.message).toMatch(/is informational but used by the case rule/);
  });

  it('a dimension that can never be positive', () => {
    const doc = raw('ilo-ec-adult-labour');
    // Two medium indicators only: the ILO/EC rule needs three medium, or two and a weak.
    doc.dimensions[5].indicators = doc.dimensions[5].indicators.slice(0, 2);
    const e = failure(doc);
    expect(paths(e)).toEqual(['dimensions[5].indicators']);
    expect(e.message).toMatch(/can never be positive \(0 strong, 2 medium, 0 weak/);
  });

  it('an element needing more positive dimensions than it lists', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.rule.caseRule.allOf[1].min = 2;
    expect(paths(failure(doc))).toEqual(['rule.caseRule.allOf[1].min']);
  });

  it('a threshold that requires nothing, an unknown strength, a bad version, an unknown ILO indicator', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.rule.dimensionPositive.push({ weak: 0 });
    doc.dimensions[0].indicators[0].strength = 'very-strong';
    doc.version = '1.0';
    doc.dimensions[0].indicators[1].iloForcedLabour = ['slavery'];
    const e = failure(doc);
    expect(paths(e).sort()).toEqual(
      [
        'rule.dimensionPositive[5]',
        'dimensions[0].indicators[0].strength',
        'version',
        'dimensions[0].indicators[1].iloForcedLabour[0]',
      ].sort(),
    );
    expect(e.message).toMatch(/not a semantic version/);
  });

  it('unknown fields and missing English', () => {
    const doc = raw('ilo-ec-adult-labour');
    doc.dimensions[0].indicators[0].weight = 3;
    delete doc.dimensions[0].indicators[1].text.en;
    const e = failure(doc);
    expect(e.issues).toContainEqual({
      path: 'dimensions[0].indicators[0].weight',
      message: 'unknown field — remove it or correct its spelling',
    });
    expect(e.issues).toContainEqual({
      path: 'dimensions[0].indicators[1].text',
      message: 'has no English text — add "en"',
    });
  });

  it('texts missing a configured language, or in one not configured', () => {
    const doc = raw('ilo-ec-adult-labour');
    delete doc.dimensions[2].indicators[3].text.km;
    doc.title.th = 'ตัวชี้วัด';
    const e = failure(doc, ['en', 'km']);
    expect(paths(e).sort()).toEqual(['dimensions[2].indicators[3].text.km', 'title.th']);
    // Without the languages option, English alone is enough.
    const lenient = raw('ilo-ec-adult-labour');
    delete lenient.dimensions[2].indicators[3].text.km;
    expect(() => parseQuestionnaire(lenient)).not.toThrow();
  });

  it('names the source document in the message', () => {
    expect(() => parseQuestionnaire({}, { source: 'config/questionnaires/x.json' })).toThrow(
      /^Invalid config\/questionnaires\/x\.json \(\d+ problems\)/,
    );
  });
});
