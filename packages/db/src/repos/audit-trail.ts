import type { ScopedTx } from '../scoped-db.ts';

/** Reading the audit trail and reviewing break-glass events, for oversight and supervisors. */
export class AuditTrailRepo {
  constructor(private readonly tx: ScopedTx) {}

  /** Recent audit rows, newest first. Audit rows never hold identity values. */
  async list(opts: { before?: number | undefined; limit: number }) {
    const d = this.tx.authorize('audit.read', 'audit');
    let q = this.tx.trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(opts.limit);
    if (opts.before) q = q.where('seq', '<', String(opts.before) as never);
    const rows = await q.execute();
    await this.tx.audit({
      action: 'audit.read',
      resourceType: 'audit',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { count: rows.length },
    });
    return rows;
  }

  /** Break-glass events: a supervisor sees their organisation's, national scope sees all. */
  async breakGlassEvents() {
    const d = this.tx.authorize('breakglass.review', 'break_glass');
    let q = this.tx.trx
      .selectFrom('break_glass')
      .innerJoin('users', 'users.id', 'break_glass.user_id')
      .select([
        'break_glass.id',
        'break_glass.user_id',
        'users.username',
        'users.organisation_id',
        'break_glass.resource_type',
        'break_glass.record_id',
        'break_glass.reason',
        'break_glass.granted_at',
        'break_glass.expires_at',
        'break_glass.reviewed_at',
        'break_glass.review_note',
      ])
      .orderBy('break_glass.granted_at', 'desc')
      .limit(500);
    if (d.rule.scope !== 'national') q = q.where('users.organisation_id', '=', this.tx.actor.organisationId ?? '');
    const rows = await q.execute();
    await this.tx.audit({
      action: 'breakglass.list',
      resourceType: 'break_glass',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { count: rows.length },
    });
    return rows;
  }

  async reviewBreakGlass(id: string, note: string): Promise<void> {
    const event = await this.tx.trx
      .selectFrom('break_glass')
      .innerJoin('users', 'users.id', 'break_glass.user_id')
      .select(['break_glass.id', 'users.organisation_id'])
      .where('break_glass.id', '=', id)
      .executeTakeFirst();
    if (!event) return this.tx.notFound('breakglass.review', 'break_glass', id);
    const d = this.tx.authorize('breakglass.review', 'break_glass', {
      id,
      ownerUserId: null,
      organisationId: event.organisation_id,
      province: null,
      label: 'N',
      teamUserIds: [],
      sharedWithOrganisationIds: [],
      namedUserIds: [],
    });
    await this.tx.trx
      .updateTable('break_glass')
      .set({ reviewed_by: this.tx.actor.userId, reviewed_at: this.tx.ctx.now(), review_note: note })
      .where('id', '=', id)
      .execute();
    await this.tx.audit({
      action: 'breakglass.review',
      resourceType: 'break_glass',
      resourceId: id,
      rule: d.rule.id,
      reason: null,
      details: {},
    });
  }

  /** Record that the actor ran a verification (its result is computed outside the transaction). */
  async recordVerification(ok: boolean): Promise<void> {
    const d = this.tx.authorize('audit.verify', 'audit');
    await this.tx.audit({
      action: 'audit.verify',
      resourceType: 'audit',
      resourceId: null,
      rule: d.rule.id,
      reason: null,
      details: { ok },
    });
  }
}
