import type { Actor } from '@ctis/core';
import type { ScopedDb, UserRow } from '@ctis/db';

/**
 * Every route declares who may call it; a route without one fails the route x role matrix test
 * and is refused at run time. Record-level checks happen in ScopedDb.
 */
export type RoutePolicy =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  /** The role must hold `action` (at any scope); the record check follows in ScopedDb. */
  | { readonly kind: 'action'; readonly action: string };

export const isPublic: RoutePolicy = { kind: 'public' };
export const signedIn: RoutePolicy = { kind: 'signed-in' };
export const needs = (action: string): RoutePolicy => ({ kind: 'action', action });

/** Every route the app registered, with its declared policy: the route x role matrix test reads it. */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly policy: RoutePolicy | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctisRoutes: readonly RegisteredRoute[];
  }
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyRequest {
    actor: Actor | null;
    user: UserRow | null;
    sessionId: string | null;
    csrfToken: string | null;
    scopedDb: ScopedDb | null;
  }
}
