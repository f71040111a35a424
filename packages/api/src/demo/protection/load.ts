/**
 * Protection demo data: case-level records for 2016 and 2017 whose aggregates reproduce every
 * protection figure of the 2018 TIP report's Cambodia chapter (../shared/data/tip-figures-cambodia.json),
 * written through the real repositories by real (demo) users, so each record has its events and audit rows.
 *
 * COUNTING RULES — the statistics compute each figure exactly like this (reference SQL: counting-rules.ts).
 * "Year Y" is the calendar year of the event's occurredOn (the date of the fact, not of data entry).
 *
 *  A completed repatriation: a repatriation_recorded event with status 'completed' (completed on its
 *  occurredOn), or one with status 'awaiting' followed by a repatriation_completed event with the same
 *  repatriationId (completed on that event's occurredOn). Its country is the recorded event's country.
 *  Awaiting repatriations never completed are not counted.
 *
 *  protection.repatriated_by_mfaic (Y, by country)
 *      = completed repatriations, direction 'home_from_abroad', completed in Y, on cases owned by
 *        (victim_cases.organisation_id =) 'mfaic-consular'; countries = distinct countries among them.
 *  protection.repatriated_with_mosavy (Y, by country)
 *      = the same on cases owned by 'mosavy'.
 *  protection.foreign_victims_repatriated (Y, by country)
 *      = completed repatriations, direction 'foreign_returned_home', completed in Y, on cases owned by 'mosavy'.
 *  protection.referred_by_police (Y)
 *      = distinct cases owned by a police organisation (configuration type 'police') with at least one
 *        referral_made event in Y whose toOrganisationId is of type 'social-affairs' or 'ngo'
 *        (a referral declined and made again elsewhere counts the victim once; answers do not matter).
 *  protection.referred_by_mosavy (Y)
 *      = distinct cases owned by 'mosavy' with a referral_made event in Y, fromOrganisationId 'mosavy'.
 *        2017 is null in the report (not reported): the demo has no MOSAVY referral in 2017, so it counts 0.
 *  protection.assisted_by_ngo (Y) — "the NGO" is 'chab-dai'
 *      = distinct cases owned by 'chab-dai' with a service_started event in Y whose providerOrganisationId
 *        is 'chab-dai'; countries = distinct exploitationCountry of those cases' (latest)
 *        exploitation_recorded event. Only 2017 is stated; the demo has no NGO case in 2016.
 *  protection.deportees_screened_poipet (Y)
 *      = sum of screening_tallies.screened, organisation 'poipet-transit-centre', site
 *        'border_transit_centre', day in Y (one tally a day, no identities: 366 + 365 rows).
 *  protection.victims_identified_poipet (Y)
 *      = sum of those tallies' indicated + screenings of 'poipet-transit-centre' with result
 *        'possible_victim' in Y (0: the demo records none).
 *
 * Counts are of records, as each agency counts: a person MFAIC recorded twice counts twice in MFAIC's
 * figure. Who is the same person across agencies is hidden in the ground truth (plan.ts:
 * protectionGroundTruth), never in the database; de-duplication has to find it.
 *
 * What is in it (plan.ts, figures.ts): for each year and country, MFAIC's, MOSAVY's and the NGO's
 * counts split into people known to one, two or all three (fixed shares, so the figures never depend on
 * the seed), each agency recording them its own way (MFAIC from passports, Latin and often upper case;
 * MOSAVY in Khmer script, often a birth year only; the NGO as the person says it: variants, given name
 * first, nicknames, other phones); a few people trafficked again (2016 and 2017), a few recorded twice
 * by MFAIC, police interceptions the NGO also received; records that must not count: repatriations still
 * awaited at the end of 2017, declined referrals made again elsewhere, victims who refused referral.
 * Unstated splits (MFAIC 2016 by country, MOSAVY 2016, the NGO's nine countries) are chosen in figures.ts.
 *
 * Loading: the plan (plan.ts) is pure and seeded (mulberry32); then each record is written in order of
 * its steps, one short transaction per repository operation, four records at a time, so the audit chain's
 * lock is held briefly (asynchronous commit: the data can be regenerated). Same seed, same records and
 * events; only database ids, case numbers (commit order) and recorded_at/audit times vary.
 *
 * Who writes: one acting user per organisation, each through a ScopedDb bound to their actor
 * (actorFor, as a signed-in session gets). The demo accounts are used where they fit (consular.officer
 * at mfaic-consular, ngo.case.worker at chab-dai, social.worker at dosavy-phnom-penh, investigator at
 * ahtjp-phnom-penh); other organisations get a user `demo.<organisation id>`, created disabled so it
 * can never sign in.
 */
