import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isRegisterId, REGISTERS, type RegisterId } from '@ctis/core';
import { AccessError } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { CONTENT_TYPES, readSpreadsheet, type SpreadsheetFormat } from '../../imports/parse.ts';
import { validateRows, type RowError } from '../../imports/validate-rows.ts';
import { needs } from '../../policy.ts';
import { problem } from '../../problem.ts';

/** The largest import file accepted: about 500,000 rows of CSV. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
/** How long an import may work without sending anything (100,000 rows take 10–25 s). */
const IMPORT_SOCKET_TIMEOUT_MS = 5 * 60_000;

const FORMAT_OF = new Map<string, SpreadsheetFormat>(
  (Object.entries(CONTENT_TYPES) as [SpreadsheetFormat, string][]).map(([f, type]) => [type, f]),
);

/**
 * POST /api/registers/:register/import: a CSV or XLSX file (the raw body) of records for one
 * register. Every row is checked first; one bad row and nothing is imported, the answer naming each
 * error's row and column. Otherwise all rows are stored in one transaction, as one audited import.
 */
export function registerImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The file arrives as the raw body. These parsers apply only to these content types, with the
  // server's default body limit unless a route raises it (this one does).
  for (const type of FORMAT_OF.keys())
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/registers/:register/import',
    {
      config: { policy: needs('register.write') },
      bodyLimit: IMPORT_BODY_LIMIT,
      // Before the body is read: an unknown register, or one the caller's organisation may not
      // record, is refused without receiving (up to 64 MiB of) file.
      preParsing: async (request: FastifyRequest) => {
        const { register } = request.params as { register: string };
        if (!isRegisterId(register))
          throw problem(404, 'not_found', 'Not found', `There is no register "${register}".`);
        await refuseUnlessRecorder(request, ctx, register);
      },
      schema: {
        tags: ['registers'],
        summary: 'Import records from a CSV or XLSX file (all rows or none)',
        consumes: [...FORMAT_OF.keys()],
        params: z.object({ register: z.string() }),
      },
    },
    async (request, reply) => {
      const register = request.params.register as RegisterId;
      const def = REGISTERS[register];
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = FORMAT_OF.get(type);
      if (!format || !Buffer.isBuffer(request.body))
        throw problem(
          415,
          'unsupported_media_type',
          'Unsupported media type',
          `Send the file as the request body with Content-Type ${CONTENT_TYPES.csv} or ${CONTENT_TYPES.xlsx}.`,
        );
      const bytes = request.body;
      // Checking and storing a large file takes longer than the server's 30 s of socket inactivity:
      // without this the client would lose the answer to an import that still commits.
      // (Injected test requests have a socket without timers.)
      const socket = request.raw.socket as Partial<Socket> | undefined;
      socket?.setTimeout?.(IMPORT_SOCKET_TIMEOUT_MS);
      // The cells are garbage once checked (not held while the records are stored).
      const checked = validateRows(def, await readSpreadsheet(bytes, format), ctx.deps.config);
      if (!checked.ok) return reply.status(400).type('application/problem+json').send(rowProblem(request, checked));
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const done = await request.scopedDb!.transaction((tx) =>
        tx.registers.importRecords(register, checked.records, { format, sha256 }),
      );
      return reply.status(201).send({ importId: done.importId, rows: done.rows });
    },
  );
}

/**
 * A register is recorded only by the organisation types its definition names; the repository
 * decides again when storing. Refused here too, before the upload is read, and audited the same way.
 */
async function refuseUnlessRecorder(request: FastifyRequest, ctx: AppContext, register: RegisterId): Promise<void> {
  const actor = request.actor!;
  if (actor.kind === 'system') return;
  const type = ctx.deps.config.organisations.find((o) => o.id === actor.organisationId)?.type;
  if (type !== undefined && REGISTERS[register].recordedBy.includes(type)) return;
  await request.scopedDb!.transaction(async () => {
    throw new AccessError(403, 'out-of-scope', 'register.write', `register:${register}`, null);
  });
}

function rowProblem(request: FastifyRequest, result: { errors: RowError[]; total: number }) {
  const first = result.errors[0]!;
  const where = first.column ? `row ${first.row}, ${first.column}` : `row ${first.row}`;
  const more = result.total > result.errors.length ? ` (the first ${result.errors.length} are listed)` : '';
  return {
    type: 'https://ctis.invalid/problems/invalid_import',
    title: 'The file has errors; nothing was imported',
    status: 400,
    code: 'invalid_import',
    detail: `${result.total} error${result.total === 1 ? '' : 's'}${more}; the first: ${where}: ${first.message}`,
    instance: request.id,
    errors: result.errors,
    total: result.total,
  };
}
