import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { isPublic } from '../../policy.ts';
import { problem } from '../../problem.ts';

/** Health and the public part of the country configuration (what a login page needs). */
export function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config } = ctx.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    {
      config: { policy: isPublic },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => {
      if (!(await ping(ctx.deps.db)))
        throw problem(503, 'database_unreachable', 'Database unreachable', 'The database does not answer.');
      return { status: 'ok' as const };
    },
  );

  r.get('/api/config/public', { config: { policy: isPublic }, schema: { tags: ['system'] } }, async () => ({
    country: config.country,
    name: config.name,
    languages: config.languages,
    currency: config.currency,
    provinces: config.provinces,
    countries: config.countries,
    codeLists: config.codeLists,
    organisations: config.organisations.map(({ id, type, name, province, parent }) => ({
      id,
      type,
      name,
      province,
      parent,
    })),
    roles: config.roles.map(({ id, name }) => ({ id, name })),
    // Laws and their articles are public texts: criminal-case forms pick a legal basis and charges.
    laws: config.laws,
    alerts: config.alerts,
  }));
}