import { ActingUsers, demoWanted } from '../acting-users.ts';
import { sql, type Kysely } from 'kysely';
import { identitySchema, victimCaseEventSchema, type CountryConfig } from '@ctis/core';
import { appendAuditAlone, ScopedDb, type Database, type Keys } from '@ctis/db';
import { PROTECTION_DEMO_SEED, generateProtectionPlan, ORG, POLICE_UNITS } from './plan.ts';

export interface ProtectionDemoOptions {
  readonly seed?: number;
  /** The clock for recorded_at and audit rows (default: now). Dates of facts come from the plan. */
  readonly now?: () => Date;
  /** Records loaded at a time, each operation in a transaction of its own (default 4). */
  readonly concurrency?: number;
}

export interface ProtectionDemoResult {
  /** True when nothing was loaded (see `reason`). */
  readonly skipped: boolean;
  readonly reason: string | null;
  readonly seed: number;
  /** Person rows written (one per agency record). */
  readonly persons: number;
  readonly cases: number;
  /** Case events, openings included. */
  readonly events: number;
  readonly tallies: number;
  readonly screened: number;
  /** Distinct hidden true persons behind the records. */
  readonly truePersons: number;
  /** Acting users created for the load (disabled). */
  readonly usersCreated: number;
  readonly ms: number;
  /** Each record's key (ground truth joins on it) and the ids the database gave it. */
  readonly records: readonly { readonly key: string; readonly personId: string; readonly caseId: string }[];
}

/** The role each acting organisation's user holds. */
function roleFor(organisationId: string, config: CountryConfig): string {
  const type = config.organisations.find((o) => o.id === organisationId)?.type;
  if (type === 'consular' || type === 'diplomatic-mission') return 'consular_officer';
  if (type === 'ngo') return 'ngo_case_worker';
  if (type === 'police') return 'investigator';
  return 'social_worker';
}

const REQUIRED_ORGS = [
  ...Object.values(ORG),
  ...POLICE_UNITS.flatMap((u) => [u.id, u.dosavy]),
  'embassy-tha',
  'embassy-mys',
];

/**
 * Load the protection demo into a database that has no victim case and no screening tally yet
 * (otherwise nothing is done: `skipped`). Same seed, same records (ids and timestamps aside).
 */
