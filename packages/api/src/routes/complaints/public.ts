import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPLAINT_CATEGORIES, PUBLIC_INTAKE_ACTOR, ScopedDb, systemActor } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { organisationProvince } from '../../auth/actor.ts';
import { isPublic } from '../../policy.ts';
import { problem } from '../../problem.ts';
import { presentReceiptStatus } from './present.ts';

/** Complaints filed per address per window, and receipt look-ups. */
export const INTAKE_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;
export const LOOKUP_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is too long — at most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

/**
 * The public's side of corruption complaints: filing one without an account, and following it with
 * the receipt code. These routes store and log nothing that could identify the reporter:
 *
 * - the repository acts as the system actor `public-intake` with no address and no request id in
 *   its context, so neither the complaint, its history nor the audit rows hold either;
 * - the rate limiter counts by an HMAC of the address under a key made at start-up and kept in
 *   memory only (the counts themselves live in memory only, for the window);
 * - their request log lines carry the method and the route only: no address, port, host, user
 *   agent, or receipt code (which is in the look-up's path).
 */
export function publicComplaintRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { deps, now } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ring = deps.keys.ring;
  const intake = new ScopedDb(deps.db, systemActor(PUBLIC_INTAKE_ACTOR), {
    ip: null,
    requestId: null,
    now,
    provinceOf: (orgId) => organisationProvince(deps.config, orgId),
    vault: ctx.vault,
    config: deps.config,
  });
  const limiterKey = randomBytes(32);
  const keyGenerator = (request: FastifyRequest) =>
    createHmac('sha256', limiterKey).update(request.ip).digest('base64url');
  const logSerializers = (url: string) => ({
    req: (req: { method?: string }) => ({ method: req.method, url }),
  });
  const provinces = new Set(deps.config.provinces.map((p) => p.code));

  const body = z.object({
    category: z.enum(COMPLAINT_CATEGORIES, `is not a category — use one of ${COMPLAINT_CATEGORIES.join(', ')}`),
    province: optionalText(20).refine((p) => p === null || provinces.has(p), 'is not a province of this country'),
    agency: optionalText(200),
    description: z
      .string('is required — describe what happened')
      .trim()
      .min(20, 'is too short — describe what happened in at least 20 characters')
      .max(10_000, 'is too long — at most 10000 characters'),
    contact: optionalText(500),
  });

  r.post(
    '/api/public/complaints',
    {
      config: { policy: isPublic, rateLimit: { ...INTAKE_LIMIT, keyGenerator } },
      logSerializers: logSerializers('/api/public/complaints'),
      schema: {
        tags: ['complaints'],
        security: [],
        body,
        response: { 201: z.object({ receipt: z.string() }) },
      },
    },
    async (request, reply) => {
      const { receipt } = await intake.transaction((tx) => tx.complaints.submit(request.body, ring));
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({ receipt });
    },
  );

  r.get(
    '/api/public/complaints/:receipt',
    {
      config: { policy: isPublic, rateLimit: { ...LOOKUP_LIMIT, keyGenerator } },
      logSerializers: logSerializers('/api/public/complaints/:receipt'),
      schema: {
        tags: ['complaints'],
        security: [],
        // Any string: a malformed code gets the same 404 as a wrong one, after the same lookup.
        params: z.object({ receipt: z.string().max(100) }),
      },
    },
    async (request, reply) => {
      const status = await intake.transaction((tx) => tx.complaints.byReceipt(request.params.receipt));
      void reply.header('cache-control', 'no-store');
      if (!status)
        throw problem(
          404,
          'not_found',
          'Not found',
          'No complaint has this receipt code. Check the code as you wrote it down.',
        );
      return presentReceiptStatus(status);
    },
  );
}
