import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPLAINT_DECISIONS, COMPLAINT_STATUSES } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';
import { presentComplaint, presentComplaintSummary } from './present.ts';
import { publicComplaintRoutes } from './public.ts';

const idParams = z.object({ id: z.uuid() });

const decisionBody = z.object({
  status: z.enum(
    COMPLAINT_DECISIONS,
    `is not a status oversight can set — use one of ${COMPLAINT_DECISIONS.join(', ')}`,
  ),
  // Shown to the reporter with the status; an empty box clears it.
  outcome: z
    .string()
    .trim()
    .max(5_000, 'is too long — at most 5000 characters')
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null)),
  criminalCaseId: z.uuid('is not a criminal case id').nullish(),
  expectedVersion: z.number().int().min(1).optional(),
});

/**
 * Corruption complaints: the public intake and receipt look-up (public.ts), and oversight's list,
 * complaint page and decisions (complaint.read / complaint.manage, national scope: oversight only).
 */
export function complaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  publicComplaintRoutes(app, ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ring = ctx.deps.keys.ring;

  r.get(
    '/api/complaints',
    {
      config: { policy: needs('complaint.read') },
      schema: {
        tags: ['complaints'],
        querystring: z.object({
          status: z.enum(COMPLAINT_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) => tx.complaints.list(request.query));
      return { complaints: views.map(presentComplaintSummary) };
    },
  );

  r.get(
    '/api/complaints/:id',
    { config: { policy: needs('complaint.read') }, schema: { tags: ['complaints'], params: idParams } },
    async (request, reply) => {
      const view = await request.scopedDb!.transaction((tx) => tx.complaints.get(request.params.id, ring));
      void reply.header('cache-control', 'no-store');
      return { complaint: presentComplaint(view) };
    },
  );

  r.post(
    '/api/complaints/:id/status',
    {
      config: { policy: needs('complaint.manage') },
      schema: { tags: ['complaints'], params: idParams, body: decisionBody },
    },
    async (request, reply) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.complaints.decide(request.params.id, request.body, ring),
      );
      void reply.header('cache-control', 'no-store');
      return { complaint: presentComplaint(view) };
    },
  );
}
