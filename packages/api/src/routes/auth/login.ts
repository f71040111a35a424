import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, lockedUntil } from '@ctis/core';
import { appendAuditAlone } from '@ctis/db';
import type { AppContext } from '../../context.ts';
import { isPublic, signedIn } from '../../policy.ts';
import { problem } from '../../problem.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { checkTotp } from '../../auth/totp.ts';
import { newToken, tokenId } from '../../auth/tokens.ts';
import { userNeedsMfa } from '../../auth/actor.ts';
import { SESSION_COOKIE } from '../../plugins/session.ts';
import { presentSessionUser, sessionBody } from './session-user.ts';

const loginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1024),
  totp: z.string().trim().max(10).optional(),
});

const WINDOW_MS = Math.max(ACCOUNT_LOCKOUT.windowMinutes, ADDRESS_LOCKOUT.windowMinutes) * 60_000;

/**
 * Sign-in. An unknown user and a wrong password get the same answer after the same work
 * (a full argon2 verify); failures count towards lockouts per account and per address.
 */
export function loginRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { deps, now, store } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { policy: isPublic, rateLimit: { max: deps.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: sessionBody } },
    },
    async (request, reply) => {
      const { username, password, totp } = request.body;
      const at = now();
      const audit = (outcome: 'allowed' | 'denied', reason: string | null, actorId: string | null) =>
        appendAuditAlone(deps.db, {
          actorId,
          actorOrganisationId: null,
          action: 'auth.login',
          resourceType: 'session',
          resourceId: null,
          outcome,
          rule: null,
          reason,
          ip: request.ip,
          requestId: request.id,
          details: {},
          at,
        });

      const failures = await store.recentFailures(username, request.ip, new Date(at.getTime() - WINDOW_MS));
      const locked =
        lockedUntil(failures.account, ACCOUNT_LOCKOUT, at) ?? lockedUntil(failures.address, ADDRESS_LOCKOUT, at);
      if (locked) {
        await audit('denied', 'locked', null);
        const minutes = Math.max(1, Math.ceil((locked.getTime() - at.getTime()) / 60_000));
        void reply.header('retry-after', String(minutes * 60));
        throw problem(
          429,
          'locked',
          'Too many failed sign-ins',
          `Sign-in is paused for this account or address. Try again in ${minutes} minute(s).`,
        );
      }

      const user = await store.userByUsername(username);
      const passwordOk = await verifyPassword(user?.status === 'active' ? user.password_hash : null, password);
      if (!user || !passwordOk) {
        await store.recordAttempt(username, request.ip, false, at);
        await audit('denied', 'invalid-credentials', null);
        throw problem(401, 'invalid_credentials', 'Sign-in failed', 'The user name or password is wrong.');
      }
      if (userNeedsMfa(deps.config, user.roles) || user.mfa_secret) {
        if (!user.mfa_secret) {
          await audit('denied', 'mfa-not-enrolled', user.id);
          throw problem(
            401,
            'mfa_not_enrolled',
            'Multi-factor authentication not set up',
            'Ask an administrator for a set-up link.',
          );
        }
        if (!totp)
          throw problem(401, 'mfa_required', 'Code required', 'Enter the 6-digit code from your authenticator app.');
        if (!checkTotp(ctx.openMfa(user), totp, at)) {
          await store.recordAttempt(username, request.ip, false, at);
          await audit('denied', 'mfa-invalid', user.id);
          throw problem(401, 'mfa_invalid', 'Wrong code', 'The 6-digit code is wrong or expired.');
        }
      }
      await store.recordAttempt(username, request.ip, true, at);
      const token = newToken();
      const csrfToken = newToken();
      await store.createSession({ id: tokenId(token), userId: user.id, csrfToken, now: at, ip: request.ip });
      await store.db.updateTable('users').set({ last_login_at: at }).where('id', '=', user.id).execute();
      await audit('allowed', null, user.id);
      void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
      return { user: presentSessionUser(deps.config, user), csrfToken };
    },
  );

  r.post('/api/auth/logout', { config: { policy: signedIn }, schema: { tags: ['auth'] } }, async (request, reply) => {
    const at = now();
    await store.endSession(request.sessionId!, 'logout', at);
    await appendAuditAlone(deps.db, {
      actorId: request.user!.id,
      actorOrganisationId: request.user!.organisation_id,
      action: 'auth.logout',
      resourceType: 'session',
      resourceId: null,
      outcome: 'allowed',
      rule: null,
      reason: null,
      ip: request.ip,
      requestId: request.id,
      details: {},
      at,
    });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get(
    '/api/session',
    { config: { policy: signedIn }, schema: { tags: ['auth'], response: { 200: sessionBody } } },
    async (request) => ({
      user: presentSessionUser(deps.config, request.user!),
      csrfToken: request.csrfToken!,
    }),
  );
}
