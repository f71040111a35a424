import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CASE_SOURCES,
  pseudonym,
  redact,
  victimCaseAlerts,
  victimCaseEventSchema,
  type VictimCaseState,
} from '@ctis/core';
import type { CaseView } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { personInputSchema } from '../persons/person-input.ts';
import { needs } from '../../policy.ts';

const idParams = z.object({ id: z.uuid() });
// A real calendar date: a regex alone lets "2017-02-30" through to the database (a 500).
const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');

/**
 * Present a case through the deciding rule. Whoever may not see identities (e.g. national
 * analysts) gets a pseudonym in place of the person's id, stable within the national domain.
 */
function presenter(ctx: AppContext) {
  return (view: CaseView) => {
    const hideIdentity = view.hiddenFields.includes('identity');
    const personId = hideIdentity ? pseudonym(ctx.deps.keys.blindIndexKey, 'national', view.personId) : view.personId;
    const state = { ...(view.state as VictimCaseState), personId };
    return redact(
      { id: view.id, caseNumber: view.caseNumber, personId, personPseudonymous: hideIdentity, state },
      view.hiddenFields,
    );
  };
}

/** Victim cases: open, read, list, and record each lifecycle step as an event. */
export function caseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const presentCase = presenter(ctx);

  r.post(
    '/api/cases',
    {
      config: { policy: needs('case.write') },
      schema: {
        tags: ['cases'],
        body: z.object({
          occurredOn: isoDate,
          source: z.enum(CASE_SOURCES),
          province: z.string().optional(),
          personId: z.uuid().optional(),
          person: personInputSchema.optional(),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await request.scopedDb!.transaction(async (tx) => {
        const personId =
          b.personId ??
          (
            await tx.persons.create({
              ...(b.person ?? { sex: null, birthYear: null, nationality: null, identity: null }),
              province: b.province ?? null,
              label: 'R',
            })
          ).id;
        if (b.personId) await tx.persons.get(b.personId, { identity: false }); // must be visible to the actor
        return tx.victimCases.open(personId, {
          type: 'case_opened',
          occurredOn: b.occurredOn,
          source: b.source,
          organisationId: request.actor!.organisationId!,
          ...(b.province ? { province: b.province } : {}),
          personId,
        });
      });
      return reply.status(201).send({ case: presentCase(view) });
    },
  );

  r.get(
    '/api/cases',
    {
      config: { policy: needs('case.read') },
      schema: {
        tags: ['cases'],
        querystring: z.object({
          status: z.enum(['open', 'closed']).optional(),
          personId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) => tx.victimCases.list(request.query));
      return { cases: views.map(presentCase) };
    },
  );

  r.get(
    '/api/cases/:id',
    { config: { policy: needs('case.read') }, schema: { tags: ['cases'], params: idParams } },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) => tx.victimCases.get(request.params.id));
      const presented = presentCase(view);
      // The opening event names the person: the same pseudonym replaces it where identity is hidden.
      const events = view.events.map((e) =>
        e.event.type === 'case_opened' ? { ...e, event: { ...e.event, personId: presented.personId! } } : e,
      );
      return { case: presented, events };
    },
  );

  r.post(
    '/api/cases/:id/events',
    {
      config: { policy: needs('case.write') },
      schema: {
        tags: ['cases'],
        params: idParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }),
        body: victimCaseEventSchema,
      },
    },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.victimCases.append(request.params.id, request.body, { expectedVersion: request.query.expectedVersion }),
      );
      return { case: presentCase(view) };
    },
  );

  r.get(
    '/api/cases/alerts',
    {
      config: { policy: needs('case.write') },
      schema: { tags: ['cases'], querystring: z.object({ asOf: isoDate.optional() }) },
    },
    async (request) => {
      const asOf = request.query.asOf ?? ctx.now().toISOString().slice(0, 10);
      const alerts = await request.scopedDb!.transaction(async (tx) => {
        const views = await tx.victimCases.list({ status: undefined, limit: 5_000 });
        const withBirthYears = await tx.persons.birthYears(views.map((v) => v.personId));
        const types = new Map(ctx.deps.config.organisations.map((o) => [o.id, o.type]));
        const all = victimCaseAlerts(
          views.map((v) => ({ id: v.id, state: v.state, birthYear: withBirthYears.get(v.personId) ?? null })),
          asOf,
          ctx.deps.config.alerts,
          { organisationType: (id) => types.get(id) },
        );
        // Each alert goes only to those who may act on it.
        const org = request.actor!.organisationId ?? '';
        const numbers = new Map(views.map((v) => [v.id, v.caseNumber]));
        return all
          .filter((a) => a.organisationIds.includes(org))
          .map((a) => ({ ...a, caseNumber: numbers.get(a.caseId) }));
      });
      return { asOf, alerts };
    },
  );
}
