import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../embedded/embedded-server.ts';
import { createDb } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ctisAdminUrl: string;
    ctisTemplate: string;
  }
}

/**
 * One PostgreSQL for the whole run: CTIS_TEST_DATABASE_URL when set, else an embedded server in a
 * temporary directory. A migrated template database is made once; each test file clones it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.CTIS_TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'ctis-test-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
    const server = await startEmbedded(dir);
    adminUrl = server.url;
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = `ctis_tpl_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const db = createDb(withDatabase(adminUrl, template), { asApp: false, max: 1 });
  await migrateToLatest(db);
  await db.destroy();
  project.provide('ctisAdminUrl', adminUrl);
  project.provide('ctisTemplate', template);
  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await stop();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
