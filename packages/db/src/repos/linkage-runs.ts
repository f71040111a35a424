import { clusters, ConflictError, type LinkageRecord, type MatchProposer, type ProposedPair } from '@ctis/core';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, LinkageRunRow, LinkageRunStatus } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { reasonsOf } from './linkage-common.ts';
import { nationalFacts as facts } from './record-access.ts';

export interface LinkageRunResult {
  readonly id: string;
  readonly proposer: { readonly id: string; readonly version: number };
  readonly settings: Readonly<Record<string, unknown>>;
  readonly status: LinkageRunStatus;
  /** Where a running job is: 'queued', 'reading', 'comparing', 'writing', 'linking'; null once over. */
  readonly stage: string | null;
  /** Progress within the stage (e.g. proposals written of those to write). */
  readonly done: number;
  readonly total: number;
  /** Why it failed (the error's class and message, never an identity). */
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  /** Person records given to the proposer (with name indexes, not erased, not label V). */
  readonly persons: number;
  /** Pairs the proposer returned. */
  readonly pairs: number;
  /** Pairs new to the queue. */
  readonly newProposals: number;
  /** Undecided pairs proposed again (score and reasons refreshed). */
  readonly refreshed: number;
  /** Pairs already confirmed or rejected: left as decided. */
  readonly skippedDecided: number;
  /** Pairs whose persons are already one person through confirmed links. */
  readonly skippedLinked: number;
  /** Undecided pairs of earlier runs this run no longer proposes: taken out of the queue. */
  readonly withdrawn: number;
  /** Pairs at or above the configured auto-link probability, linked without a reviewer. */
  readonly autoLinked: number;
}

/** Progress of a running job, written where the reviewer's page can read it while the job runs. */
export type LinkageProgress = (stage: string, done: number, total: number) => Promise<void>;

export interface ExecuteOptions {
  /** Link pairs at or above this probability without a reviewer (audited one by one as automatic). */
  readonly autoLinkAbove?: number;
  readonly progress?: LinkageProgress;
}

/** A run with no heartbeat for this long was interrupted (the server stopped): it no longer blocks others. */
const STALE_MS = 15 * 60_000;
const CHUNK = 1_000;

/**
 * Runs of a match proposer over all persons, as background jobs: `begin` records a run as running (one
 * live run at a time) and commits; `execute` does the work later in its own transaction (reading blind
 * indexes and statistical attributes only, never an identity), reports progress through a callback, and
 * ends the run as finished, atomically with the proposals and automatic links it wrote. `run` does both
 * at once (tests, demo).
 */
export class LinkageRunsRepo {
  constructor(private readonly tx: ScopedTx) {}

  async run(proposer: MatchProposer, opts: ExecuteOptions = {}): Promise<LinkageRunResult> {
    const started = await this.begin(proposer);
    return this.execute(started.id, proposer, opts);
  }

