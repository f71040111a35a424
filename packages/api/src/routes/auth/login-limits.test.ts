import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/accounts.ts';
import { totpNow } from '../../auth/totp.ts';

// A small per-address rate limit, and a log stream we can read back.
let logs = '';
const stream = new Writable({
  write(chunk, _enc, done) {
    logs += String(chunk);
    done();
  },
});
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 3, logStream: stream });
});
afterAll(async () => t.close());

describe('login rate limit and logs', () => {
  it('rate limits sign-in attempts per address with a problem+json 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: `someone${i}`, password: 'wrong-password-xyz' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another address is not affected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.9.9.10',
      payload: { username: 'x', password: 'wrong-password-xyz' },
    });
    expect(other.statusCode).toBe(401);
  });

  it('writes structured logs without user names, passwords, codes or cookies', async () => {
    const a = t.account('social_worker');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.1.1.1',
      payload: { username: a.username, password: DEMO_PASSWORD, totp: totpNow(a.totpSecret) },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0]!.value;
    await t.app.inject({
      url: '/api/session',
      remoteAddress: '10.1.1.1',
      headers: { cookie: `ctis_session=${cookie}` },
    });
    expect(logs).toContain('"reqId"'); // structured JSON lines are there
    const lines = logs.trim().split('\n');
    expect(lines.every((l) => JSON.parse(l))).toBeTruthy();
    expect(logs).not.toContain(DEMO_PASSWORD);
    expect(logs).not.toContain(a.username);
    expect(logs).not.toContain(cookie);
  });
});
