import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';

/** A supervisor marks a break-glass event reviewed, with a note; the review is audited. */
export function breakGlassReviewRoutes(app: FastifyInstance, _ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/break-glass/:id/review', {
    config: { policy: needs('breakglass.review') },
    schema: { tags: ['audit'], params: z.object({ id: z.uuid() }), body: z.object({ note: z.string().trim().min(1).max(1000) }) },
  }, async (request, reply) => {
    await request.scopedDb!.transaction(async (tx) => {
      const event = await tx.trx.selectFrom('break_glass').innerJoin('users', 'users.id', 'break_glass.user_id').select(['break_glass.id', 'users.organisation_id']).where('break_glass.id', '=', request.params.id).executeTakeFirst();
      if (!event) return tx.notFound('breakglass.review', 'break_glass', request.params.id);
      const d = tx.authorize('breakglass.review', 'break_glass', { id: event.id, ownerUserId: null, organisationId: event.organisation_id, province: null, label: 'N', teamUserIds: [], sharedWithOrganisationIds: [], namedUserIds: [] });
      await tx.trx.updateTable('break_glass').set({ reviewed_by: request.actor!.userId, reviewed_at: tx.ctx.now(), review_note: request.body.note }).where('id', '=', event.id).execute();
      await tx.audit({ action: 'breakglass.review', resourceType: 'break_glass', resourceId: event.id, rule: d.rule.id, reason: null, details: {} });
    });
    return reply.status(204).send();
  });
}
