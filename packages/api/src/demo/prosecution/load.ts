/**
 * Prosecution demo data: case-level criminal cases from 2015 to early 2018 whose aggregates reproduce
 * every prosecution figure of the 2018 TIP report's Cambodia chapter (and the child-sex-tourism arrests
 * of its prevention section), written through the real repository (tx.criminalCases) by real (demo)
 * users, so each case has its events, compartments and audit rows. Figures and counting rules:
 * figures.ts; reference SQL: counting-rules.ts; the plan: plan.ts.
 *
 * What is in it: trafficking cases (sex, labour, both; Cambodian, Vietnamese, Chinese and Thai
 * suspects) in six provinces; child-sex-tourism cases with foreign suspects; pre-trial detention and
 * judicial supervision with check-ins, missed check-ins, flight with and without arrest warrants,
 * re-arrests, verdicts in absentia; convictions, acquittals, dismissals and settlements out of court;
 * sentences with suspended parts, fines and restitution to linked victim cases; appeals; cases stalled
 * after the police supplied evidence; cases closed without charge; rape cases (penal code, not
 * trafficking: they must not count); public officials suspected in 2018 (none in 2016 or 2017).
 *
 * Victim cases: when the protection demo (or anything else) left victim cases owned by a lead unit,
 * some of that unit's criminal cases opened the same year are linked to them (victim_linked) and
 * restitution is ordered to them; without any, those links and restitution lines are left out.
 *
 * Who writes: one acting user per organisation, each through a ScopedDb bound to their actor, as a
 * signed-in session gets: the lead unit opens the case, adds suspects (creating their person records,
 * names encrypted), links victims, supplies evidence, records re-arrests and closes; the named
 * prosecutor charges; the court orders pre-trial measures, issues warrants, opens the trial and
 * records verdicts, sentences and appeals lodged; the appeal court decides appeals; the supervising
 * unit records check-ins, missed check-ins and flight. Demo accounts where they fit (investigator,
 * prosecutor, court.clerk); other organisations get a user `demo.<organisation id>`, created disabled.
 *
 * Loading: one short transaction per repository operation, four cases at a time (asynchronous
 * commit: the data can be regenerated). Same seed, same cases and events; only database ids, case
 * numbers and recorded_at/audit times vary (and which victim cases get linked, if those vary).
 */
import { ActingUsers, demoWanted } from '../acting-users.ts';
import { sql, type Kysely } from 'kysely';
import {
  criminalCaseEventSchema,
  identitySchema,
  type CountryConfig,
  type CriminalCaseEvent,
  type CriminalEventOf,
} from '@ctis/core';
import { appendAuditAlone, ScopedDb, type Database, type Keys } from '@ctis/db';
import {
  PROSECUTION_DEMO_SEED,
  PROSECUTION_ORGANISATIONS,
  generateProsecutionPlan,
  type PlannedCriminalCase,
} from './plan.ts';

export interface ProsecutionDemoOptions {
  readonly seed?: number;
  /** The clock for recorded_at and audit rows (default: now). Dates of facts come from the plan. */
  readonly now?: () => Date;
  /** Cases loaded at a time, each operation in a transaction of its own (default 4). */
  readonly concurrency?: number;
}

export interface ProsecutionDemoResult {
  /** True when nothing was loaded (see `reason`). */
  readonly skipped: boolean;
  readonly reason: string | null;
  readonly seed: number;
  readonly cases: number;
  /** Suspects added (one person record each). */
  readonly suspects: number;
  /** Case events written, openings included. */
  readonly events: number;
  /** victim_linked events written (to existing victim cases). */
  readonly victimLinks: number;
  /** Acting users created for the load (disabled). */
  readonly usersCreated: number;
  readonly ms: number;
  /** Each planned case's key and the id the database gave it. */
  readonly records: readonly { readonly key: string; readonly caseId: string }[];
}

/** The role each acting organisation's user holds. */
function roleFor(organisationId: string, config: CountryConfig): string {
  const type = config.organisations.find((o) => o.id === organisationId)?.type;
  if (type === 'prosecutor') return 'prosecutor';
  if (type === 'court') return 'court_clerk';
  return 'investigator';
}

