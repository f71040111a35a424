import { can, ConflictError, distinctCount, type LinkageReason, type PersonLink, type RecordFacts } from '@ctis/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { LinkageProposalStatus } from '../schema.ts';
import type { ScopedTx } from '../scoped-db.ts';
import { nationalFacts as facts } from './record-access.ts';
import { runView, type LinkageRunResult } from './linkage-runs.ts';

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
  /** The active link was made by a run without a reviewer (auto-link). */
  readonly automatic: boolean;
}

/** Whether a reviewer may read a person's identity now (through PersonsRepo, audited). */
export type IdentityAccess = 'allowed' | 'break-glass-required' | 'not-allowed' | 'erased';

export interface LinkageSummary {
  readonly proposed: number;
  readonly confirmed: number;
  readonly rejected: number;
  readonly activeLinks: number;
  /** The latest finished run. */
  readonly lastRun: LinkageRunResult | null;
  /** The run in progress, if any (it may be an interrupted one until the next run marks it failed). */
  readonly activeRun: LinkageRunResult | null;
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

/**
 * Record linkage ("one person, one count"): the review queue of proposed pairs (the runs that fill it: linkage-runs.ts),
 * decisions on them, and the confirmed links that merge persons for counting (undoable; an undone link keeps its row).
 *
 * A proposal or a link holds no identity, so it is a national record of label N: `linkage.review` at
 * national scope opens the queue (a narrower grant would see nothing: 404). The persons behind a pair keep
 * their own labels: reading their identities goes through PersonsRepo, with its checks and audit rows.
 */
export class LinkageRepo {
  constructor(private readonly tx: ScopedTx) {}

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
    const latest = (status: 'finished' | 'running') =>
      this.tx.trx
        .selectFrom('linkage_runs')
        .selectAll()
        .where('status', '=', status)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    const last = await latest('finished');
    const active = await latest('running');
    return {
      proposed: n('proposed'),
      confirmed: n('confirmed'),
      rejected: n('rejected'),
      activeLinks: Number(links.n),
      lastRun: last ? runView(last) : null,
      activeRun: active ? runView(active) : null,
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
        'l.automatic as link_automatic',
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
    automatic: r.link_automatic === true,
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