export async function loadProtectionDemo(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
  opts: ProtectionDemoOptions = {},
): Promise<ProtectionDemoResult> {
  const started = Date.now();
  const seed = opts.seed ?? PROTECTION_DEMO_SEED;
  const skip = (reason: string): ProtectionDemoResult => ({
    skipped: true,
    reason,
    seed,
    persons: 0,
    cases: 0,
    events: 0,
    tallies: 0,
    screened: 0,
    truePersons: 0,
    usersCreated: 0,
    ms: Date.now() - started,
    records: [],
  });
  const known = new Set(config.organisations.map((o) => o.id));
  const missing = REQUIRED_ORGS.filter((id) => !known.has(id));
  if (missing.length) return skip(`the country configuration lacks ${missing.join(', ')}`);
  const [anyCase, anyTally] = await Promise.all([
    db.selectFrom('victim_cases').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('screening_tallies').select('id').limit(1).executeTakeFirst(),
  ]);
  if (anyCase || anyTally) return skip('the database already holds victim cases or screening tallies');

  const plan = generateProtectionPlan(seed);
  const now = opts.now ?? (() => new Date());
  const concurrency = opts.concurrency ?? 4;
  const actors = new ActingUsers(db, config, keys, now, `demo-protection-${seed}`, roleFor);

  // Poipet: one tally a day, in one transaction.
  const poipet = await actors.scoped(ORG.poipet);
  await poipet.transaction(async (tx) => {
    await asyncCommit(tx);
    for (const t of plan.tallies) await tx.screenings.addTally({ site: 'border_transit_centre', ...t });
  });

  // Cases: each record in order — the owner creates the person and opens the case, then each step is
  // recorded by the organisation that acts (a referral is answered by its receiver). One short
  // transaction per operation, several records at a time: the audit chain's lock is held only from
  // an operation's audit row to its commit, so the other records' work overlaps it.
  for (const org of new Set(plan.records.flatMap((r) => [r.organisationId, ...r.steps.map((s) => s.by)])))
    await actors.scoped(org);
  const progress = plan.records.map((rec) => ({ rec, personId: '', caseId: '' }));
  let events = 0;
  await inParallel(progress, concurrency, async (p) => {
    const owner = await actors.scoped(p.rec.organisationId);
    await owner.transaction(async (tx) => {
      await asyncCommit(tx);
      const person = await tx.persons.create({
        ...p.rec.person,
        identity: identitySchema.parse(p.rec.person.identity),
        label: 'R',
      });
      p.personId = person.id;
      const open = victimCaseEventSchema.parse({
        ...p.rec.open,
        organisationId: p.rec.organisationId,
        personId: person.id,
      });
      if (open.type !== 'case_opened') throw new Error('a case starts with case_opened');
      p.caseId = (await tx.victimCases.open(person.id, open)).id;
    });
    events++;
    for (const step of p.rec.steps) {
      const event = victimCaseEventSchema.parse(step.event);
      const scoped = await actors.scoped(step.by);
      await scoped.transaction(async (tx) => {
        await asyncCommit(tx);
        await tx.victimCases.append(p.caseId, event);
      });
      events++;
    }
  });

  const result: ProtectionDemoResult = {
    skipped: false,
    reason: null,
    seed,
    persons: progress.length,
    cases: progress.length,
    events,
    tallies: plan.tallies.length,
    screened: plan.tallies.reduce((s, t) => s + t.screened, 0),
    truePersons: new Set(plan.records.map((r) => r.truePersonId)).size,
    usersCreated: actors.created,
    ms: Date.now() - started,
    records: progress.map((p) => ({ key: p.rec.key, personId: p.personId, caseId: p.caseId })),
  };
  await appendAuditAlone(db, {
    actorId: 'system:demo',
    actorOrganisationId: null,
    action: 'demo.protection_load',
    resourceType: 'victim_case',
    resourceId: null,
    outcome: 'allowed',
    rule: null,
    reason: null,
    ip: null,
    requestId: null,
    details: { seed, cases: result.cases, events, tallies: result.tallies, usersCreated: actors.created },
    at: now(),
  });
  return result;
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
 * Whether `npm start` on an empty database loads this demo: CTIS_DEMO_PROTECTION=off|on decides;
 * unset, it loads except under a test runner (VITEST), so test databases stay small unless a test
 * loads the demo itself.
 */
export function protectionDemoWanted(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return demoWanted('CTIS_DEMO_PROTECTION', env);
}

/** Called on the first start (after the demo accounts are created) and by `ctis demo`. */
export async function loadProtectionDemoIfWanted(
  db: Kysely<Database>,
  config: CountryConfig,
  keys: Keys,
): Promise<ProtectionDemoResult | null> {
  if (!protectionDemoWanted()) return null;
  const result = await loadProtectionDemo(db, config, keys);
  if (!result.skipped)
    console.error(
      `[ctis] protection demo loaded: ${result.cases} cases, ${result.events} case events, ${result.tallies} daily tallies (seed ${result.seed}, ${result.ms} ms)`,
    );
  return result;
}
