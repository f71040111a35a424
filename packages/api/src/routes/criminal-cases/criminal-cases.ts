import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  criminalCaseAlerts,
  criminalCaseEventSchema,
  investigationOpenedSchema,
  suspectAddedSchema,
  type CriminalCaseEvent,
} from '@ctis/core';
import type { AppContext } from '../../context.ts';
import { personInputSchema } from '../persons/person-input.ts';
import { needs } from '../../policy.ts';
import { criminalCasePresenter } from './present.ts';

const idParams = z.object({ id: z.uuid() });
const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');

const openBody = investigationOpenedSchema.omit({ type: true }).extend({
  leadUnitOrganisationId: investigationOpenedSchema.shape.leadUnitOrganisationId.optional(),
});
const suspectBody = suspectAddedSchema
  .omit({ type: true, suspectId: true, personId: true })
  .extend({ personId: z.uuid().optional(), person: personInputSchema.optional() });

/** Criminal cases: open an investigation, read, list, add suspects, record each step, work-queue alerts. */
export function criminalCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = criminalCasePresenter(ctx);

  r.post(
    '/api/criminal-cases',
    { config: { policy: needs('criminal_case.write') }, schema: { tags: ['criminal cases'], body: openBody } },
    async (request, reply) => {
      const actor = request.actor!;
      const view = await request.scopedDb!.transaction((tx) =>
        tx.criminalCases.open({
          ...request.body,
          type: 'investigation_opened',
          leadUnitOrganisationId: request.body.leadUnitOrganisationId ?? actor.organisationId ?? '',
        }),
      );
      return reply.status(201).send({ case: present(view, actor) });
    },
  );

  r.get(
    '/api/criminal-cases',
    {
      config: { policy: needs('criminal_case.read') },
      schema: {
        tags: ['criminal cases'],
        querystring: z.object({
          status: z.enum(['open', 'closed']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) => tx.criminalCases.list(request.query));
      return { cases: views.map((v) => present(v, request.actor!)) };
    },
  );

  r.get(
    '/api/criminal-cases/alerts',
    {
      config: { policy: needs('criminal_case.read') },
      schema: { tags: ['criminal cases'], querystring: z.object({ asOf: isoDate.optional() }) },
    },
    async (request) => {
      const asOf = request.query.asOf ?? ctx.now().toISOString().slice(0, 10);
      const org = request.actor!.organisationId ?? '';
      const isOversight = ctx.deps.config.organisations.some((o) => o.id === org && o.type === 'oversight');
      const views = await request.scopedDb!.transaction((tx) =>
        tx.criminalCases.list({ alertable: true, limit: Number.MAX_SAFE_INTEGER }),
      );
      const numbers = new Map(views.map((v) => [v.id, v.caseNumber]));
      // Each alert goes only to those who act on it: the case's units, or oversight for its flags.
      const alerts = criminalCaseAlerts(views, asOf, ctx.deps.config.alerts)
        .filter((a) => (a.audience === 'oversight' ? isOversight : a.organisationIds.includes(org)))
        .map((a) => ({ ...a, caseNumber: numbers.get(a.caseId) }));
      return { asOf, alerts };
    },
  );

  r.get(
    '/api/criminal-cases/:id',
    { config: { policy: needs('criminal_case.read') }, schema: { tags: ['criminal cases'], params: idParams } },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) => tx.criminalCases.get(request.params.id));
      const presented = present(view, request.actor!);
      // The history tells nothing the presented state hides.
      const byPerson = new Map(view.state.suspects.map((p, i) => [p.personId, presented.state.suspects[i]!.personId]));
      const events = view.events
        .filter((e) => !(presented.victimsHidden && e.event.type === 'victim_linked'))
        .map((e) => ({ ...e, event: historyEvent(e.event, byPerson, presented.victimsHidden) }));
      return { case: presented, events };
    },
  );

  r.post(
    '/api/criminal-cases/:id/events',
    {
      config: { policy: needs('criminal_case.write') },
      schema: {
        tags: ['criminal cases'],
        params: idParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }),
        body: criminalCaseEventSchema,
      },
    },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.criminalCases.append(request.params.id, request.body, { expectedVersion: request.query.expectedVersion }),
      );
      return { case: present(view, request.actor!) };
    },
  );

  r.post(
    '/api/criminal-cases/:id/suspects',
    {
      config: { policy: needs('criminal_case.write') },
      schema: { tags: ['criminal cases'], params: idParams, body: suspectBody },
    },
    async (request, reply) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.criminalCases.addSuspect(request.params.id, request.body),
      );
      return reply.status(201).send({ case: present(view, request.actor!) });
    },
  );
}

/** An event as the caller may see it: pseudonymous suspects, no victim case ids where victims are hidden. */
function historyEvent(e: CriminalCaseEvent, byPerson: Map<string, string>, hideVictims: boolean): CriminalCaseEvent {
  if (e.type === 'suspect_added') return { ...e, personId: byPerson.get(e.personId) ?? e.personId };
  if (e.type === 'sentence' && hideVictims && e.restitution) {
    const { restitution, ...rest } = e;
    return { ...rest, restitution: restitution.map(({ victimCaseId: _v, ...r }) => r) } as CriminalCaseEvent;
  }
  return e;
}
