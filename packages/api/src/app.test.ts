import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('API surface', () => {
  it('GET /api/health answers ok with the database reachable', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves OpenAPI 3.1 listing the routes, and browsable docs', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/users',
        '/api/users/{id}/disable',
        '/api/persons/{id}',
      ]),
    );
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBeLessThan(400);
  });

  it('answers unknown routes with a problem+json 404 and a request id', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'req-abcdef12' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('req-abcdef12');
    expect(res.json()).toMatchObject({ status: 404, title: 'Not found', instance: 'req-abcdef12' });
  });

  it('refuses bodies over 1 MiB with 413 and malformed JSON with 400, never a stack trace', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(1_100_000) }),
    });
    expect(big.statusCode).toBe(413);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(broken.statusCode).toBe(400);
    for (const res of [big, broken]) {
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('reports every invalid field with its path', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '', password: 5 } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['password', 'username']);
  });

  it('sets security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('publishes only the public part of the country configuration', async () => {
    const res = (await t.app.inject({ url: '/api/config/public' })).json();
    expect(res.country).toBe('KHM');
    expect(res.provinces).toHaveLength(25);
    expect(res.roles[0]).not.toHaveProperty('grants');
    expect(res).not.toHaveProperty('security');
    expect(res.laws.map((l: { id: string }) => l.id)).toContain('law-2008-suppression-human-trafficking');
  });
});

describe('another country by configuration alone', () => {
  it('runs the fictitious XTA configuration with its own provinces, languages and demo accounts', async () => {
    const x = await createTestApp({ country: 'XTA' });
    try {
      const cfg = (await x.app.inject({ url: '/api/config/public' })).json();
      expect(cfg).toMatchObject({ country: 'XTA', languages: ['en', 'fr'] });
      expect(JSON.stringify(cfg)).not.toMatch(/KH-|Cambodia|Phnom/);
      const s = await x.login('national_admin');
      const users = (await x.app.inject({ url: '/api/users', headers: s.headers })).json().users;
      expect(users.length).toBe(x.config.roles.length);
    } finally {
      await x.close();
    }
  });
});
