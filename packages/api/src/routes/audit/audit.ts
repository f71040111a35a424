import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';

/** The audit trail for reviewers, its verification, and the break-glass review list. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, keys } = ctx.deps;

  r.get('/api/audit', { config: { policy: needs('audit.read') }, schema: { tags: ['audit'], querystring: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (request) => {
    return request.scopedDb!.transaction(async (tx) => {
      tx.authorize('audit.read', 'audit');
      let q = tx.trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(request.query.limit);
      if (request.query.before) q = q.where('seq', '<', String(request.query.before) as never);
      const rows = await q.execute();
      await tx.audit({ action: 'audit.read', resourceType: 'audit', resourceId: null, rule: null, reason: null, details: { count: rows.length } });
      return { entries: rows.map((row) => ({ seq: Number(row.seq), at: row.at.toISOString(), actorId: row.actor_id, action: row.action, resourceType: row.resource_type, resourceId: row.resource_id, outcome: row.outcome, rule: row.rule, reason: row.reason, ip: row.ip, requestId: row.request_id })) };
    });
  });

  r.post('/api/audit/verify', { config: { policy: needs('audit.verify') }, schema: { tags: ['audit'] } }, async (request) => {
    const report = await verifyAudit(db, keys.auditPublicKey);
    await request.scopedDb!.transaction(async (tx) => {
      const d = tx.authorize('audit.verify', 'audit');
      await tx.audit({ action: 'audit.verify', resourceType: 'audit', resourceId: null, rule: d.rule.id, reason: null, details: { ok: report.chain.ok && report.checkpoints.firstBad === null } });
    });
    return report;
  });

  r.get('/api/break-glass', { config: { policy: needs('breakglass.review') }, schema: { tags: ['audit'] } }, async (request) => {
    return request.scopedDb!.transaction(async (tx) => {
      const d = tx.authorize('breakglass.review', 'break_glass');
      const rows = await tx.trx.selectFrom('break_glass').innerJoin('users', 'users.id', 'break_glass.user_id').select(['break_glass.id', 'break_glass.user_id', 'users.username', 'users.organisation_id', 'break_glass.resource_type', 'break_glass.record_id', 'break_glass.reason', 'break_glass.granted_at', 'break_glass.expires_at', 'break_glass.reviewed_at', 'break_glass.review_note']).orderBy('break_glass.granted_at', 'desc').limit(500).execute();
      // A supervisor reviews their organisation's break-glass events; national scope sees all.
      const visible = d.rule.scope === 'national' ? rows : rows.filter((x) => x.organisation_id === request.actor!.organisationId);
      await tx.audit({ action: 'breakglass.list', resourceType: 'break_glass', resourceId: null, rule: d.rule.id, reason: null, details: { count: visible.length } });
      return { events: visible.map((x) => ({ id: x.id, userId: x.user_id, username: x.username, resourceType: x.resource_type, recordId: x.record_id, reason: x.reason, grantedAt: x.granted_at.toISOString(), expiresAt: x.expires_at.toISOString(), reviewedAt: x.reviewed_at?.toISOString() ?? null, reviewNote: x.review_note })) };
    });
  });
}
