import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPassword } from '@ctis/core';
import type { AppContext } from '../../context.ts';
import { isPublic } from '../../policy.ts';
import { problem } from '../../problem.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { checkTotp, newTotpSecret, totpUri } from '../../auth/totp.ts';
import { tokenId } from '../../auth/tokens.ts';
import { userNeedsMfa } from '../../auth/actor.ts';

const tokenField = z.string().min(20).max(200);
const invalidLink = () =>
  problem(
    400,
    'invalid_token',
    'Link not valid',
    'This link has expired or was already used. Ask an administrator for a new one.',
  );

/**
 * Setting a password from a one-time link (an administrator never sets one). Roles that see
 * identities enrol a TOTP authenticator in the same step.
 */
export function passwordResetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { deps, now, store } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/reset/start',
    {
      config: { policy: isPublic, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ token: tokenField }),
        response: {
          200: z.object({
            username: z.string(),
            mfaRequired: z.boolean(),
            totpSecret: z.string().optional(),
            otpauthUri: z.string().optional(),
          }),
        },
      },
    },
    async (request) => {
      const token = await store.passwordToken(tokenId(request.body.token), now());
      const user = token && (await store.userById(token.user_id));
      if (!token || !user || user.status === 'disabled') throw invalidLink();
      const mfaRequired = userNeedsMfa(deps.config, user.roles);
      if (!mfaRequired) return { username: user.username, mfaRequired };
      // Keep the enrolment secret stable across reloads of the page until the token is used.
      let secret = token.pending_mfa_secret ? ctx.openMfa({ id: user.id, mfa_secret: token.pending_mfa_secret }) : null;
      if (!secret) {
        secret = newTotpSecret();
        await store.setPendingMfaSecret(token.id, ctx.sealMfa(user.id, secret));
      }
      return {
        username: user.username,
        mfaRequired,
        totpSecret: secret,
        otpauthUri: totpUri(secret, deps.config.security.mfaIssuer, user.username),
      };
    },
  );

  r.post(
    '/api/auth/reset/complete',
    {
      config: { policy: isPublic, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({
          token: tokenField,
          password: z.string().max(1024),
          totp: z.string().trim().max(10).optional(),
        }),
      },
    },
    async (request, reply) => {
      const at = now();
      const token = await store.passwordToken(tokenId(request.body.token), at);
      const user = token && (await store.userById(token.user_id));
      if (!token || !user || user.status === 'disabled') throw invalidLink();
      const problems = checkPassword(request.body.password, {
        minLength: deps.config.security.passwordMinLength,
        username: user.username,
      });
      if (problems.length) {
        throw problem(
          400,
          'invalid_input',
          'Choose another password',
          problems.map((p) => p.message).join(' '),
          problems.map((p) => ({ path: 'password', message: p.message })),
        );
      }
      let mfaSecret: string | null = null;
      if (userNeedsMfa(deps.config, user.roles)) {
        if (!token.pending_mfa_secret)
          throw problem(400, 'mfa_not_started', 'Start again', 'Open the link again to set up your authenticator.');
        const secret = ctx.openMfa({ id: user.id, mfa_secret: token.pending_mfa_secret });
        if (!request.body.totp || !checkTotp(secret, request.body.totp, at)) {
          throw problem(
            400,
            'invalid_input',
            'Wrong code',
            'Enter the 6-digit code your authenticator app shows now.',
            [{ path: 'totp', message: 'The code is wrong or expired.' }],
          );
        }
        mfaSecret = token.pending_mfa_secret;
      }
      const ok = await store.completePasswordReset({
        tokenId: token.id,
        userId: user.id,
        passwordHash: await hashPassword(request.body.password),
        mfaSecret,
        now: at,
        ip: request.ip,
        requestId: request.id,
      });
      if (!ok) throw invalidLink();
      return reply.status(204).send();
    },
  );
}
