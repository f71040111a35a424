import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { startLinkageRun } from '../../linkage/run-job.ts';
import { needs } from '../../policy.ts';
import {
  presentLink,
  presentProposal,
  presentRun,
  presentSide,
  presentSummary,
  type PairPersonDto,
} from './present.ts';

const idParams = z.object({ id: z.uuid() });

/**
 * Record linkage for "one person, one count": run the configured match proposer over all persons as a
 * background job (its progress readable while it runs), review the queue of proposed pairs (confirm or
 * reject, each audited), undo a confirmed link. Everything needs `linkage.review`.
 */
export function linkageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/linkage/run',
    { config: { policy: needs('linkage.review') }, schema: { tags: ['linkage'] } },
    async (request, reply) => {
      const run = await startLinkageRun(ctx, request.scopedDb!);
      return reply.code(202).send({ run: presentRun(run) });
    },
  );

  r.get(
    '/api/linkage/runs',
    {
      config: { policy: needs('linkage.review') },
      schema: {
        tags: ['linkage'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      },
    },
    async (request) => {
      const runs = await request.scopedDb!.transaction((tx) => tx.linkageRuns.list(request.query.limit));
      return { runs: runs.map(presentRun) };
    },
  );

  r.get(
    '/api/linkage/runs/:id',
    { config: { policy: needs('linkage.review') }, schema: { tags: ['linkage'], params: idParams } },
    async (request) => {
      const run = await request.scopedDb!.transaction((tx) => tx.linkageRuns.get(request.params.id));
      return { run: presentRun(run) };
    },
  );

  r.get(
    '/api/linkage/proposals',
    {
      config: { policy: needs('linkage.review') },
      schema: {
        tags: ['linkage'],
        querystring: z.object({
          status: z.enum(['proposed', 'confirmed', 'rejected']).default('proposed'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const { proposals, summary } = await request.scopedDb!.transaction(async (tx) => ({
        proposals: await tx.linkage.queue(request.query),
        summary: await tx.linkage.summary(),
      }));
      return { proposals: proposals.map(presentProposal), summary: presentSummary(summary) };
    },
  );

  r.get(
    '/api/linkage/proposals/:id',
    { config: { policy: needs('linkage.review') }, schema: { tags: ['linkage'], params: idParams } },
    async (request) => {
      return request.scopedDb!.transaction(async (tx) => {
        const view = await tx.linkage.get(request.params.id);
        const access = await tx.linkage.identityAccess([view.a.personId, view.b.personId]);
        const persons: PairPersonDto[] = [];
        for (const side of [view.a, view.b]) {
          const may = access.get(side.personId) ?? 'not-allowed';
          if (may !== 'allowed') {
            persons.push({ ...presentSide(side), identityAccess: may, identity: null });
            continue;
          }
          // Read through the persons repository: its checks, and one audited identity read per person.
          const person = await tx.persons.get(side.personId, { identity: true });
          persons.push({
            ...presentSide(side),
            identityAccess: !person.identityVisible ? 'not-allowed' : person.identity ? 'shown' : 'not-recorded',
            identity: person.identityVisible ? person.identity : null,
          });
        }
        return { proposal: presentProposal(view), persons };
      });
    },
  );

  for (const [verb, decision] of [
    ['confirm', 'confirmed'],
    ['reject', 'rejected'],
  ] as const)
    r.post(
      `/api/linkage/proposals/:id/${verb}`,
      { config: { policy: needs('linkage.review') }, schema: { tags: ['linkage'], params: idParams } },
      async (request) => {
        const view = await request.scopedDb!.transaction((tx) => tx.linkage.decide(request.params.id, decision));
        return { proposal: presentProposal(view) };
      },
    );

  r.post(
    '/api/linkage/links/:id/undo',
    { config: { policy: needs('linkage.review') }, schema: { tags: ['linkage'], params: idParams } },
    async (request) => {
      const { link, proposal } = await request.scopedDb!.transaction((tx) => tx.linkage.undo(request.params.id));
      return { link: presentLink(link), proposal: proposal ? presentProposal(proposal) : null };
    },
  );
}