/**
 * Load the prosecution demo into a database that has no criminal case yet (otherwise nothing is
 * done: `skipped`). Same seed, same cases (ids and timestamps aside).
 */
export async function loadProsecutionDemo(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
  opts: ProsecutionDemoOptions = {},
): Promise<ProsecutionDemoResult> {
  const started = Date.now();
  const seed = opts.seed ?? PROSECUTION_DEMO_SEED;
  const skip = (reason: string): ProsecutionDemoResult => ({
    skipped: true,
    reason,
    seed,
    cases: 0,
    suspects: 0,
    events: 0,
    victimLinks: 0,
    usersCreated: 0,
    ms: Date.now() - started,
    records: [],
  });
  const known = new Set(config.organisations.map((o) => o.id));
  const missing = PROSECUTION_ORGANISATIONS.filter((id) => !known.has(id));
  if (missing.length) return skip(`the country configuration lacks ${missing.join(', ')}`);
  if (await db.selectFrom('criminal_cases').select('id').limit(1).executeTakeFirst())
    return skip('the database already holds criminal cases');

  const plan = generateProsecutionPlan(seed);
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 4;
  const actors = new ActingUsers(db, config, keys, now, `demo-prosecution-${seed}`, roleFor);
  for (const org of new Set(plan.cases.flatMap((c) => [c.open.leadUnitOrganisationId, ...c.steps.map((s) => s.by)])))
    await actors.scoped(org);
  const victims = await victimCaseLinks(db, plan.cases);

  const progress = plan.cases.map((c) => ({ c, caseId: '' }));
  let events = 0;
  let suspects = 0;
  let victimLinks = 0;
  await inParallel(progress, concurrency, async (p) => {
    const lead = await actors.scoped(p.c.open.leadUnitOrganisationId);
    const opened = criminalCaseEventSchema.parse(p.c.open);
    if (opened.type !== 'investigation_opened') throw new Error('a criminal case starts with investigation_opened');
    p.caseId = await lead.transaction(async (tx) => {
      await asyncCommit(tx);
      return (await tx.criminalCases.open(opened)).id;
    });
    events++;
    const suspectIds = new Map<string, string>();
    for (const step of p.c.steps) {
      const scoped = await actors.scoped(step.by);
      if (step.event.type === 'suspect_added') {
        const e = step.event;
        const person = step.person;
        if (!person) throw new Error(`${p.c.key}: a planned suspect without a person`);
        const view = await scoped.transaction(async (tx) => {
          await asyncCommit(tx);
          return tx.criminalCases.addSuspect(p.caseId, {
            occurredOn: e.occurredOn,
            nationality: e.nationality,
            ...(e.publicOfficial ? { publicOfficial: e.publicOfficial } : {}),
            ...(e.arrested !== undefined ? { arrested: e.arrested } : {}),
            person: {
              sex: person.sex,
              birthYear: person.birthYear,
              nationality: person.nationality,
              identity: identitySchema.parse(person.identity),
            },
          });
        });
        suspectIds.set(e.suspectId, view.state.suspects.at(-1)!.suspectId);
        suspects++;
        events++;
        continue;
      }
      const event = resolve(step.event, suspectIds, victims);
      if (!event) continue;
      await scoped.transaction(async (tx) => {
        await asyncCommit(tx);
        await tx.criminalCases.append(p.caseId, criminalCaseEventSchema.parse(event));
      });
      if (event.type === 'victim_linked') victimLinks++;
      events++;
    }
  });

  const result: ProsecutionDemoResult = {
    skipped: false,
    reason: null,
    seed,
    cases: progress.length,
    suspects,
    events,
    victimLinks,
    usersCreated: actors.created,
    ms: Date.now() - started,
    records: progress.map((p) => ({ key: p.c.key, caseId: p.caseId })),
  };
  await appendAuditAlone(db, {
    actorId: 'system:demo',
    actorOrganisationId: null,
    action: 'demo.prosecution_load',
    resourceType: 'criminal_case',
    resourceId: null,
    outcome: 'allowed',
    rule: null,
    reason: null,
    ip: null,
    requestId: null,
    details: { seed, cases: result.cases, suspects, events, victimLinks, usersCreated: actors.created },
    at: now(),
  });
  return result;
}

