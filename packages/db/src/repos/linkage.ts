import {
  can,
  clusters,
  ConflictError,
  distinctCount,
  type LinkageReason,
  type LinkageRecord,
  type MatchProposer,
  type PersonLink,
  type ProposedPair,
  type RecordFacts,
} from '@ctis/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { LinkageProposalStatus } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';

/** One side of a pair: the statistical attributes linkage compares, never an identity. */
export interface LinkageSide {
  readonly personId: string;
  readonly organisationId: string;
  readonly province: string | null;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly nationality: string | null;
  readonly erased: boolean;
}

export interface ProposalView {
  readonly id: string;
  readonly runId: string;
  readonly a: LinkageSide;
  readonly b: LinkageSide;
  readonly score: number;
  readonly reasons: readonly LinkageReason[];
  readonly status: LinkageProposalStatus;
  readonly decidedBy: string | null;
  readonly decidedByName: string | null;
  readonly decidedAt: Date | null;
  readonly createdAt: Date;
  /** The active link made by confirming it, if any (undo takes this id). */
  readonly linkId: string | null;
}

export interface LinkageRunResult {
  readonly id: string;
  readonly proposer: { readonly id: string; readonly version: number };
  readonly settings: Readonly<Record<string, unknown>>;
  readonly startedAt: Date;
  readonly finishedAt: Date;
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
}

/** Whether a reviewer may read a person's identity now (through PersonsRepo, audited). */
export type IdentityAccess = 'allowed' | 'break-glass-required' | 'not-allowed' | 'erased';

export interface LinkageSummary {
  readonly proposed: number;
  readonly confirmed: number;
  readonly rejected: number;
  readonly activeLinks: number;
  readonly lastRun: LinkageRunResult | null;
}

export interface LinkView {
  readonly id: string;
  readonly personA: string;
  readonly personB: string;
  readonly proposalId: string | null;
  readonly linkedBy: string;
  readonly linkedAt: Date;
  readonly undoneBy: string | null;
  readonly undoneAt: Date | null;
}

const CHUNK = 1_000;

/**
 * Record linkage ("one person, one count"): runs of a match proposer over blind indexes and statistical
 * attributes (never decrypting an identity), the review queue of proposed pairs, decisions on them, and
 * the confirmed links that merge persons for counting (undoable; an undone link keeps its row).
 *
 * A proposal or a link holds no identity, so it is a national record of label N: `linkage.review` at
 * national scope opens the queue (a narrower grant would see nothing: 404). The persons behind a pair keep
 * their own labels: reading their identities goes through PersonsRepo, with its checks and audit rows.
 */
export class LinkageRepo {
  constructor(private readonly tx: ScopedTx) {}

