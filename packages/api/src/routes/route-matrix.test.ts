import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../testing/test-app.ts';

// Every registered route against every configured role (and no session). A route without a
// declared policy fails here before anything else.
let t: TestApp;
const sessions = new Map<string, Session>();
const RANDOM_ID = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  for (const role of t.config.roles) sessions.set(role.id, await t.login(role.id));
});
afterAll(async () => t.close());

function concrete(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, RANDOM_ID);
}

function apiRoutes() {
  return t.app.ctisRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
}

describe('route x role matrix', () => {
  it('knows the routes it checks', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(15);
  });

  it('every route declares a policy', () => {
    const missing = t.app.ctisRoutes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('without a session, every non-public route answers 401', async () => {
    for (const route of apiRoutes().filter((r) => r.policy?.kind !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("each role gets 403 exactly where its roles lack the route's action", async () => {
    const checked: string[] = [];
    for (const role of t.config.roles) {
      const session = sessions.get(role.id)!;
      const held = new Set(role.grants.map((g) => g.action));
      for (const route of apiRoutes()) {
        if (route.url === '/api/auth/logout') continue; // would end the session used for the rest
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: session.headers,
          payload: route.method === 'GET' ? undefined : {},
        });
        const label = `${role.id} ${route.method} ${route.url} -> ${res.statusCode}`;
        expect(res.statusCode, label).not.toBe(401);
        expect(res.statusCode, label).toBeLessThan(500);
        if (route.policy?.kind === 'action') {
          if (held.has(route.policy.action)) expect(res.statusCode, label).not.toBe(403);
          else expect(res.statusCode, label).toBe(403);
        }
        checked.push(label);
      }
    }
    expect(checked.length).toBe(t.config.roles.length * (apiRoutes().length - 1));
    // Every role × every route, each a real request: it grows with the API.
  }, 180_000);
});