type StepEvent = PlannedCriminalCase['steps'][number]['event'];

/**
 * The planned event with the database's ids: suspects as added, victim cases as linked. A link to a
 * victim case that does not exist is left out, and so are restitution lines to it.
 */
function resolve(
  event: StepEvent,
  suspectIds: ReadonlyMap<string, string>,
  victims: ReadonlyMap<string, string>,
): CriminalCaseEvent | null {
  if (event.type === 'victim_linked') {
    const victimCaseId = victims.get(event.victimCaseId);
    return victimCaseId ? { ...event, victimCaseId } : null;
  }
  if (!('suspectId' in event)) return event;
  const suspectId = suspectIds.get(event.suspectId);
  if (!suspectId) throw new Error(`event ${event.type} for a suspect not added yet`);
  if (event.type !== 'sentence') return { ...event, suspectId };
  const { restitution, ...rest } = event as CriminalEventOf<'sentence'>;
  const lines = (restitution ?? []).flatMap((r) => {
    const victimCaseId = victims.get(r.victimCaseId);
    return victimCaseId ? [{ ...r, victimCaseId }] : [];
  });
  return { ...rest, suspectId, ...(lines.length ? { restitution: lines } : {}) };
}

/**
 * Planned victim links -> existing victim cases: each lead unit's own victim cases, opened the same
 * year as the criminal case, in order of opening; each victim case linked once. Planned links with no
 * such victim case left are not made.
 */
async function victimCaseLinks(
  db: Kysely<Database>,
  cases: readonly PlannedCriminalCase[],
): Promise<Map<string, string>> {
  const units = [...new Set(cases.map((c) => c.open.leadUnitOrganisationId))];
  const rows = await db
    .selectFrom('victim_cases')
    .select(['id', 'organisation_id', sql<string>`opened_on::text`.as('opened')])
    .where('organisation_id', 'in', units)
    .orderBy('opened_on')
    .orderBy('id')
    .execute();
  const queues = new Map<string, string[]>();
  for (const r of rows) {
    const k = `${r.organisation_id}/${r.opened.slice(0, 4)}`;
    queues.set(k, [...(queues.get(k) ?? []), r.id]);
  }
  const links = new Map<string, string>();
  for (const c of cases)
    for (const s of c.steps)
      if (s.event.type === 'victim_linked') {
        const id = queues.get(`${c.open.leadUnitOrganisationId}/${c.open.occurredOn.slice(0, 4)}`)?.shift();
        if (id) links.set(s.event.victimCaseId, id);
      }
  return links;
}

type Tx = Parameters<Parameters<ScopedDb['transaction']>[0]>[0];

/**
 * Demo data can be regenerated: its transactions need not wait for the WAL flush at commit
 * (PostgreSQL's asynchronous commit; a crash may lose the last few, never corrupt anything).
 */
async function asyncCommit(tx: Tx): Promise<void> {
  await sql`SET LOCAL synchronous_commit TO OFF`.execute(tx.trx);
}

/** Run `work` on each item, at most `limit` at a time, items started in order; the first failure stops the rest. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

/**
 * Whether `npm start` on an empty database loads this demo: CTIS_DEMO_PROSECUTION=off|on decides;
 * unset, it loads except under a test runner (VITEST), so test databases stay small unless a test
 * loads the demo itself.
 */
export function prosecutionDemoWanted(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return demoWanted('CTIS_DEMO_PROSECUTION', env);
}

/** Called on the first start, after the protection demo (whose victim cases it links to), and by `ctis demo`. */
export async function loadProsecutionDemoIfWanted(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
): Promise<ProsecutionDemoResult | null> {
  if (!prosecutionDemoWanted()) return null;
  const result = await loadProsecutionDemo(db, config, keys);
  if (!result.skipped)
    console.error(
      `[ctis] prosecution demo loaded: ${result.cases} criminal cases, ${result.suspects} suspects, ${result.events} case events, ${result.victimLinks} victim links (seed ${result.seed}, ${result.ms} ms)`,
    );
  return result;
}
