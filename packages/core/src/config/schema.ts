import { z } from 'zod';

/**
 * The country configuration: everything country-specific (languages, provinces, agencies, roles,
 * laws, code lists) lives here, never in code. Messages read "what is wrong — how to fix it".
 * This schema checks shape and localized-text completeness; `parseCountryConfig` adds uniqueness,
 * cross-references and the action catalogue, and is the way to load a configuration.
 */

export const ORGANISATION_TYPES = [
  'national-committee',
  'provincial-committee',
  'ministry',
  'police',
  'prosecutor',
  'court',
  'social-affairs',
  'consular',
  'diplomatic-mission',
  'labour-inspectorate',
  'ngo',
  'international-organisation',
  'oversight',
  'immigration',
] as const;
export const GRANT_SCOPES = ['own', 'team', 'organisation', 'province', 'national'] as const;
export const SENSITIVITY_LABELS = ['N', 'R', 'V'] as const;

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

const alpha3 = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 3166-1 alpha-3 code — use three capital letters, e.g. "KHM"');
const nonEmpty = z.string().trim().min(1, 'is empty — write the text');
const kebabId = z
  .string()
  .regex(KEBAB, 'not a kebab-case id — use lower-case words joined by "-", e.g. "ncct-secretariat"');
const count = (min: number) =>
  z.number().int('must be a whole number — remove the decimals').min(min, `must be at least ${min} — raise it`);
const amount = z.number().min(0, 'is negative — use zero or more');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz === 'UTC' || tz.includes('/');
  } catch {
    return false;
  }
}

/** Language code -> text. Completeness against `languages` is checked at the top level. */
export const localizedTextSchema = z.record(z.string(), nonEmpty);

const penaltySchema = z
  .strictObject({
    prisonYearsMin: amount.optional(),
    prisonYearsMax: amount.optional(),
    fineMin: amount.optional(),
    fineMax: amount.optional(),
  })
  .superRefine((p, ctx) => {
    const order = (lo: number | undefined, hi: number | undefined, field: string) => {
      if (lo !== undefined && hi !== undefined && lo > hi) {
        ctx.addIssue({ code: 'custom', path: [field], message: `is above the maximum (${hi}) — swap or correct them` });
      }
    };
    order(p.prisonYearsMin, p.prisonYearsMax, 'prisonYearsMin');
    order(p.fineMin, p.fineMax, 'fineMin');
  });

const codeListSchema = z.array(
  z.strictObject({
    code: z.string().regex(SNAKE, 'not a snake_case code — use lower-case words joined by "_", e.g. "forced_labour"'),
    label: localizedTextSchema,
  }),
);

/** Code lists every configuration must define (aligned with the HTCDS code lists); more may be added. */
const requiredCodeLists = {
  exploitationTypes: codeListSchema,
  sectors: codeListSchema,
  methodsOfControl: codeListSchema,
  recruitmentMethods: codeListSchema,
  perpetratorRoles: codeListSchema,
};
export const REQUIRED_CODE_LISTS = Object.keys(requiredCodeLists) as (keyof typeof requiredCodeLists)[];

const grantSchema = z.strictObject({
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'not an action name — write "<resource>.<verb>", e.g. "case.read"'),
  scope: z.enum(GRANT_SCOPES),
  labels: z.array(z.enum(SENSITIVITY_LABELS)).min(1, 'is empty — list at least one label, e.g. ["N"]').default(['N']),
  breakGlass: z.boolean().default(false),
  hiddenFields: z.array(nonEmpty).default([]),
});

