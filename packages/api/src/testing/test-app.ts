import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CountryConfig } from '@ctis/core';
import { keysFrom, newKeyFile, type Keys } from '@ctis/db';
import { createTestDatabase, type TestDatabase } from '@ctis/db/testing';
import { buildApp } from '../app.ts';
import { loadCountryConfigFile, loadQuestionnaires } from '../config-file.ts';
import { loadDemoIfEmpty } from '../demo/load-demo.ts';
import { DEMO_PASSWORD, type DemoAccount } from '../demo/accounts.ts';
import { totpNow } from '../auth/totp.ts';

export const QUESTIONNAIRES = fileURLToPath(new URL('../../../../config/questionnaires', import.meta.url));

export const COUNTRY_FILES = {
  KHM: fileURLToPath(new URL('../../../../config/countries/KHM.json', import.meta.url)),
  XTA: fileURLToPath(new URL('../../../../config/countries/XTA.json', import.meta.url)),
};

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly account: DemoAccount;
  /** Headers for app.inject: the session cookie and, for writes, the CSRF token. */
  readonly headers: Record<string, string>;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly t: TestDatabase;
  readonly config: Readonly<CountryConfig>;
  readonly keys: Keys;
  readonly accounts: readonly DemoAccount[];
  account(role: string): DemoAccount;
  login(role: string): Promise<Session>;
  close(): Promise<void>;
}

export function testKeys(): Keys {
  return keysFrom(newKeyFile());
}

/** A real app on a fresh database of its own, with one demo account per configured role. */
export async function createTestApp(
  opts: {
    country?: keyof typeof COUNTRY_FILES;
    now?: () => Date;
    webRoot?: string;
    loginRateLimit?: number;
    logStream?: NodeJS.WritableStream;
    /** Change the country configuration before the app is built (e.g. another linkage proposer). */
    configure?: (config: CountryConfig) => CountryConfig;
  } = {},
): Promise<TestApp> {
  const t = await createTestDatabase();
  const loaded = loadCountryConfigFile(COUNTRY_FILES[opts.country ?? 'KHM']);
  const config = opts.configure ? opts.configure(loaded) : loaded;
  const keys = testKeys();
  const accounts = await loadDemoIfEmpty(t.db, config, keys);
  const now = opts.now ?? (() => new Date());
  const app = await buildApp({
    db: t.db,
    config,
    keys,
    now,
    webRoot: opts.webRoot,
    loginRateLimit: opts.loginRateLimit ?? 10_000,
    questionnaires: loadQuestionnaires(QUESTIONNAIRES),
    logger: opts.logStream ? { level: 'debug', stream: opts.logStream } : false,
  });
  const account = (role: string) => {
    const a = accounts.find((x) => x.role === role);
    if (!a) throw new Error(`no demo account for role ${role}`);
    return a;
  };
  return {
    app,
    t,
    config,
    keys,
    accounts,
    account,
    async login(role) {
      const a = account(role);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: a.username, password: DEMO_PASSWORD, totp: totpNow(a.totpSecret, now()) },
      });
      if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
      return sessionFrom(res, a);
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

export function sessionFrom(res: LightMyRequestResponse, account: DemoAccount): Session {
  const setCookie = res.cookies.find((c) => c.name === 'ctis_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `ctis_session=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, account, headers: { cookie, 'x-csrf-token': csrf } };
}
