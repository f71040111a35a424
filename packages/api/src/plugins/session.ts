import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionExpiry } from '@ctis/core';
import { appendAuditAlone, ScopedDb } from '@ctis/db';
import type { AppContext } from '../context.ts';
import { actorFor, organisationProvince } from '../auth/actor.ts';
import { safeEqual, tokenId } from '../auth/tokens.ts';
import { problem } from '../problem.ts';

export const SESSION_COOKIE = 'ctis_session';
const TOUCH_EVERY_MS = 30_000;

/**
 * Resolves the session cookie to a user and an actor, enforces each route's declared policy,
 * and checks the CSRF header on cookie-authenticated writes. Refusals are audited.
 */
export function registerSession(app: FastifyInstance, ctx: AppContext): void {
  const { deps, now, store } = ctx;
  const limits = {
    idleMinutes: deps.config.security.sessionIdleMinutes,
    absoluteHours: deps.config.security.sessionAbsoluteHours,
  };
  app.decorateRequest('actor', null);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('scopedDb', null);

  const deny = async (request: FastifyRequest, status: number, reason: string) => {
    await appendAuditAlone(deps.db, {
      actorId: request.user?.id ?? null,
      actorOrganisationId: request.user?.organisation_id ?? null,
      action: `http.${request.method.toLowerCase()}`,
      resourceType: 'route',
      resourceId: request.routeOptions.url ?? null,
      outcome: 'denied',
      rule: null,
      reason,
      ip: request.ip,
      requestId: request.id,
      details: { status },
      at: now(),
    });
  };

  // onRequest, before body parsing and validation: an unauthenticated caller learns nothing of the schema.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.is404) return; // the not-found handler answers; there is no route to protect
    const policy = request.routeOptions.config.policy;
    await loadSession(request);
    if (!policy) {
      await deny(request, 403, 'route-has-no-policy');
      throw problem(403, 'forbidden', 'Forbidden', 'This route has no declared access policy.');
    }
    if (policy.kind === 'public') return;
    if (!request.user) {
      await deny(request, 401, 'not-signed-in');
      throw problem(
        401,
        'unauthenticated',
        'Sign in required',
        'Your session is missing or has expired. Sign in again.',
      );
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        await deny(request, 403, 'csrf');
        throw problem(
          403,
          'csrf',
          'Missing or wrong CSRF token',
          'Send the x-csrf-token header from GET /api/session.',
        );
      }
    }
    if (policy.kind === 'action' && !request.actor!.rules.some((r) => r.action === policy.action)) {
      await deny(request, 403, `no-rule:${policy.action}`);
      throw problem(403, 'forbidden', 'Forbidden', 'Your role does not allow this action.');
    }
  });

  async function loadSession(request: FastifyRequest): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = tokenId(token);
    const session = await store.session(id);
    if (!session) return;
    const at = now();
    const user = await store.userById(session.user_id);
    // Disabling a user ends all their sessions at their next request.
    const ended =
      !user || user.status !== 'active'
        ? 'user-disabled'
        : sessionExpiry({ createdAt: session.created_at, lastSeenAt: session.last_seen_at }, limits, at);
    if (ended) {
      await store.endSession(id, ended, at);
      await appendAuditAlone(deps.db, {
        actorId: session.user_id,
        actorOrganisationId: user?.organisation_id ?? null,
        action: 'auth.session_end',
        resourceType: 'session',
        resourceId: null,
        outcome: 'allowed',
        rule: null,
        reason: ended,
        ip: request.ip,
        requestId: request.id,
        details: {},
        at,
      });
      return;
    }
    if (at.getTime() - session.last_seen_at.getTime() > TOUCH_EVERY_MS) await store.touchSession(id, at);
    const actor = actorFor(deps.config, user!, await store.activeBreakGlass(user!.id, at));
    request.user = user!;
    request.sessionId = id;
    request.csrfToken = session.csrf_token;
    request.actor = actor;
    request.scopedDb = new ScopedDb(deps.db, actor, {
      ip: request.ip,
      requestId: request.id,
      now,
      provinceOf: (orgId) => organisationProvince(deps.config, orgId),
      vault: ctx.vault,
      config: deps.config,
    });
  }
}
