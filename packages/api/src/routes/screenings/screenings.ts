import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evaluateScreening, InputError } from '@ctis/core';
import type { AppContext } from '../../context.ts';
import { personInputSchema } from '../persons/person-input.ts';
import { needs } from '../../policy.ts';

const SITES = [
  'border_transit_centre',
  'labour_inspection',
  'consular_interview',
  'police_operation',
  'hotline',
  'shelter_intake',
] as const;
// A real calendar date: a regex alone lets "2017-02-30" through to the database (a 500).
const isoDate = z.iso.date('not a date — write it as YYYY-MM-DD, e.g. "2017-03-21"');

const screeningBody = z.object({
  questionnaireId: z.string(),
  site: z.enum(SITES),
  occurredOn: isoDate,
  province: z.string().nullable().default(null),
  answers: z.record(z.string(), z.boolean().nullable()),
  /** Only with consent (or a positive result) is the person kept. */
  consentToKeepIdentity: z.boolean().default(false),
  person: personInputSchema.nullable().default(null),
  /** A positive screening opens a victim case in the same step. */
  openCase: z.boolean().default(true),
});

/**
 * Screening with the victim identification protocol. The result is "possible victim" or "not
 * indicated", never a legal finding. A positive screening opens a victim case in one step.
 */
export function screeningRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const questionnaires = ctx.deps.questionnaires ?? [];

  r.get(
    '/api/questionnaires',
    { config: { policy: needs('screening.write') }, schema: { tags: ['screenings'] } },
    async () => ({
      questionnaires: questionnaires.map((q) => ({ ...q })),
    }),
  );

  r.post(
    '/api/screenings',
    { config: { policy: needs('screening.write') }, schema: { tags: ['screenings'], body: screeningBody } },
    async (request, reply) => {
      const body = request.body;
      if (body.province !== null && !ctx.deps.config.provinces.some((p) => p.code === body.province))
        throw new InputError('province', `unknown province code "${body.province}" — use one from the configuration`);
      const questionnaire = questionnaires.find((q) => q.id === body.questionnaireId);
      if (!questionnaire)
        throw new InputError(
          'questionnaireId',
          `unknown questionnaire; one of: ${questionnaires.map((q) => q.id).join(', ')}`,
        );
      const outcome = evaluateScreening(questionnaire, body.answers);
      const positive = outcome.result === 'possible_victim';
      if (positive && !body.person)
        throw new InputError(
          'person',
          'a possible victim must be recorded as a person (statistical attributes at least) to open their case',
        );
      const keepPerson = body.person && (positive || body.consentToKeepIdentity);
      if (body.person && !keepPerson)
        throw new InputError(
          'person',
          'this screening indicates nothing: no person is kept unless they consent (consentToKeepIdentity)',
        );
      const saved = await request.scopedDb!.transaction(async (tx) => {
        const person = keepPerson
          ? await tx.persons.create({ ...body.person!, province: body.province, label: 'R' })
          : null;
        const screeningId = await tx.screenings.record({
          questionnaireId: questionnaire.id,
          questionnaireVersion: questionnaire.version,
          site: body.site,
          occurredOn: body.occurredOn,
          province: body.province,
          answers: body.answers,
          result: outcome.result,
          personId: person?.id ?? null,
          consentToKeepIdentity: body.consentToKeepIdentity,
        });
        if (!positive || !body.openCase || !person)
          return { screeningId, personId: person?.id ?? null, caseId: null, caseNumber: null };
        const opened = await tx.victimCases.open(person.id, {
          type: 'case_opened',
          occurredOn: body.occurredOn,
          source: 'screening',
          organisationId: request.actor!.organisationId!,
          ...(body.province ? { province: body.province } : {}),
          personId: person.id,
          screeningId,
        });
        await tx.screenings.linkCase(screeningId, opened.id);
        return { screeningId, personId: person.id, caseId: opened.id, caseNumber: opened.caseNumber };
      });
      return reply.status(201).send({
        ...saved,
        result: outcome.result,
        reasons: outcome.reasons,
        dimensions: outcome.dimensions,
        unanswered: outcome.unanswered,
        elements: outcome.elements,
      });
    },
  );

  r.post(
    '/api/screenings/tallies',
    {
      config: { policy: needs('screening.write') },
      schema: {
        tags: ['screenings'],
        body: z.object({
          site: z.enum(SITES),
          day: isoDate,
          screened: z.number().int().min(0).max(100_000),
          indicated: z.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => request.scopedDb!.transaction((tx) => tx.screenings.addTally(request.body)),
  );

  r.get(
    '/api/screenings/:id',
    {
      config: { policy: needs('screening.read') },
      schema: { tags: ['screenings'], params: z.object({ id: z.uuid() }) },
    },
    async (request) => {
      const row = await request.scopedDb!.transaction((tx) => tx.screenings.get(request.params.id));
      return {
        screening: {
          id: row.id,
          questionnaireId: row.questionnaire_id,
          questionnaireVersion: row.questionnaire_version,
          site: row.site,
          organisationId: row.organisation_id,
          province: row.province,
          occurredOn: row.occurred_on,
          result: row.result,
          answers: row.answers,
          personId: row.person_id,
          caseId: row.case_id,
        },
      };
    },
  );
}
