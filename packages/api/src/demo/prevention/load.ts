/**
 * Prevention demo data: register records (trainings, campaigns, establishments, labour inspections,
 * recruitment agencies and their brokers, lenders, budgets, action plans with submissions and
 * activities, marriage-visa screenings, border passes) whose aggregates reproduce every prevention
 * figure of the 2018 TIP report's Cambodia chapter, and its trainings figures, written through the
 * real repository (tx.registers) by real (demo) users, so each record has its history and audit rows.
 * Figures: figures.ts; counting rules and their reference SQL: counting-rules.ts; the plan: plan.ts.
 *
 * Who writes: one acting user per organisation, through a ScopedDb bound to their actor as a
 * signed-in session gets, and the repository refuses an organisation type the register's definition
 * does not name (recordedBy). Demo accounts where they fit: secretariat.officer at the NCCT (its
 * trainings, budgets, national plan, campaigns, and partners' trainings and campaigns it compiles),
 * labour.inspector at the labour inspectorate (establishments, inspections, agencies, brokers,
 * lenders), consular.officer at the consular department (visa screenings, documentation campaigns),
 * provincial.coordinator at its provincial committee. Other organisations get a user
 * `demo.<organisation id>`, created disabled: provincial committees as provincial_coordinator,
 * embassies as consular_officer, and the ministries (education, labour, foreign affairs, tourism) and
 * immigration as secretariat_officer — the only configured role granting register.write that is not
 * tied to a committee, inspectorate or consulate.
 *
 * Loading: records in dependency order (a record after those it references), in batches of one
 * organisation's records, one transaction per batch (asynchronous commit: the data can be
 * regenerated); each record created, then its later versions written as updates. Batches run one at a
 * time: every write appends to the audit chain, whose lock is held until commit. Same seed, same
 * records and versions; only database ids and recorded_at/audit times vary.
 */
import { ActingUsers, demoWanted } from '../acting-users.ts';
import { sql, type Kysely } from 'kysely';
import type { CountryConfig, RegisterId } from '@ctis/core';
import { appendAuditAlone, type Database, type Keys } from '@ctis/db';
import {
  generatePreventionPlan,
  PREVENTION_DEMO_SEED,
  PREVENTION_ORGANISATIONS,
  REFERENCE_FIELDS,
  type PlannedData,
  type PlannedRegisterRecord,
} from './plan.ts';

export interface PreventionDemoOptions {
  readonly seed?: number;
  /** The clock for recorded_at and audit rows (default: now). Dates of facts come from the plan. */
  readonly now?: () => Date;
  /** Records per transaction (default 50). */
  readonly batch?: number;
}

export interface PreventionDemoResult {
  /** True when nothing was loaded (see `reason`). */
  readonly skipped: boolean;
  readonly reason: string | null;
  readonly seed: number;
  /** Records created. */
  readonly records: number;
  /** Later versions written (updates). */
  readonly updates: number;
  readonly byRegister: Readonly<Partial<Record<RegisterId, number>>>;
  /** Acting users created for the load (disabled). */
  readonly usersCreated: number;
  readonly ms: number;
  /** Each planned record's key and the id the database gave it. */
  readonly ids: readonly { readonly key: string; readonly id: string; readonly register: RegisterId }[];
}

/** The role each acting organisation's user holds (see the file's comment). */
export function preventionRoleFor(organisationId: string, config: Pick<CountryConfig, 'organisations'>): string {
  const type = config.organisations.find((o) => o.id === organisationId)?.type;
  if (type === 'provincial-committee') return 'provincial_coordinator';
  if (type === 'labour-inspectorate') return 'labour_inspector';
  if (type === 'consular' || type === 'diplomatic-mission') return 'consular_officer';
  return 'secretariat_officer';
}

const ROLES = ['provincial_coordinator', 'labour_inspector', 'consular_officer', 'secretariat_officer'];

/**
 * Load the prevention demo into a database with no register record yet (otherwise nothing is done:
 * `skipped`). Same seed, same records (ids and timestamps aside).
 */
