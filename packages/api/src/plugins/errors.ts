import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, InputError } from '@ctis/core';
import { AccessError } from '@ctis/db';
import { HttpProblem, problem, type Problem } from '../problem.ts';

/** Every error leaves as application/problem+json; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const p = toProblem(err);
    if (p.status >= 500) request.log.error({ err: { message: err.message, code: err.code } }, 'request failed');
    p.instance = request.id;
    void reply.status(p.status).type('application/problem+json').send(p);
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (e.g. /users) get its index.html.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    const p = problem(
      404,
      'not_found',
      'Not found',
      `No resource at ${request.method} ${request.url.split('?')[0]}`,
    ).problem;
    void reply
      .status(404)
      .type('application/problem+json')
      .send({ ...p, instance: request.id });
  });
}

function toProblem(err: FastifyError): Problem {
  if (err instanceof HttpProblem) return { ...err.problem };
  if (err instanceof AccessError) {
    return err.status === 404
      ? problem(404, 'not_found', 'Not found').problem
      : problem(
          403,
          err.reason === 'break-glass-required' ? 'break_glass_required' : 'forbidden',
          'Forbidden',
          err.reason === 'break-glass-required'
            ? 'This record is restricted. Break the glass with a reason if you need it.'
            : 'Your role does not allow this action.',
        ).problem;
  }
  if (err instanceof InputError)
    return problem(400, 'invalid_input', 'Invalid input', err.message, [
      { path: err.path, message: err.message.slice(err.path.length + 2) },
    ]).problem;
  if (err instanceof ConflictError) return problem(409, 'conflict', 'Conflict', err.message).problem;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => ({
      path: fieldPath(err.validationContext, v.instancePath),
      message: v.message ?? 'is invalid',
    }));
    return problem(
      400,
      'invalid_input',
      'Invalid input',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    ).problem;
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'too_large', 'Request body too large').problem;
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return problem(415, 'unsupported_media_type', 'Unsupported media type', 'Send application/json.').problem;
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return problem(400, 'invalid_json', 'Invalid JSON body', err.message).problem;
  if (err.statusCode === 429)
    return problem(429, 'rate_limited', 'Too many requests', 'Wait a minute and try again.').problem;
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return problem(err.statusCode, 'bad_request', 'Bad request', err.message).problem;
  return problem(
    500,
    'internal',
    'Internal error',
    'Something went wrong on our side. Quote the request id to an administrator.',
  ).problem;
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const rest = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return rest ? rest : (context ?? 'body');
}
