import type { CountryConfig } from '../config/schema.ts';
import { InputError } from '../errors.ts';
import { INSPECTION_CHECKLISTS, type InspectionSector } from './checklists.ts';
import type { RegisterDefinition } from './definitions.ts';
import { recordSchema } from './fields.ts';

export type RegisterConfig = Pick<CountryConfig, 'country' | 'countries' | 'provinces' | 'organisations'>;

export interface FieldIssue {
  /** The field (and list index) at fault, e.g. `indicators.2`; empty for the record as a whole. */
  readonly path: string;
  readonly message: string;
}

export type RegisterRecord = Readonly<Record<string, unknown>>;

/** Each register's zod schema, built once (an import validates 100,000 rows with it). */
const schemas = new WeakMap<RegisterDefinition, ReturnType<typeof recordSchema>>();
function schemaOf(def: RegisterDefinition) {
  let s = schemas.get(def);
  if (!s) schemas.set(def, (s = recordSchema(def.fields)));
  return s;
}

/**
 * Checks a record against its register: field types (zod), the configuration (organisations of the
 * allowed types, provinces, countries), the sector's checklist for inspections, and cross-field
 * rules; then adds the derived fields. Returns every issue, so an import can report them all.
 */
export function checkRegisterRecord(
  def: RegisterDefinition,
  raw: unknown,
  cfg: RegisterConfig,
): { ok: true; record: RegisterRecord } | { ok: false; issues: FieldIssue[] } {
  const parsed = schemaOf(def).safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
      })),
    };
  }
  const r = parsed.data as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const orgTypes = new Map(cfg.organisations.map((o) => [o.id, o.type]));
  const provinces = new Set(cfg.provinces.map((p) => p.code));
  const countries = new Set([cfg.country, ...cfg.countries.map((c) => c.code)]);
  for (const spec of def.fields) {
    const v = r[spec.name];
    if (v === undefined) continue;
    if (spec.kind === 'organisation') {
      const type = orgTypes.get(v as string);
      if (type === undefined)
        issues.push({
          path: spec.name,
          message: `unknown organisation "${v}" — use an organisation id from the configuration`,
        });
      else if (spec.organisationTypes && !spec.organisationTypes.includes(type))
        issues.push({
          path: spec.name,
          message: `"${v}" is a ${type} — use one of type ${spec.organisationTypes.join(' or ')}`,
        });
    }
    if (spec.kind === 'province' && !provinces.has(v as string))
      issues.push({ path: spec.name, message: `unknown province "${v}" — use a province code from the configuration` });
    if (spec.kind === 'provinceList')
      (v as string[]).forEach((p, i) => {
        if (!provinces.has(p)) issues.push({ path: `${spec.name}.${i}`, message: `unknown province "${p}"` });
      });
    if (spec.kind === 'country' && !countries.has(v as string))
      issues.push({ path: spec.name, message: `unknown country "${v}" — use the configured country or a listed one` });
  }
  if (def.id === 'inspections') {
    const allowed = INSPECTION_CHECKLISTS[r['sector'] as InspectionSector] ?? [];
    (r['indicators'] as string[]).forEach((code, i) => {
      if (!allowed.includes(code))
        issues.push({ path: `indicators.${i}`, message: `"${code}" is not on the ${String(r['sector'])} checklist` });
    });
  }
  const broken = def.check?.(r);
  if (broken) issues.push(broken);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, record: { ...r, ...def.derive?.(r) } };
}

/** The throwing form for single records (API writes): InputError naming the first bad field. */
export function parseRegisterRecord(def: RegisterDefinition, raw: unknown, cfg: RegisterConfig): RegisterRecord {
  const result = checkRegisterRecord(def, raw, cfg);
  if (result.ok) return result.record;
  const first = result.issues[0]!;
  throw new InputError(first.path, first.message);
}
