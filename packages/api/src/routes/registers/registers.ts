import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, INSPECTION_CHECKLISTS, REGISTER_IDS, REGISTERS, type RegisterDefinition } from '@ctis/core';
import type { RegisterView } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';
import { personInputSchema } from '../persons/person-input.ts';

const registerParam = z.object({ register: z.enum(REGISTER_IDS) });
const recordParams = registerParam.extend({ id: z.uuid() });
const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');
/** Record bodies are checked field by field by the register's definition (core), not here. */
const recordBody = z.record(z.string(), z.unknown());

export function presentRecord(v: RegisterView) {
  return {
    id: v.id,
    register: v.register,
    organisationId: v.organisationId,
    province: v.province,
    version: v.version,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    data: v.data,
  };
}

/** Fields set by one-step actions: edits keep them. */
const readOnlyFields = (def: RegisterDefinition) => def.fields.filter((f) => f.readOnly).map((f) => f.name);

/** The prevention and oversight registers: definitions, list, create, read with history, edit. */
export function registerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/registers',
    { config: { policy: needs('register.read') }, schema: { tags: ['registers'] } },
    async (request) => {
      const actor = request.actor!;
      const type = ctx.deps.config.organisations.find((o) => o.id === actor.organisationId)?.type;
      const writes = can(actor, 'register.write', undefined, ctx.now()).allowed;
      return {
        registers: REGISTER_IDS.map((id) => {
          const d = REGISTERS[id];
          return {
            id,
            fields: d.fields,
            summary: d.summary,
            recordedBy: d.recordedBy,
            canWrite: writes && type !== undefined && d.recordedBy.includes(type),
          };
        }),
        checklists: INSPECTION_CHECKLISTS,
      };
    },
  );

  r.get(
    '/api/registers/:register',
    {
      config: { policy: needs('register.read') },
      schema: {
        tags: ['registers'],
        params: registerParam,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1_000).default(200) }),
      },
    },
    async (request) => {
      const views = await request.scopedDb!.transaction((tx) =>
        tx.registers.list(request.params.register, { limit: request.query.limit }),
      );
      return { records: views.map(presentRecord) };
    },
  );

  r.get(
    '/api/registers/:register/template.csv',
    { config: { policy: needs('register.read') }, schema: { tags: ['registers'], params: registerParam } },
    async (request, reply) => {
      const def = REGISTERS[request.params.register];
      const header = def.fields.filter((f) => !f.readOnly).map((f) => f.name);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${def.id}.csv"`)
        .send(`${header.join(',')}\r\n`);
    },
  );

  r.post(
    '/api/registers/:register',
    {
      config: { policy: needs('register.write') },
      schema: { tags: ['registers'], params: registerParam, body: recordBody },
    },
    async (request, reply) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.registers.create(request.params.register, request.body),
      );
      return reply.status(201).send({ record: presentRecord(view) });
    },
  );

  r.get(
    '/api/registers/:register/:id',
    { config: { policy: needs('register.read') }, schema: { tags: ['registers'], params: recordParams } },
    async (request) => {
      const view = await request.scopedDb!.transaction((tx) =>
        tx.registers.get(request.params.register, request.params.id),
      );
      return { record: presentRecord(view), history: view.history };
    },
  );

  r.put(
    '/api/registers/:register/:id',
    {
      config: { policy: needs('register.write') },
      schema: {
        tags: ['registers'],
        params: recordParams,
        querystring: z.object({ expectedVersion: z.coerce.number().int().min(1).optional() }),
        body: recordBody,
      },
    },
    async (request) => {
      const { register, id } = request.params;
      const view = await request.scopedDb!.transaction((tx) =>
        tx.registers.update(register, id, request.body, {
          expectedVersion: request.query.expectedVersion,
          keep: readOnlyFields(REGISTERS[register]),
        }),
      );
      return { record: presentRecord(view) };
    },
  );

  inspectionReferrals(app);
}

/**
 * The one-step outcomes of a labour inspection: a worker found in forced labour gets a victim case
 * opened by the inspectorate; the findings go to a police unit, which then sees the inspection.
 */
function inspectionReferrals(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.uuid() });

  r.post(
    '/api/registers/inspections/:id/refer-protection',
    {
      config: { policy: needs('case.write') },
      schema: {
        tags: ['registers'],
        params,
        body: z.object({ occurredOn: isoDate, person: personInputSchema.optional() }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await request.scopedDb!.transaction(async (tx) => {
        const inspection = await tx.registers.get('inspections', id);
        const province = String(inspection.data['province']);
        const person = await tx.persons.create({
          ...(request.body.person ?? { sex: null, birthYear: null, nationality: null, identity: null }),
          province,
          label: 'R',
        });
        const opened = await tx.victimCases.open(person.id, {
          type: 'case_opened',
          occurredOn: request.body.occurredOn,
          source: 'labour_inspection',
          organisationId: request.actor!.organisationId!,
          province,
          personId: person.id,
        });
        const ids = [...((inspection.data['victimCaseIds'] as string[] | undefined) ?? []), opened.id];
        const updated = await tx.registers.update('inspections', id, { ...inspection.data, victimCaseIds: ids });
        return { caseId: opened.id, caseNumber: opened.caseNumber, record: presentRecord(updated) };
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/api/registers/inspections/:id/refer-police',
    {
      config: { policy: needs('register.write') },
      schema: {
        tags: ['registers'],
        params,
        body: z.object({ occurredOn: isoDate, policeOrganisationId: z.string().min(1) }),
      },
    },
    async (request) => {
      const { id } = request.params;
      const { occurredOn, policeOrganisationId } = request.body;
      const record = await request.scopedDb!.transaction(async (tx) => {
        const inspection = await tx.registers.get('inspections', id);
        // The definition checks that the organisation exists and is a police unit.
        const updated = await tx.registers.update('inspections', id, {
          ...inspection.data,
          referredToPoliceOrganisationId: policeOrganisationId,
          referredToPoliceOn: occurredOn,
        });
        await tx.registers.share('inspections', id, policeOrganisationId);
        return updated;
      });
      return { record: presentRecord(record) };
    },
  );
}