export async function loadPreventionDemo(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
  opts: PreventionDemoOptions = {},
): Promise<PreventionDemoResult> {
  const started = Date.now();
  const seed = opts.seed ?? PREVENTION_DEMO_SEED;
  const skip = (reason: string): PreventionDemoResult => ({
    skipped: true,
    reason,
    seed,
    records: 0,
    updates: 0,
    byRegister: {},
    usersCreated: 0,
    ms: Date.now() - started,
    ids: [],
  });
  const known = new Set(config.organisations.map((o) => o.id));
  const missing = PREVENTION_ORGANISATIONS.filter((id) => !known.has(id));
  if (missing.length) return skip(`the country configuration lacks ${missing.join(', ')}`);
  const roles = new Set(config.roles.map((r) => r.id));
  const noRole = ROLES.filter((r) => !roles.has(r));
  if (noRole.length) return skip(`the country configuration lacks the role(s) ${noRole.join(', ')}`);
  if (await db.selectFrom('register_records').select('id').limit(1).executeTakeFirst())
    return skip('the database already holds register records');

  const plan = generatePreventionPlan(seed);
  const now = opts.now ?? (() => new Date());
  const actors = new ActingUsers(db, config, keys, now, `demo-prevention-${seed}`, preventionRoleFor);
  const ids = new Map<string, string>();
  const byRegister: Partial<Record<RegisterId, number>> = {};
  let updates = 0;

  for (const batch of batches(plan.records, opts.batch ?? 50)) {
    const scoped = await actors.scoped(batch[0]!.by);
    const created = await scoped.transaction(async (tx) => {
      await sql`SET LOCAL synchronous_commit TO OFF`.execute(tx.trx);
      const out: [string, string][] = [];
      for (const r of batch) {
        const view = await tx.registers.create(r.register, resolve(r, r.data, ids));
        for (const version of r.updates) await tx.registers.update(r.register, view.id, resolve(r, version, ids));
        out.push([r.key, view.id]);
      }
      return out;
    });
    for (const [key, id] of created) ids.set(key, id);
    for (const r of batch) {
      byRegister[r.register] = (byRegister[r.register] ?? 0) + 1;
      updates += r.updates.length;
    }
  }

  const result: PreventionDemoResult = {
    skipped: false,
    reason: null,
    seed,
    records: plan.records.length,
    updates,
    byRegister,
    usersCreated: actors.created,
    ms: Date.now() - started,
    ids: plan.records.map((r) => ({ key: r.key, id: ids.get(r.key)!, register: r.register })),
  };
  await appendAuditAlone(db, {
    actorId: 'system:demo',
    actorOrganisationId: null,
    action: 'demo.prevention_load',
    resourceType: 'register',
    resourceId: null,
    outcome: 'allowed',
    rule: null,
    reason: null,
    ip: null,
    requestId: null,
    details: { seed, records: result.records, updates, usersCreated: actors.created },
    at: now(),
  });
  return result;
}

/**
 * The plan's records in dependency levels (level 0 references nothing; a record is one level above
 * the records it references), each level split into runs of one organisation, at most `size` long.
 */
function batches(records: readonly PlannedRegisterRecord[], size: number): PlannedRegisterRecord[][] {
  const level = new Map<string, number>();
  for (const r of records) {
    const refs = (REFERENCE_FIELDS[r.register] ?? []).flatMap((f) =>
      [r.data, ...r.updates].map((d) => d[f]).filter((v): v is string => typeof v === 'string'),
    );
    const deps = refs.map((k) => {
      const l = level.get(k);
      if (l === undefined) throw new Error(`planned ${r.register} ${r.key} references ${k}, not planned before it`);
      return l;
    });
    level.set(r.key, deps.length ? Math.max(...deps) + 1 : 0);
  }
  const out: PlannedRegisterRecord[][] = [];
  const levels = [...new Set(level.values())].sort((a, b) => a - b);
  for (const l of levels) {
    const byOrg = new Map<string, PlannedRegisterRecord[]>();
    for (const r of records) if (level.get(r.key) === l) byOrg.set(r.by, [...(byOrg.get(r.by) ?? []), r]);
    for (const group of byOrg.values()) for (let i = 0; i < group.length; i += size) out.push(group.slice(i, i + size));
  }
  return out;
}

/** The record with the database's ids in its reference fields. */
function resolve(r: PlannedRegisterRecord, data: PlannedData, ids: ReadonlyMap<string, string>): PlannedData {
  const fields = REFERENCE_FIELDS[r.register] ?? [];
  if (!fields.length) return data;
  const out: Record<string, unknown> = { ...data };
  for (const f of fields) {
    if (typeof out[f] !== 'string') continue;
    const id = ids.get(out[f]);
    if (!id) throw new Error(`${r.register} ${r.key}: ${f} points to a record not loaded`);
    out[f] = id;
  }
  return out;
}

/**
 * Whether `npm start` on an empty database loads this demo: CTIS_DEMO_PREVENTION=off|on decides;
 * unset, it loads except under a test runner (VITEST), so test databases stay small unless a test
 * loads the demo itself.
 */
export function preventionDemoWanted(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return demoWanted('CTIS_DEMO_PREVENTION', env);
}

/** Called on the first start, after the prosecution demo, and by `ctis demo`. */
export async function loadPreventionDemoIfWanted(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
): Promise<PreventionDemoResult | null> {
  if (!preventionDemoWanted()) return null;
  const result = await loadPreventionDemo(db, config, keys);
  if (!result.skipped)
    console.error(
      `[ctis] prevention demo loaded: ${result.records} register records, ${result.updates} later versions (seed ${result.seed}, ${result.ms} ms)`,
    );
  return result;
}