  /** Propose pairs over all persons with the given proposer and put the new ones in the queue. */
  async run(proposer: MatchProposer): Promise<LinkageRunResult> {
    const id = uuidv7();
    const d = this.tx.authorize('linkage.review', 'linkage_run', facts(id));
    const trx = this.tx.trx;
    // One run at a time: two runs would race on the same pairs.
    await sql`SELECT pg_advisory_xact_lock(hashtext('ctis.linkage.run'))`.execute(trx);
    const startedAt = this.tx.ctx.now();
    const settings = { ...(proposer.settings ?? {}) };
    await trx
      .insertInto('linkage_runs')
      .values({
        id,
        proposer_id: proposer.id,
        proposer_version: proposer.version,
        settings: JSON.stringify(settings),
        started_by: this.tx.actor.userId,
        started_at: startedAt,
        finished_at: null,
        persons: 0,
        pairs: 0,
        new_proposals: 0,
        skipped_decided: 0,
        skipped_linked: 0,
        withdrawn: 0,
      })
      .execute();

    const records = await this.records();
    const pairs = proposer.propose(records);
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
    const fresh: ProposedPair[] = [];
    const again: { id: string; pair: ProposedPair }[] = [];
    let skippedDecided = 0;
    let skippedLinked = 0;
    for (const pair of pairs) {
      if (!(pair.a < pair.b)) throw new Error(`proposer ${proposer.id} returned an unordered pair`);
      const known = existing.get(`${pair.a}|${pair.b}`);
      if (known && known.status !== 'proposed') skippedDecided++;
      else if (cluster.has(pair.a) && cluster.get(pair.a) === cluster.get(pair.b)) skippedLinked++;
      else if (known) again.push({ id: known.id, pair });
      else fresh.push(pair);
    }
    const now = this.tx.ctx.now();
    for (let i = 0; i < fresh.length; i += CHUNK)
      await trx
        .insertInto('linkage_proposals')
        .values(
          fresh.slice(i, i + CHUNK).map((p) => ({
            id: uuidv7(),
            run_id: id,
            person_a: p.a,
            person_b: p.b,
            score: p.score,
            reasons: JSON.stringify(reasonsOf(p)),
            status: 'proposed' as const,
            decided_by: null,
            decided_at: null,
            created_at: now,
          })),
        )
        .execute();
    for (let i = 0; i < again.length; i += CHUNK) {
      const rows = again
        .slice(i, i + CHUNK)
        .map(
          ({ id: pid, pair }) => sql`(${pid}::uuid, ${pair.score}::float8, ${JSON.stringify(reasonsOf(pair))}::jsonb)`,
        );
      await sql`UPDATE linkage_proposals p SET score = v.score, reasons = v.reasons, run_id = ${id}
        FROM (VALUES ${sql.join(rows)}) AS v(id, score, reasons)
        WHERE p.id = v.id AND p.status = 'proposed'`.execute(trx);
    }
    // Undecided pairs this run did not propose again leave the queue (unless a link once pointed at them).
    const withdrawn = await trx
      .deleteFrom('linkage_proposals')
      .where('status', '=', 'proposed')
      .where('run_id', '!=', id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('person_links').select('id').whereRef('person_links.proposal_id', '=', 'linkage_proposals.id'),
          ),
        ),
      )
      .executeTakeFirst();

    const finishedAt = this.tx.ctx.now();
    const result: LinkageRunResult = {
      id,
      proposer: { id: proposer.id, version: proposer.version },
      settings,
      startedAt,
      finishedAt,
      persons: records.length,
      pairs: pairs.length,
      newProposals: fresh.length,
      refreshed: again.length,
      skippedDecided,
      skippedLinked,
      withdrawn: Number(withdrawn.numDeletedRows),
    };
    await trx
      .updateTable('linkage_runs')
      .set({
        finished_at: finishedAt,
        persons: result.persons,
        pairs: result.pairs,
        new_proposals: result.newProposals,
        skipped_decided: skippedDecided,
        skipped_linked: skippedLinked,
        withdrawn: result.withdrawn,
      })
      .where('id', '=', id)
      .execute();
    await this.tx.audit({
      action: 'linkage.run',
      resourceType: 'linkage_run',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {
        proposer: proposer.id,
        version: proposer.version,
        persons: result.persons,
        pairs: result.pairs,
        newProposals: result.newProposals,
        refreshed: result.refreshed,
        skippedDecided,
        skippedLinked,
        withdrawn: result.withdrawn,
      },
    });
    return result;
  }

  /** The review queue: proposals with a status, best first (decided ones most recent first). */
  async queue(opts: { status?: LinkageProposalStatus; limit?: number } = {}): Promise<ProposalView[]> {
    this.tx.authorize('linkage.review', 'linkage_proposal', facts('queue'));
    const status = opts.status ?? 'proposed';
    let q = this.proposals().where('p.status', '=', status);
    q =
      status === 'proposed'
        ? q.orderBy('p.score', 'desc').orderBy('p.id')
        : q.orderBy('p.decided_at', 'desc').orderBy('p.id');
    const rows = await q.limit(Math.min(Math.max(opts.limit ?? 50, 1), 500)).execute();
    return rows.map(viewOf);
  }

  /** Counts per status, active links and the last run. */
  async summary(): Promise<LinkageSummary> {
    this.tx.authorize('linkage.review', 'linkage_proposal', facts('summary'));
    const counts = await this.tx.trx
      .selectFrom('linkage_proposals')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
    const links = await this.tx.trx
      .selectFrom('person_links')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('undone_at', 'is', null)
      .executeTakeFirstOrThrow();
    const last = await this.tx.trx
      .selectFrom('linkage_runs')
      .selectAll()
      .where('finished_at', 'is not', null)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      proposed: n('proposed'),
      confirmed: n('confirmed'),
      rejected: n('rejected'),
      activeLinks: Number(links.n),
      lastRun: last
        ? {
            id: last.id,
            proposer: { id: last.proposer_id, version: last.proposer_version },
            settings: last.settings,
            startedAt: last.started_at,
            finishedAt: last.finished_at!,
            persons: last.persons,
            pairs: last.pairs,
            newProposals: last.new_proposals,
            refreshed: Math.max(0, last.pairs - last.new_proposals - last.skipped_decided - last.skipped_linked),
            skippedDecided: last.skipped_decided,
            skippedLinked: last.skipped_linked,
            withdrawn: last.withdrawn,
          }
        : null,
    };
  }

  /** One proposal with both sides' statistical attributes; the look is audited. */
  async get(proposalId: string): Promise<ProposalView> {
    const d = this.tx.authorize('linkage.review', 'linkage_proposal', facts(proposalId));
    const row = await this.proposals().where('p.id', '=', proposalId).executeTakeFirst();
    if (!row) return this.tx.notFound('linkage.review', 'linkage_proposal', proposalId);
    await this.tx.audit({
      action: 'linkage.view',
      resourceType: 'linkage_proposal',
      resourceId: proposalId,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
    return viewOf(row);
  }

  /** Confirm (the two records are one person: a link is made) or reject a proposed pair. */
  async decide(proposalId: string, decision: 'confirmed' | 'rejected'): Promise<ProposalView> {
    const d = this.tx.authorize('linkage.review', 'linkage_proposal', facts(proposalId));
    const row = await this.tx.trx
      .selectFrom('linkage_proposals')
      .selectAll()
      .where('id', '=', proposalId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return this.tx.notFound('linkage.review', 'linkage_proposal', proposalId);
    if (row.status !== 'proposed')
      throw new ConflictError(`This pair was already ${row.status}; undo the link to decide it again.`);
    const now = this.tx.ctx.now();
    await this.tx.trx
      .updateTable('linkage_proposals')
      .set({ status: decision, decided_by: this.tx.actor.userId, decided_at: now })
      .where('id', '=', proposalId)
      .execute();
    let linkId: string | null = null;
    if (decision === 'confirmed') {
      linkId = uuidv7();
      await this.tx.trx
        .insertInto('person_links')
        .values({
          id: linkId,
          person_a: row.person_a,
          person_b: row.person_b,
          proposal_id: proposalId,
          linked_by: this.tx.actor.userId,
          linked_at: now,
          undone_by: null,
          undone_at: null,
        })
        .execute();
    }
    await this.tx.audit({
      action: decision === 'confirmed' ? 'linkage.confirm' : 'linkage.reject',
      resourceType: 'linkage_proposal',
      resourceId: proposalId,
      rule: d.rule.id,
      reason: null,
      details: { score: row.score, ...(linkId ? { linkId } : {}) },
    });
    const view = await this.proposals().where('p.id', '=', proposalId).executeTakeFirstOrThrow();
    return viewOf(view);
  }

  /** Undo a confirmed link: the row stays (undone_by/at) and its pair goes back to the queue. */
  async undo(linkId: string): Promise<{ link: LinkView; proposal: ProposalView | null }> {
    const d = this.tx.authorize('linkage.review', 'person_link', facts(linkId));
    const link = await this.tx.trx
      .selectFrom('person_links')
      .selectAll()
      .where('id', '=', linkId)
      .forUpdate()
      .executeTakeFirst();
    if (!link) return this.tx.notFound('linkage.review', 'person_link', linkId);
    if (link.undone_at) throw new ConflictError('This link was already undone.');
    const now = this.tx.ctx.now();
    await this.tx.trx
      .updateTable('person_links')
      .set({ undone_by: this.tx.actor.userId, undone_at: now })
      .where('id', '=', linkId)
      .execute();
    if (link.proposal_id)
      await this.tx.trx
        .updateTable('linkage_proposals')
        .set({ status: 'proposed', decided_by: null, decided_at: null })
        .where('id', '=', link.proposal_id)
        .execute();
    await this.tx.audit({
      action: 'linkage.undo',
      resourceType: 'person_link',
      resourceId: linkId,
      rule: d.rule.id,
      reason: null,
      details: link.proposal_id ? { proposalId: link.proposal_id } : {},
    });
    const proposal = link.proposal_id
      ? await this.proposals().where('p.id', '=', link.proposal_id).executeTakeFirst()
      : undefined;
    return {
      link: linkView({ ...link, undone_by: this.tx.actor.userId, undone_at: now }),
      proposal: proposal ? viewOf(proposal) : null,
    };
  }

  /**
   * The links in force (as of a date, when given: made by then and not yet undone then), for counting
   * persons once. Pairs of person ids only; for reviewers and for statistics (`stats.read`).
   */
  async confirmedLinks(opts: { asOf?: Date } = {}): Promise<PersonLink[]> {
    this.authorizeCounting();
    return this.activeLinks(opts.asOf);
  }

  /** How many distinct persons the person records `personIds` are, through the links in force. */
  async distinctPersons(personIds: readonly string[], opts: { asOf?: Date } = {}): Promise<number> {
    this.authorizeCounting();
    return distinctCount(personIds, await this.activeLinks(opts.asOf));
  }

  /**
   * What the actor may read of each person behind a pair, decided by the persons' own policy (labels,
   * scopes, compartments, break-glass): the caller then reads through PersonsRepo, which audits the read.
   * Nothing is read or audited here.
   */
  async identityAccess(personIds: readonly string[]): Promise<Map<string, IdentityAccess>> {
    this.tx.authorize('linkage.review', 'linkage_proposal', facts('access'));
    const out = new Map<string, IdentityAccess>();
    if (personIds.length === 0) return out;
    const rows = await this.tx.trx
      .selectFrom('persons')
      .selectAll()
      .where('id', 'in', [...personIds])
      .execute();
    const access = await this.tx.trx
      .selectFrom('record_access')
      .selectAll()
      .where('record_id', 'in', [...personIds])
      .execute();
    const now = this.tx.ctx.now();
    for (const row of rows) {
      const of = (kind: string) =>
        access.filter((a) => a.record_id === row.id && a.kind === kind).map((a) => a.subject);
      const f: RecordFacts = {
        id: row.id,
        ownerUserId: row.owner_user_id,
        organisationId: row.organisation_id,
        province: row.province,
        label: row.label,
        teamUserIds: of('team'),
        sharedWithOrganisationIds: of('shared'),
        namedUserIds: of('named'),
      };
      const read = can(this.tx.actor, 'person.read', f, now);
      const identity = can(this.tx.actor, 'person.read_identity', f, now);
      out.set(
        row.id,
        row.erased_at
          ? 'erased'
          : read.allowed && identity.allowed
            ? 'allowed'
            : [read, identity].some((x) => !x.allowed && x.reason === 'break-glass-required')
              ? 'break-glass-required'
              : 'not-allowed',
      );
    }
    return out;
  }

  private authorizeCounting(): void {
    if (!can(this.tx.actor, 'linkage.review', undefined, this.tx.ctx.now()).allowed)
      this.tx.authorize('stats.read', 'person_link');
  }

  private async activeLinks(asOf?: Date): Promise<PersonLink[]> {
    let q = this.tx.trx.selectFrom('person_links').select(['person_a', 'person_b']);
    q = asOf
      ? q.where('linked_at', '<=', asOf).where((eb) => eb.or([eb('undone_at', 'is', null), eb('undone_at', '>', asOf)]))
      : q.where('undone_at', 'is', null);
    const rows = await q.orderBy('person_a').orderBy('person_b').execute();
    return rows.map((r) => ({ a: r.person_a, b: r.person_b }));
  }

  /** Every person the proposer may consider: blind indexes and statistical attributes only. */
  private async records(): Promise<LinkageRecord[]> {
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
       ORDER BY p.id`.execute(this.tx.trx);
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

  private proposals() {
    return this.tx.trx
      .selectFrom('linkage_proposals as p')
      .innerJoin('persons as pa', 'pa.id', 'p.person_a')
      .innerJoin('persons as pb', 'pb.id', 'p.person_b')
      .leftJoin('person_links as l', (j) => j.onRef('l.proposal_id', '=', 'p.id').on('l.undone_at', 'is', null))
      .leftJoin('users as u', (j) => j.on(sql`u.id::text`, '=', sql.ref('p.decided_by')))
      .select([
        'p.id',
        'p.run_id',
        'p.score',
        'p.reasons',
        'p.status',
        'p.decided_by',
        'p.decided_at',
        'p.created_at',
        'l.id as link_id',
        'u.display_name as decided_by_name',
        'pa.id as a_id',
        'pa.organisation_id as a_org',
        'pa.province as a_province',
        'pa.sex as a_sex',
        'pa.birth_year as a_birth_year',
        'pa.nationality as a_nationality',
        'pa.erased_at as a_erased_at',
        'pb.id as b_id',
        'pb.organisation_id as b_org',
        'pb.province as b_province',
        'pb.sex as b_sex',
        'pb.birth_year as b_birth_year',
        'pb.nationality as b_nationality',
        'pb.erased_at as b_erased_at',
      ]);
  }
}

type ProposalRow = Awaited<ReturnType<ReturnType<LinkageRepo['proposals']>['executeTakeFirstOrThrow']>>;

function viewOf(r: ProposalRow): ProposalView {
  return {
    id: r.id,
    runId: r.run_id,
    a: {
      personId: r.a_id,
      organisationId: r.a_org,
      province: r.a_province,
      sex: r.a_sex,
      birthYear: r.a_birth_year,
      nationality: r.a_nationality,
      erased: r.a_erased_at !== null,
    },
    b: {
      personId: r.b_id,
      organisationId: r.b_org,
      province: r.b_province,
      sex: r.b_sex,
      birthYear: r.b_birth_year,
      nationality: r.b_nationality,
      erased: r.b_erased_at !== null,
    },
    score: r.score,
    reasons: r.reasons as LinkageReason[],
    status: r.status,
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name ?? null,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    linkId: r.link_id ?? null,
  };
}

function linkView(l: {
  id: string;
  person_a: string;
  person_b: string;
  proposal_id: string | null;
  linked_by: string;
  linked_at: Date;
  undone_by: string | null;
  undone_at: Date | null;
}): LinkView {
  return {
    id: l.id,
    personA: l.person_a,
    personB: l.person_b,
    proposalId: l.proposal_id,
    linkedBy: l.linked_by,
    linkedAt: l.linked_at,
    undoneBy: l.undone_by,
    undoneAt: l.undone_at,
  };
}

/** Only what the proposer said about each field (a proposer could return more): nothing else is stored. */
function reasonsOf(p: ProposedPair): LinkageReason[] {
  return p.reasons.map((r) => ({
    field: String(r.field),
    agreement: r.agreement,
    weight: Number(r.weight),
    ...(typeof r.shared === 'number' ? { shared: r.shared } : {}),
    ...(typeof r.of === 'number' ? { of: r.of } : {}),
  }));
}

/** A proposal or link as a record for the policy: national, label N, owned by no one. */
function facts(id: string): RecordFacts {
  return {
    id,
    ownerUserId: null,
    organisationId: null,
    province: null,
    label: 'N',
    teamUserIds: [],
    sharedWithOrganisationIds: [],
    namedUserIds: [],
  };
}
