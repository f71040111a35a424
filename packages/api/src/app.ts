import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { createContext } from './context.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerSession } from './plugins/session.ts';
import { isPublic, type RegisteredRoute } from './policy.ts';
import { loginRoutes } from './routes/auth/login.ts';
import { passwordResetRoutes } from './routes/auth/password-reset.ts';
import { userRoutes } from './routes/users/users.ts';
import { systemRoutes } from './routes/system/system.ts';
import { personRoutes } from './routes/persons/persons.ts';
import { photoRoutes } from './routes/persons/photo.ts';
import { auditRoutes } from './routes/audit/audit.ts';
import { screeningRoutes } from './routes/screenings/screenings.ts';
import { caseRoutes } from './routes/cases/cases.ts';
import { criminalCaseRoutes } from './routes/criminal-cases/criminal-cases.ts';
import { operationRoutes } from './routes/operations/operations.ts';
import { complaintRoutes } from './routes/complaints/complaints.ts';
import { registerRoutes } from './routes/registers/registers.ts';
import { statisticsRoutes } from './routes/statistics/statistics.ts';
import { publicStatisticsRoutes } from './routes/statistics/public.ts';
import { linkageRoutes } from './routes/linkage/linkage.ts';
import { registerImportRoutes } from './routes/registers/import.ts';

/** Fields that may hold identity values or secrets: never logged. */
const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.body',
  'res.headers["set-cookie"]',
  '*.password',
  '*.totp',
  '*.token',
  '*.identity',
  '*.name',
  '*.username',
];

/** The whole API as a Fastify instance, without listening: tests use inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger
      ? {
          level: deps.logger.level ?? 'info',
          redact: { paths: REDACT, censor: '[redacted]' },
          ...(deps.logger.stream ? { stream: deps.logger.stream } : {}),
        }
      : false,
    bodyLimit: 1_048_576,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    trustProxy: deps.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const ctx = createContext(deps, () => app.log);
  app.addHook('onClose', () => ctx.jobs.idle());
  const routes: RegisteredRoute[] = [];
  app.decorate('ctisRoutes', routes);
  app.addHook('onRoute', (route) => {
    // Plugin routes (API docs, the web app's static files) are public by declaration.
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/'))
      route.config = { ...(route.config ?? {}), policy: isPublic };
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url, policy: route.config?.policy });
  });
  const web = deps.webRoot && existsSync(deps.webRoot) ? deps.webRoot : null;
  registerErrorHandling(app, { spaFallback: web !== null });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CTIS API',
        version: '0.1.0',
        description: 'Counter-Trafficking Information System. Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ctis_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerSession(app, ctx);

  app.get('/api/openapi.json', { config: { policy: isPublic }, schema: { hide: true } }, async () => app.swagger());
  systemRoutes(app, ctx);
  loginRoutes(app, ctx);
  passwordResetRoutes(app, ctx);
  userRoutes(app, ctx);
  personRoutes(app, ctx);
  photoRoutes(app, ctx);
  auditRoutes(app, ctx);
  screeningRoutes(app, ctx);
  caseRoutes(app, ctx);
  criminalCaseRoutes(app, ctx);
  operationRoutes(app, ctx);
  complaintRoutes(app, ctx);
  registerRoutes(app, ctx);
  statisticsRoutes(app, ctx);
  publicStatisticsRoutes(app, ctx);
  linkageRoutes(app, ctx);
  registerImportRoutes(app, ctx);

  if (web) await app.register(fastifyStatic, { root: web, wildcard: false, index: ['index.html'] });
  return app;
}
