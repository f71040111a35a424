import type { z } from 'zod';
import { countryConfigSchema, type CountryConfig } from './schema.ts';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

export interface ConfigIssue {
  /** Where, e.g. `provinces[3].name.km`; `(root)` for the whole document. */
  readonly path: string;
  /** What is wrong and how to fix it: `unknown province code "XX" — use one of ...`. */
  readonly message: string;
}

/** The configuration is invalid; `message` lists every problem, one per line. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], source = 'country configuration') {
    const n = issues.length;
    const lines = issues.map((i) => `  - ${i.path}: ${i.message}`);
    super(`Invalid ${source} (${n} problem${n === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export interface ParseCountryConfigOptions {
  /** The action catalogue: every grant must name one of these. */
  readonly actions: readonly string[];
  /** Names the document in the error message, e.g. `config/countries/KHM.json`. */
  readonly source?: string;
}

/**
 * Validates a country configuration (shape, complete localized texts, unique ids and codes, every
 * cross-reference, grant actions against `opts.actions`) and returns it deep-frozen.
 * Throws `ConfigError` listing every problem found.
 */
export function parseCountryConfig(raw: unknown, opts: ParseCountryConfigOptions): Readonly<CountryConfig> {
  const schema = countryConfigSchema.superRefine((cfg, ctx) => {
    const issue: Report = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    checkUnique(cfg, issue);
    checkOrganisationReferences(cfg, issue);
    checkActions(cfg, opts.actions, issue);
  });
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(result.error.issues.flatMap(toConfigIssues), opts.source);
  }
  return deepFreeze(result.data);
}

function checkActions(cfg: CountryConfig, actions: readonly string[], issue: Report): void {
  const known = new Set(actions);
  cfg.roles.forEach((role, i) =>
    role.grants.forEach((grant, j) => {
      if (!known.has(grant.action)) {
        issue(
          ['roles', i, 'grants', j, 'action'],
          `unknown action "${grant.action}" — use one of: ${actions.join(', ')}`,
        );
      }
    }),
  );
}

function checkUnique(cfg: CountryConfig, issue: Report): void {
  type Keyed = [list: Path, field: string, keys: string[]];
  const lists: Keyed[] = [
    [['provinces'], 'code', cfg.provinces.map((p) => p.code)],
    [['countries'], 'code', cfg.countries.map((c) => c.code)],
    [['organisations'], 'id', cfg.organisations.map((o) => o.id)],
    [['roles'], 'id', cfg.roles.map((r) => r.id)],
    [['laws'], 'id', cfg.laws.map((l) => l.id)],
    ...cfg.laws.map((l, i): Keyed => [['laws', i, 'articles'], 'number', l.articles.map((a) => a.number)]),
    ...Object.entries(cfg.codeLists).map(([name, items]): Keyed => [
      ['codeLists', name],
      'code',
      items.map((c) => c.code),
    ]),
  ];
  for (const [list, field, keys] of lists) {
    const first = new Map<string, number>();
    keys.forEach((key, i) => {
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, i);
        return;
      }
      const message = `duplicate ${field} "${key}" (also at index ${earlier}) — give each entry its own ${field}`;
      issue([...list, i, field], message);
    });
  }
}

function checkOrganisationReferences(cfg: CountryConfig, issue: Report): void {
  const provinces = new Set(cfg.provinces.map((p) => p.code));
  const countries = new Set(cfg.countries.map((c) => c.code));
  const index = new Map(cfg.organisations.map((o, i) => [o.id, i] as const));
  cfg.organisations.forEach((org, i) => {
    const at = (field: string): Path => ['organisations', i, field];
    if (org.parent !== undefined && !index.has(org.parent)) {
      issue(
        at('parent'),
        `unknown organisation id "${org.parent}" — use the id of an organisation listed under organisations`,
      );
    }
    if (org.province !== undefined && !provinces.has(org.province)) {
      issue(at('province'), `unknown province code "${org.province}" — use one of the codes listed under provinces`);
    }
    if (org.country !== undefined && !countries.has(org.country)) {
      issue(at('country'), `unknown country code "${org.country}" — add it to countries or use one listed there`);
    }
    if (org.type === 'provincial-committee' && org.province === undefined) {
      issue(at('province'), 'a provincial committee needs its province — add the province code');
    }
    if (org.type === 'diplomatic-mission' && org.country === undefined) {
      issue(at('country'), 'a diplomatic mission needs the country it is in — add its alpha-3 code');
    }
    // Cycle: following parents from org i leads back to i. Reported once, at the cycle's first member.
    const chain = [org.id];
    let next = org.parent !== undefined ? index.get(org.parent) : undefined;
    while (next !== undefined && next !== i && chain.length <= cfg.organisations.length) {
      chain.push(cfg.organisations[next]!.id);
      const parent = cfg.organisations[next]!.parent;
      next = parent !== undefined ? index.get(parent) : undefined;
    }
    const members = chain.map((id) => index.get(id)!);
    if (next === i && Math.min(...members) === i) {
      issue(
        at('parent'),
        `parent cycle ${[...chain, org.id].join(' -> ')} — an organisation cannot be its own ancestor; fix one parent`,
      );
    }
  });
}

/** `['provinces', 3, 'name', 'km']` -> `provinces[3].name.km`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Zod issues as `path: what is wrong — how to fix it` (shared by every configuration parser). */
export function toConfigIssues(issue: z.core.$ZodIssue): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'unknown field — remove it or correct its spelling',
    }));
  }
  return [{ path: formatPath(issue.path), message: describe(issue) }];
}

/** Our own messages already say how to fix; zod's built-in ones get a fix added here. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' || issue.message.includes(' — ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing — add this required field (${expectedName(issue.expected)})`;
      return `expected ${expectedName(issue.expected)}, got ${kindOf(issue.input)} — change the value to that type`;
    case 'invalid_value':
      return `${JSON.stringify(issue.input)} is not allowed — use one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return `is too small (minimum ${String(issue.minimum)}) — raise it or add entries`;
    case 'too_big':
      return `is too big (maximum ${String(issue.maximum)}) — lower it or remove entries`;
    default:
      return `${issue.message} — correct this value`;
  }
}

function expectedName(expected: string): string {
  return expected === 'record' ? 'object' : expected;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
