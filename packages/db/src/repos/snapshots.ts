import { can, ConflictError, type RecordFacts } from '@ctis/core';
import { v4 as uuidv4 } from 'uuid';
import type { ScopedTx } from '../scoped-db.ts';

export interface SnapshotView {
  readonly id: string;
  readonly province: string;
  readonly year: number;
  readonly organisationId: string;
  readonly status: 'approved' | 'accepted';
  readonly asOf: Date;
  readonly checkpoint: { readonly seq: number; readonly hash: string };
  readonly figures: unknown;
  readonly approvedBy: string;
  readonly approvedAt: Date;
  readonly acceptedBy: string | null;
  readonly acceptedAt: Date | null;
}

type Row = {
  id: string;
  province: string;
  year: number;
  organisation_id: string;
  status: 'approved' | 'accepted';
  as_of: Date;
  checkpoint_seq: string;
  checkpoint_hash: string;
  figures: unknown;
  approved_by: string;
  approved_at: Date;
  accepted_by: string | null;
  accepted_at: Date | null;
};

/**
 * Frozen figures: a provincial committee approves its province's figures for a year (stats.approve,
 * province scope), the national committee accepts them (stats.accept). The row's figures never
 * change (a database trigger refuses it); later changes to the records are differences against it.
 */
export class SnapshotsRepo {
  constructor(private readonly tx: ScopedTx) {}

  async approve(input: {
    province: string;
    year: number;
    asOf: Date;
    checkpoint: { seq: number; hash: string };
    figures: unknown;
  }): Promise<SnapshotView> {
    const id = uuidv4();
    const facts = this.facts({
      id,
      organisation_id: this.tx.actor.organisationId ?? 'system',
      province: input.province,
    });
    const d = this.tx.authorize('stats.approve', 'statistics_snapshot', facts);
    const now = this.tx.ctx.now();
    const row = await this.tx.trx
      .insertInto('statistics_snapshots')
      .values({
        id,
        province: input.province,
        year: input.year,
        organisation_id: facts.organisationId!,
        status: 'approved',
        as_of: input.asOf,
        checkpoint_seq: input.checkpoint.seq,
        checkpoint_hash: input.checkpoint.hash,
        figures: JSON.stringify(input.figures),
        approved_by: this.tx.actor.userId,
        approved_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action: 'stats.approve',
      resourceType: 'statistics_snapshot',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { province: input.province, year: input.year, checkpointSeq: input.checkpoint.seq },
    });
    return view(row as Row);
  }

  async accept(id: string): Promise<SnapshotView> {
    const row = await this.load(id, 'stats.accept');
    const d = this.tx.authorize('stats.accept', 'statistics_snapshot', this.facts(row), 'stats.read');
    if (row.status === 'accepted')
      throw new ConflictError(`These figures were already accepted on ${row.accepted_at?.toISOString()}.`);
    const updated = await this.tx.trx
      .updateTable('statistics_snapshots')
      .set({ status: 'accepted', accepted_by: this.tx.actor.userId, accepted_at: this.tx.ctx.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.tx.audit({
      action: 'stats.accept',
      resourceType: 'statistics_snapshot',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: { province: row.province, year: row.year },
    });
    return view(updated as Row);
  }

  async get(id: string): Promise<SnapshotView> {
    const row = await this.load(id, 'stats.read');
    this.tx.authorize('stats.read', 'statistics_snapshot', this.facts(row));
    return view(row);
  }

  /** The snapshots of a year the actor may read (their province's, or all at national scope). */
  async list(year: number): Promise<SnapshotView[]> {
    this.tx.authorize('stats.read', 'statistics_snapshot');
    const rows = (await this.tx.trx
      .selectFrom('statistics_snapshots')
      .selectAll()
      .where('year', '=', year)
      .orderBy('province')
      .orderBy('approved_at', 'desc')
      .execute()) as Row[];
    const now = this.tx.ctx.now();
    return rows.filter((r) => can(this.tx.actor, 'stats.read', this.facts(r), now).allowed).map(view);
  }

  private facts(row: { id: string; organisation_id: string; province: string; approved_by?: string }): RecordFacts {
    return {
      id: row.id,
      ownerUserId: row.approved_by ?? this.tx.actor.userId,
      organisationId: row.organisation_id,
      province: row.province,
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    };
  }

  private async load(id: string, action: string): Promise<Row> {
    const row = await this.tx.trx
      .selectFrom('statistics_snapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return this.tx.notFound(action, 'statistics_snapshot', id);
    return row as Row;
  }
}

function view(r: Row): SnapshotView {
  return {
    id: r.id,
    province: r.province,
    year: r.year,
    organisationId: r.organisation_id,
    status: r.status,
    asOf: r.as_of,
    checkpoint: { seq: Number(r.checkpoint_seq), hash: r.checkpoint_hash },
    figures: r.figures,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    acceptedBy: r.accepted_by,
    acceptedAt: r.accepted_at,
  };
}
