import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { needs } from '../../policy.ts';
import { problem } from '../../problem.ts';
import { issuePasswordToken } from '../../auth/password-tokens.ts';
import { presentUser, userSchema } from './present.ts';

const idParams = z.object({ id: z.uuid() });

const newUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, 'use 3 to 64 letters, digits, ".", "_" or "-"'),
  displayName: z.string().trim().min(1).max(200),
  organisationId: z.string().min(1),
  roles: z.array(z.string()).min(1, 'give the user at least one role'),
});

/** User administration. An administrator never sets a password: a one-time token is issued. */
export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { deps, now, store } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const issueToken = (userId: string, createdBy: string) => issuePasswordToken(store, userId, createdBy, now());

  r.get(
    '/api/users',
    {
      config: { policy: needs('user.read') },
      schema: { tags: ['users'], response: { 200: z.object({ users: z.array(userSchema) }) } },
    },
    async (request) => {
      const rows = await request.scopedDb!.transaction((tx) => tx.users.list());
      return { users: rows.map(presentUser) };
    },
  );

  r.get(
    '/api/users/:id',
    {
      config: { policy: needs('user.read') },
      schema: { tags: ['users'], params: idParams, response: { 200: z.object({ user: userSchema }) } },
    },
    async (request) => ({
      user: presentUser(await request.scopedDb!.transaction((tx) => tx.users.get(request.params.id))),
    }),
  );

  r.post(
    '/api/users',
    {
      config: { policy: needs('user.manage') },
      schema: {
        tags: ['users'],
        body: newUserBody,
        response: { 201: z.object({ user: userSchema, resetToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const errors = [
        ...(deps.config.organisations.some((o) => o.id === body.organisationId)
          ? []
          : [{ path: 'organisationId', message: `unknown organisation "${body.organisationId}"` }]),
        ...body.roles.flatMap((role, i) =>
          deps.config.roles.some((x) => x.id === role)
            ? []
            : [{ path: `roles.${i}`, message: `unknown role "${role}"` }],
        ),
      ];
      if (errors.length)
        throw problem(
          400,
          'invalid_input',
          'Invalid input',
          errors.map((e) => `${e.path}: ${e.message}`).join('; '),
          errors,
        );
      if (await store.userByUsername(body.username))
        throw problem(409, 'conflict', 'User name taken', `The user name "${body.username}" is already in use.`, [
          { path: 'username', message: 'already in use' },
        ]);
      const user = await request.scopedDb!.transaction((tx) => tx.users.create(body));
      return reply
        .status(201)
        .send({ user: presentUser(user), resetToken: await issueToken(user.id, request.user!.id) });
    },
  );

  r.post(
    '/api/users/:id/disable',
    {
      config: { policy: needs('user.manage') },
      schema: { tags: ['users'], params: idParams, response: { 200: z.object({ user: userSchema }) } },
    },
    async (request) => {
      if (request.params.id === request.user!.id)
        throw problem(409, 'conflict', 'Cannot disable yourself', 'Ask another administrator.');
      const user = await request.scopedDb!.transaction((tx) =>
        tx.users.update(request.params.id, 'user.disable', { status: 'disabled' }),
      );
      await store.endUserSessions(user.id, 'user-disabled', now());
      return { user: presentUser(user) };
    },
  );

  r.post(
    '/api/users/:id/reset',
    {
      config: { policy: needs('user.manage') },
      schema: { tags: ['users'], params: idParams, response: { 200: z.object({ resetToken: z.string() }) } },
    },
    async (request) => {
      // Recorded (and access-checked) as an update that changes nothing but the audit trail.
      await request.scopedDb!.transaction((tx) => tx.users.update(request.params.id, 'user.password_reset', {}));
      return { resetToken: await issueToken(request.params.id, request.user!.id) };
    },
  );

  r.post(
    '/api/users/:id/mfa-reset',
    {
      config: { policy: needs('user.manage') },
      schema: {
        tags: ['users'],
        params: idParams,
        response: { 200: z.object({ user: userSchema, resetToken: z.string() }) },
      },
    },
    async (request) => {
      const user = await request.scopedDb!.transaction((tx) =>
        tx.users.update(request.params.id, 'user.mfa_reset', { mfa_secret: null }),
      );
      await store.endUserSessions(user.id, 'mfa-reset', now());
      // The user re-enrols an authenticator through a one-time link.
      return { user: presentUser(user), resetToken: await issueToken(user.id, request.user!.id) };
    },
  );
}
