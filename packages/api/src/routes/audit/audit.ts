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

  r.get(
    '/api/audit',
    {
      config: { policy: needs('audit.read') },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const rows = await request.scopedDb!.transaction((tx) => tx.auditTrail.list(request.query));
      return {
        entries: rows.map((row) => ({
          seq: Number(row.seq),
          at: row.at.toISOString(),
          actorId: row.actor_id,
          action: row.action,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          outcome: row.outcome,
          rule: row.rule,
          reason: row.reason,
          ip: row.ip,
          requestId: row.request_id,
        })),
      };
    },
  );

  r.post(
    '/api/audit/verify',
    { config: { policy: needs('audit.verify') }, schema: { tags: ['audit'] } },
    async (request) => {
      const report = await verifyAudit(db, keys.auditPublicKey);
      await request.scopedDb!.transaction((tx) =>
        tx.auditTrail.recordVerification(report.chain.ok && report.checkpoints.firstBad === null),
      );
      return report;
    },
  );

  r.get(
    '/api/break-glass',
    { config: { policy: needs('breakglass.review') }, schema: { tags: ['audit'] } },
    async (request) => {
      const rows = await request.scopedDb!.transaction((tx) => tx.auditTrail.breakGlassEvents());
      return {
        events: rows.map((x) => ({
          id: x.id,
          userId: x.user_id,
          username: x.username,
          resourceType: x.resource_type,
          recordId: x.record_id,
          reason: x.reason,
          grantedAt: x.granted_at.toISOString(),
          expiresAt: x.expires_at.toISOString(),
          reviewedAt: x.reviewed_at?.toISOString() ?? null,
          reviewNote: x.review_note,
        })),
      };
    },
  );

  r.post(
    '/api/break-glass/:id/review',
    {
      config: { policy: needs('breakglass.review') },
      schema: {
        tags: ['audit'],
        params: z.object({ id: z.uuid() }),
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      await request.scopedDb!.transaction((tx) => tx.auditTrail.reviewBreakGlass(request.params.id, request.body.note));
      return reply.status(204).send();
    },
  );
}