export const countryConfigSchema = z
  .strictObject({
    country: alpha3,
    name: localizedTextSchema,
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, 'not an ISO 639-1 code — use two lower-case letters, e.g. "km"'))
      .min(1, 'is empty — list at least one language; the first is the default'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 code — use three capital letters, e.g. "KHR"'),
    timezone: z.string().refine(isTimeZone, 'not a known IANA time zone — use e.g. "Asia/Phnom_Penh"'),
    provinces: z
      .array(
        z.strictObject({
          code: z
            .string()
            .regex(
              /^[A-Z0-9]+(-[A-Z0-9]+)*$/,
              'not a province code — use capitals, digits and "-", e.g. ISO 3166-2 "KH-12"',
            ),
          name: localizedTextSchema,
        }),
      )
      .min(1, 'is empty — list the country’s provinces'),
    countries: z.array(z.strictObject({ code: alpha3, name: localizedTextSchema })),
    organisations: z
      .array(
        z.strictObject({
          id: kebabId,
          type: z.enum(ORGANISATION_TYPES),
          name: localizedTextSchema,
          shortName: nonEmpty.optional(),
          parent: z.string().optional(),
          province: z.string().optional(),
          country: z.string().optional(),
        }),
      )
      .min(1, 'is empty — list at least one organisation'),
    roles: z
      .array(
        z.strictObject({
          id: z.string().regex(SNAKE, 'not a snake_case id — use lower-case words joined by "_", e.g. "social_worker"'),
          name: localizedTextSchema,
          grants: z.array(grantSchema),
        }),
      )
      .min(1, 'is empty — define at least one role'),
    laws: z.array(
      z.strictObject({
        id: kebabId,
        name: localizedTextSchema,
        year: z
          .number()
          .int('must be a whole year — e.g. 2008')
          .min(1800, 'is not a plausible year — write e.g. 2008')
          .max(2200, 'is not a plausible year — write e.g. 2008'),
        articles: z.array(
          z.strictObject({ number: nonEmpty, title: localizedTextSchema, penalty: penaltySchema.optional() }),
        ),
      }),
    ),
    codeLists: z.object(requiredCodeLists).catchall(codeListSchema),
    security: z.strictObject({
      mfaIssuer: nonEmpty,
      passwordMinLength: count(8).default(12),
      sessionIdleMinutes: count(1).default(15),
      sessionAbsoluteHours: count(1).default(10),
    }),
    statistics: z.strictObject({
      suppressionThreshold: count(1).default(10),
      expectedPopulation: count(1),
      /** Whether public statistics may name NGOs (per-organisation figures); government agencies are never hidden. */
      publishNgoNames: z.boolean().default(false),
      /** The figures of the annual report: each an indicator (core/indicators) with its parameters. */
      figures: z
        .array(
          z.strictObject({
            id: nonEmpty,
            section: z.enum(['prosecution', 'protection', 'prevention', 'profile']),
            indicator: nonEmpty,
            params: z.record(z.string(), z.unknown()).default({}),
            label: localizedTextSchema,
            /** The report's hedge on the year's value: "at least 129", "approximately 70,500". */
            qualifier: z.enum(['at_least', 'approximately']).optional(),
          }),
        )
        .default([]),
    }),
    /** Record linkage ("one person, one count"): which proposer runs, and what goes to a reviewer. */
    linkage: z
      .strictObject({
        proposer: z.enum(['fellegi-sunter', 'deterministic']).default('fellegi-sunter'),
        /**
         * Pairs below this match probability are not proposed. Low on purpose: a person reviews each pair,
         * and the linker's probabilities are conservative (on the protection demo, 95 % of the pairs
         * proposed at 0.2 are true).
         */
        minProbability: z.number().min(0).max(1).default(0.2),
        /**
         * Pairs at or above this probability are linked without a reviewer (audited as automatic);
         * absent: every pair goes to a person.
         */
        autoLinkAbove: z.number().min(0.5).max(1).optional(),
      })
      .default({ proposer: 'fellegi-sunter', minProbability: 0.2 }),
    /** Days before a work-queue alert is raised. */
    alerts: z
      .strictObject({
        childWithoutCustodyDays: count(1).default(30),
        repatriationWaitDays: count(1).default(60),
        referralUnansweredDays: count(1).default(14),
        restitutionUnpaidDays: count(0).default(0),
        absconderWithoutWarrantDays: count(0).default(7),
        evidenceWithoutChargeDays: count(1).default(60),
      })
      .default({
        childWithoutCustodyDays: 30,
        repatriationWaitDays: 60,
        referralUnansweredDays: 14,
        restitutionUnpaidDays: 0,
        absconderWithoutWarrantDays: 7,
        evidenceWithoutChargeDays: 60,
      }),
  })
  .superRefine((cfg, ctx) => {
    checkLocalizedTexts(cfg, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });

export type CountryConfig = z.infer<typeof countryConfigSchema>;
export type CountryConfigInput = z.input<typeof countryConfigSchema>;
export type Organisation = CountryConfig['organisations'][number];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type RoleConfig = CountryConfig['roles'][number];
export type GrantConfig = RoleConfig['grants'][number];
export type LocalizedText = z.infer<typeof localizedTextSchema>;

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

/** Every localized text in the configuration, with its path. */
function localizedTexts(cfg: CountryConfig): [Path, LocalizedText][] {
  const out: [Path, LocalizedText][] = [[['name'], cfg.name]];
  const named = ['provinces', 'countries', 'organisations', 'roles', 'laws'] as const;
  for (const key of named) cfg[key].forEach((item, i) => out.push([[key, i, 'name'], item.name]));
  cfg.laws.forEach((law, i) =>
    law.articles.forEach((a, j) => out.push([['laws', i, 'articles', j, 'title'], a.title])),
  );
  for (const [list, items] of Object.entries(cfg.codeLists)) {
    items.forEach((item, i) => out.push([['codeLists', list, i, 'label'], item.label]));
  }
  return out;
}

function checkLocalizedTexts(cfg: CountryConfig, issue: Report): void {
  const seen = new Set<string>();
  cfg.languages.forEach((lang, i) => {
    if (seen.has(lang)) issue(['languages', i], `"${lang}" is listed twice — remove the repeat`);
    seen.add(lang);
  });
  for (const [path, text] of localizedTexts(cfg)) {
    for (const lang of cfg.languages) {
      if (Object.hasOwn(text, lang)) continue;
      issue(
        [...path, lang],
        `missing text in "${lang}" — add a "${lang}" entry; every text needs each configured language`,
      );
    }
    for (const lang of Object.keys(text)) {
      if (seen.has(lang)) continue;
      issue([...path, lang], `language "${lang}" is not configured — remove it or add it to languages`);
    }
  }
}