  /** Record a new run as running. ConflictError while another run is alive. */
  async begin(proposer: MatchProposer): Promise<LinkageRunResult> {
    const id = uuidv7();
    const d = this.tx.authorize('linkage.review', 'linkage_run', facts(id));
    const trx = this.tx.trx;
    // Two begins at once would both find no live run.
    await sql`SELECT pg_advisory_xact_lock(hashtext('ctis.linkage.begin'))`.execute(trx);
    const now = this.tx.ctx.now();
    const live = await trx.selectFrom('linkage_runs').selectAll().where('status', '=', 'running').execute();
    const alive = live.find((r) => now.getTime() - (r.heartbeat_at ?? r.started_at).getTime() < STALE_MS);
    if (alive)
      throw new ConflictError(
        `A linkage run is already in progress (started ${alive.started_at.toISOString()}); wait for it to finish.`,
      );
    if (live.length > 0)
      await trx
        .updateTable('linkage_runs')
        .set({ status: 'failed', stage: null, finished_at: now, error: 'Interrupted: no progress for 15 minutes.' })
        .where(
          'id',
          'in',
          live.map((r) => r.id),
        )
        .execute();
    const settings = { ...(proposer.settings ?? {}) };
    await trx
      .insertInto('linkage_runs')
      .values({
        id,
        proposer_id: proposer.id,
        proposer_version: proposer.version,
        settings: JSON.stringify(settings),
        started_by: this.tx.actor.userId,
        started_at: now,
        finished_at: null,
        persons: 0,
        pairs: 0,
        new_proposals: 0,
        skipped_decided: 0,
        skipped_linked: 0,
        withdrawn: 0,
        status: 'running',
        stage: 'queued',
        heartbeat_at: now,
      })
      .execute();
    await this.tx.audit({
      action: 'linkage.run_started',
      resourceType: 'linkage_run',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { proposer: proposer.id, version: proposer.version, interrupted: live.length },
    });
    return runView(await trx.selectFrom('linkage_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }

  /**
   * Propose pairs over all persons and put the new ones in the queue; link those at or above the
   * auto-link probability. The run's row is updated only at the end (progress goes through the
   * callback, on another connection, which this transaction must not block).
   */
  async execute(runId: string, proposer: MatchProposer, opts: ExecuteOptions = {}): Promise<LinkageRunResult> {
    const d = this.tx.authorize('linkage.review', 'linkage_run', facts(runId));
    const trx = this.tx.trx;
    const progress = opts.progress ?? (async () => {});
    // One execution at a time: two would race on the same pairs.
    await sql`SELECT pg_advisory_xact_lock(hashtext('ctis.linkage.run'))`.execute(trx);
    const row = await trx.selectFrom('linkage_runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!row) return this.tx.notFound('linkage.review', 'linkage_run', runId);
    if (row.status !== 'running') throw new ConflictError(`This linkage run is ${row.status}, not running.`);

    await progress('reading', 0, 0);
    let records = await this.records();
    // A proposer that compares names and birth dates gets the identities decrypted here, in this
    // process's memory only: nothing it returns (ids, a probability, agreement words) holds one.
    const identities = proposer.reads === 'identities';
    if (identities) {
      const decrypted = await this.tx.ctx.vault.readMany(
        trx,
        records.map((r) => r.personId),
      );
      records = records.map((r) => ({ ...r, identity: decrypted.get(r.personId) ?? null }));
    }
    await progress('comparing', 0, records.length);
    // Awaited: a proposer may compare in a worker thread, leaving this process free to answer requests.
    const pairs = await proposer.propose(records);
    const linked = await this.activeLinks();
    const cluster = clusters(
      linked.flatMap((l) => [l.a, l.b]),
      linked,
    );
    const existing = new Map(
      (await trx.selectFrom('linkage_proposals').select(['id', 'person_a', 'person_b', 'status']).execute()).map(
        (p) => [`${p.person_a}|${p.person_b}`, p],
      ),
    );
    const fresh: { id: string; pair: ProposedPair }[] = [];
    const again: { id: string; pair: ProposedPair }[] = [];
    let skippedDecided = 0;
    let skippedLinked = 0;
    for (const pair of pairs) {
      if (!(pair.a < pair.b)) throw new Error(`proposer ${proposer.id} returned an unordered pair`);
      const known = existing.get(`${pair.a}|${pair.b}`);
      if (known && known.status !== 'proposed') skippedDecided++;
      else if (cluster.has(pair.a) && cluster.get(pair.a) === cluster.get(pair.b)) skippedLinked++;
      else if (known) again.push({ id: known.id, pair });
      else fresh.push({ id: uuidv7(), pair });
    }
    const now = this.tx.ctx.now();
    const toWrite = fresh.length + again.length;
    await progress('writing', 0, toWrite);
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await trx
        .insertInto('linkage_proposals')
        .values(
          fresh.slice(i, i + CHUNK).map(({ id, pair }) => ({
            id,
            run_id: runId,
            person_a: pair.a,
            person_b: pair.b,
            score: pair.score,
            reasons: JSON.stringify(reasonsOf(pair)),
            status: 'proposed' as const,
            decided_by: null,
            decided_at: null,
            created_at: now,
          })),
        )
        .execute();
      await progress('writing', Math.min(i + CHUNK, fresh.length), toWrite);
    }
    for (let i = 0; i < again.length; i += CHUNK) {
      const rows = again
        .slice(i, i + CHUNK)
        .map(
          ({ id: pid, pair }) => sql`(${pid}::uuid, ${pair.score}::float8, ${JSON.stringify(reasonsOf(pair))}::jsonb)`,
        );
      await sql`UPDATE linkage_proposals p SET score = v.score, reasons = v.reasons, run_id = ${runId}
        FROM (VALUES ${sql.join(rows)}) AS v(id, score, reasons)
        WHERE p.id = v.id AND p.status = 'proposed'`.execute(trx);
      await progress('writing', fresh.length + Math.min(i + CHUNK, again.length), toWrite);
    }
    // Undecided pairs this run did not propose again leave the queue (unless a link once pointed at them).
    const withdrawn = await trx
      .deleteFrom('linkage_proposals')
      .where('status', '=', 'proposed')
      .where('run_id', '!=', runId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('person_links').select('id').whereRef('person_links.proposal_id', '=', 'linkage_proposals.id'),
          ),
        ),
      )
      .executeTakeFirst();

    const autoLinked = await this.autoLink(
      opts.autoLinkAbove === undefined ? [] : [...fresh, ...again].filter((x) => x.pair.score >= opts.autoLinkAbove!),
      runId,
      d.rule.id,
      progress,
    );

    const finishedAt = this.tx.ctx.now();
    const counts = {
      persons: records.length,
      pairs: pairs.length,
      new_proposals: fresh.length,
      skipped_decided: skippedDecided,
      skipped_linked: skippedLinked,
      withdrawn: Number(withdrawn.numDeletedRows),
      auto_linked: autoLinked,
    };
    const done = await trx
      .updateTable('linkage_runs')
      .set({ ...counts, status: 'finished', stage: null, finished_at: finishedAt, heartbeat_at: finishedAt })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action: 'linkage.run',
      resourceType: 'linkage_run',
      resourceId: runId,
      rule: d.rule.id,
      reason: null,
      details: {
        proposer: proposer.id,
        version: proposer.version,
        persons: counts.persons,
        pairs: counts.pairs,
        newProposals: counts.new_proposals,
        refreshed: again.length,
        skippedDecided,
        skippedLinked,
        withdrawn: counts.withdrawn,
        autoLinked,
        identitiesCompared: identities ? records.filter((r) => r.identity).length : 0,
      },
    });
    return runView(done);
  }

  /** One run (for the progress shown while it runs). */
  async get(runId: string): Promise<LinkageRunResult> {
    this.tx.authorize('linkage.review', 'linkage_run', facts(runId));
    const row = await this.tx.trx.selectFrom('linkage_runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!row) return this.tx.notFound('linkage.review', 'linkage_run', runId);
    return runView(row);
  }

  /** The latest runs, newest first. */
  async list(limit = 20): Promise<LinkageRunResult[]> {
    this.tx.authorize('linkage.review', 'linkage_run', facts('list'));
    const rows = await this.tx.trx
      .selectFrom('linkage_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.min(Math.max(limit, 1), 200))
      .execute();
    return rows.map(runView);
  }

  /** Confirm pairs without a reviewer: each becomes a link marked automatic, with its own audit row. */
  private async autoLink(
    sure: readonly { id: string; pair: ProposedPair }[],
    runId: string,
    rule: string,
    progress: LinkageProgress,
  ): Promise<number> {
    const trx = this.tx.trx;
    const now = this.tx.ctx.now();
    for (let i = 0; i < sure.length; i += CHUNK) {
      const chunk = sure.slice(i, i + CHUNK);
      await trx
        .updateTable('linkage_proposals')
        .set({ status: 'confirmed', decided_by: this.tx.actor.userId, decided_at: now })
        .where(
          'id',
          'in',
          chunk.map((x) => x.id),
        )
        .execute();
      const links = chunk.map((x) => ({ linkId: uuidv7(), ...x }));
      await trx
        .insertInto('person_links')
        .values(
          links.map((l) => ({
            id: l.linkId,
            person_a: l.pair.a,
            person_b: l.pair.b,
            proposal_id: l.id,
            linked_by: this.tx.actor.userId,
            linked_at: now,
            undone_by: null,
            undone_at: null,
            automatic: true,
          })),
        )
        .execute();
      for (const l of links)
        await this.tx.audit({
          action: 'linkage.auto_link',
          resourceType: 'linkage_proposal',
          resourceId: l.id,
          rule,
          reason: null,
          details: { score: l.pair.score, runId, linkId: l.linkId },
        });
      await progress('linking', Math.min(i + CHUNK, sure.length), sure.length);
    }
    return sure.length;
  }

  private async activeLinks() {
    const rows = await this.tx.trx
      .selectFrom('person_links')
      .select(['person_a', 'person_b'])
      .where('undone_at', 'is', null)
      .execute();
    return rows.map((r) => ({ a: r.person_a, b: r.person_b }));
  }

  private records(): Promise<LinkageRecord[]> {
    return linkageRecords(this.tx.trx);
  }
}

/** Every person a proposer may consider (not erased, not label V): blind indexes and statistical attributes. */
export async function linkageRecords(db: Kysely<Database>): Promise<LinkageRecord[]> {
  const rows = await sql<{
    id: string;
    organisation_id: string;
    province: string | null;
    sex: string | null;
    birth_year: number | null;
    nationality: string | null;
    tokens: string[];
  }>`SELECT p.id, p.organisation_id, p.province, p.sex, p.birth_year, p.nationality,
            array_agg(t.token ORDER BY t.token) AS tokens
     FROM persons p JOIN person_name_index t ON t.person_id = p.id
     WHERE p.erased_at IS NULL AND p.label <> 'V'
     GROUP BY p.id
     ORDER BY p.id`.execute(db);
  return rows.rows.map((r) => ({
    personId: r.id,
    tokens: r.tokens,
    birthYear: r.birth_year,
    sex: r.sex,
    nationality: r.nationality,
    province: r.province,
    organisationId: r.organisation_id,
  }));
}

/**
 * A running job's progress, on its own connection (outside the job's transaction, so the page polling
 * the run sees it). Also the heartbeat that tells a live run from an interrupted one.
 */
export async function reportLinkageProgress(
  db: Kysely<Database>,
  runId: string,
  stage: string,
  done: number,
  total: number,
): Promise<void> {
  await db
    .updateTable('linkage_runs')
    .set({ stage, done, total, heartbeat_at: new Date() })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .execute();
}

/** A job that threw: the run is failed, with the error's class and message (never record values). */
export async function failLinkageRun(db: Kysely<Database>, runId: string, error: string): Promise<void> {
  await db
    .updateTable('linkage_runs')
    .set({ status: 'failed', stage: null, finished_at: new Date(), error: error.slice(0, 500) })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .execute();
}

export function runView(r: LinkageRunRow): LinkageRunResult {
  return {
    id: r.id,
    proposer: { id: r.proposer_id, version: r.proposer_version },
    settings: r.settings,
    status: r.status,
    stage: r.stage,
    done: r.done,
    total: r.total,
    error: r.error,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    persons: r.persons,
    pairs: r.pairs,
    newProposals: r.new_proposals,
    refreshed: Math.max(0, r.pairs - r.new_proposals - r.skipped_decided - r.skipped_linked),
    skippedDecided: r.skipped_decided,
    skippedLinked: r.skipped_linked,
    withdrawn: r.withdrawn,
    autoLinked: r.auto_linked,
  };
}
