import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';
import { presentOperation } from './present.ts';

const idParams = z.object({ id: z.uuid() });
// A real calendar date: a regex alone lets "2017-02-30" through to the database (a 500).
const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');
const text = (max: number) =>
  z.string().trim().min(1, 'is empty — write something here').max(max, `is too long — at most ${max} characters`);

const createBody = z.object({
  codeName: text(80),
  plannedFor: isoDate,
  target: text(2_000),
  // An empty briefing box means no briefing.
  briefing: z
    .string()
    .trim()
    .max(20_000, 'is too long — at most 20000 characters')
    .nullish()
    .transform((v) => v || null),
  criminalCaseId: z.uuid().nullish(),
  namedOfficerIds: z
    .array(z.uuid('is not a user id — choose officers from GET /api/operations/officers'))
    .max(50, 'names too many officers — at most 50'),
});

/**
 * Operations (raids): planned in secret (label V, named officers only, every opening audited),
 * then executed or cancelled (label N, readable by the unit). The repository decides access.
 */
export function operationRoutes(app: FastifyInstance, _ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/operations',
    { config: { policy: needs('operation.write') }, schema: { tags: ['operations'], body: createBody } },
    async (request, reply) => {
      const view = await request.scopedDb!.transaction((tx) => tx.operations.create(request.body));
      return reply.status(201).send({ operation: presentOperation(view, request.actor!) });
    },
  );

  r.get(
    '/api/operations',
    {
      config: { policy: needs('operation.read') },
      schema: {
        tags: ['operations'],
        querystring: z.object({
          status: z.enum(['planned', 'executed', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) => tx.operations.list(request.query));
      return { operations: views.map((v) => presentOperation(v, request.actor!)) };
    },
  );

  r.get(
    '/api/operations/officers',
    { config: { policy: needs('operation.write') }, schema: { tags: ['operations'] } },
    async (request) => ({ officers: await request.scopedDb!.transaction((tx) => tx.operations.officers()) }),
  );

  r.get(
    '/api/operations/:id',
    { config: { policy: needs('operation.read') }, schema: { tags: ['operations'], params: idParams } },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) => tx.operations.get(request.params.id));
      return { operation: presentOperation(view, request.actor!) };
    },
  );

  r.post(
    '/api/operations/:id/execute',
    {
      config: { policy: needs('operation.write') },
      schema: {
        tags: ['operations'],
        params: idParams,
        body: z.object({ executedOn: isoDate, outcome: text(5_000) }),
      },
    },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) => tx.operations.execute(request.params.id, request.body));
      return { operation: presentOperation(view, request.actor!) };
    },
  );

  r.post(
    '/api/operations/:id/cancel',
    {
      config: { policy: needs('operation.write') },
      schema: {
        tags: ['operations'],
        params: idParams,
        body: z.object({
          reason: z
            .string()
            .trim()
            .min(10, 'is too short — say in at least 10 characters why the operation is called off')
            .max(2_000, 'is too long — at most 2000 characters'),
        }),
      },
    },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.operations.cancel(request.params.id, request.body.reason),
      );
      return { operation: presentOperation(view, request.actor!) };
    },
  );

  r.get(
    '/api/operations/:id/openers',
    { config: { policy: needs('operation.read') }, schema: { tags: ['operations'], params: idParams } },
    async (request) => ({
      openers: await request.scopedDb!.transaction((tx) => tx.operations.openers(request.params.id)),
    }),
  );
}
