import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { redact } from '@ctis/core';
import type { PersonView } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { personInputSchema } from './person-input.ts';
import { needs } from '../../policy.ts';
import { problem } from '../../problem.ts';

const idParams = z.object({ id: z.uuid() });

const newPersonBody = personInputSchema.extend({
  province: z.string().nullable().default(null),
  label: z.enum(['N', 'R', 'V']).default('R'),
  team: z.array(z.uuid()).default([]),
  named: z.array(z.uuid()).default([]),
});

/** Present a person through the deciding rule: hidden fields never leave the server. */
export function presentPerson(view: PersonView, actions: string[]) {
  const { row } = view;
  const full = {
    id: row.id,
    organisationId: row.organisation_id,
    province: row.province,
    label: row.label,
    sex: row.sex,
    birthYear: row.birth_year,
    nationality: row.nationality,
    erased: row.erased_at !== null,
    identity: view.identityVisible ? view.identity : undefined,
  };
  return { ...redact(full, view.hiddenFields), allowedActions: actions };
}

/**
 * Persons: the first record under need-to-know access (scopes, compartments, labels, break-glass).
 * The protection module grows this into the full person and victim case.
 */
export function personRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = ctx.deps;

  r.post(
    '/api/persons',
    { config: { policy: needs('person.write') }, schema: { tags: ['persons'], body: newPersonBody } },
    async (request, reply) => {
      const body = request.body;
      if (body.province && !config.provinces.some((p) => p.code === body.province)) {
        throw problem(400, 'invalid_input', 'Invalid input', `province: unknown province code "${body.province}"`, [
          { path: 'province', message: 'unknown province code' },
        ]);
      }
      const row = await request.scopedDb!.transaction((tx) => tx.persons.create(body));
      return reply.status(201).send({ id: row.id });
    },
  );

  r.get(
    '/api/persons/:id',
    {
      config: { policy: needs('person.read') },
      schema: {
        tags: ['persons'],
        params: idParams,
        querystring: z.object({ identity: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.persons.get(request.params.id, { identity: request.query.identity === 'true' }),
      );
      const actions = request.actor!.rules.filter((x) => x.action.startsWith('person.')).map((x) => x.action);
      return { person: presentPerson(view, [...new Set(actions)]) };
    },
  );

  r.post(
    '/api/persons/:id/share',
    {
      config: { policy: needs('person.write') },
      schema: { tags: ['persons'], params: idParams, body: z.object({ organisationId: z.string() }) },
    },
    async (request, reply) => {
      if (!config.organisations.some((o) => o.id === request.body.organisationId)) {
        throw problem(400, 'invalid_input', 'Invalid input', 'organisationId: unknown organisation', [
          { path: 'organisationId', message: 'unknown organisation' },
        ]);
      }
      await request.scopedDb!.transaction((tx) => tx.persons.share(request.params.id, request.body.organisationId));
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/persons/:id/break-glass',
    {
      config: { policy: needs('person.read') },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: z.object({
          reason: z
            .string()
            .trim()
            .min(20, 'give at least 20 characters explaining why you need this record')
            .max(1000),
          minutes: z.number().int().min(1).max(240).default(60),
        }),
      },
    },
    async (request) => {
      const { expiresAt } = await request.scopedDb!.transaction((tx) =>
        tx.persons.breakGlass(request.params.id, request.body.reason, request.body.minutes),
      );
      return { expiresAt: expiresAt.toISOString() };
    },
  );

  r.post(
    '/api/persons/search',
    {
      config: { policy: needs('person.read_identity'), rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['persons'],
        body: z.object({ name: z.string().trim().min(2).max(200), limit: z.number().int().min(1).max(50).default(20) }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) =>
        tx.persons.searchByName(request.body.name, request.body.limit),
      );
      return { persons: views.map((v) => presentPerson(v, [])) };
    },
  );

  r.post(
    '/api/persons/:id/erase',
    {
      config: { policy: needs('person.erase') },
      schema: {
        tags: ['persons'],
        params: idParams,
        body: z.object({
          reason: z.string().trim().min(20, 'give at least 20 characters: the legal basis or request').max(1000),
        }),
      },
    },
    async (request, reply) => {
      await request.scopedDb!.transaction((tx) => tx.persons.erase(request.params.id, request.body.reason));
      return reply.status(204).send();
    },
  );
}
