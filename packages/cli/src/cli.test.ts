/**
 * Process-level tests of the `ctis` command: the real CLI (node packages/cli/bin/ctis.js, through
 * tsx) run as a child process — against a test database through DATABASE_URL, and against an
 * embedded PostgreSQL of its own in a temporary data directory. Crash durability: crash.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditAlone } from '@ctis/db';
import { createTestDatabase, type TestDatabase } from '@ctis/db/testing';
import {
  freePort,
  isAlive,
  postmasterPid,
  runCli,
  spawnCli,
  tempDir,
  waitForHealth,
  type CliProcess,
} from './testing/cli-process.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Best-effort cleanup: kill a server's process group and any postgres left on its data directory. */
function killAll(server: CliProcess | undefined, dataDir: string): void {
  if (server?.child.pid && server.child.exitCode === null && server.child.signalCode === null) {
    try {
      process.kill(-server.child.pid, 'SIGKILL');
    } catch {
      server.child.kill('SIGKILL');
    }
  }
  const pm = postmasterPid(dataDir);
  if (pm) process.kill(pm, 'SIGKILL');
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Against a test database (DATABASE_URL)

describe('ctis with DATABASE_URL', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = tempDir('ctis-cli-');
    // An explicit CTIS_KEY_FILE must exist (only the default <dataDir>/keys.json is created when
    // missing): let a first run create the default one, then name it explicitly.
    const first = await runCli(['migrate'], { DATABASE_URL: t.url, CTIS_DATA_DIR: dir });
    expect(first.code, first.stderr).toBe(0);
    const keyFile = join(dir, 'keys.json');
    expect(existsSync(keyFile)).toBe(true);
    env = { DATABASE_URL: t.url, CTIS_KEY_FILE: keyFile, CTIS_DATA_DIR: dir };
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const userCount = async () =>
    Number(
      (
        await t.owner
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('migrate and user', () => {
    it('migrate exits 0', { timeout: 30_000 }, async () => {
      const r = await runCli(['migrate'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('latest migration');
    });

    it('user add prints a one-time set-password link', { timeout: 30_000 }, async () => {
      const r = await runCli(
        ['user', 'add', 'alice.test', '--name', 'Alice', '--org', 'ncct', '--role', 'national_analyst'],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(r.stdout)?.[1];
      expect(token, r.stdout).toBeDefined();
      const user = await t.owner
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'alice.test')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        display_name: 'Alice',
        organisation_id: 'ncct',
        roles: ['national_analyst'],
        status: 'pending',
        password_hash: null,
      });
      // Only the token's SHA-256 is stored.
      const stored = await t.owner
        .selectFrom('password_tokens')
        .select('user_id')
        .where('id', '=', createHash('sha256').update(token!).digest('hex'))
        .executeTakeFirst();
      expect(stored?.user_id).toBe(user.id);
    });

    it('a bad role exits non-zero naming --role and changes nothing', { timeout: 30_000 }, async () => {
      const before = await userCount();
      const r = await runCli(
        ['user', 'add', 'bob.test', '--name', 'Bob', '--org', 'ncct', '--role', 'no_such_role'],
        env,
      );
      expect(r.stderr).toContain('--role');
      expect(r.code).not.toBe(0);
      expect(await userCount()).toBe(before);
    });

    it('user disable, reset and mfa-reset work and write audit rows', { timeout: 60_000 }, async () => {
      const alice = await t.owner
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'alice.test')
        .executeTakeFirstOrThrow();

      const disable = await runCli(['user', 'disable', 'alice.test'], env);
      expect(disable.code, disable.stderr).toBe(0);
      expect(
        (await t.owner.selectFrom('users').select('status').where('id', '=', alice.id).executeTakeFirstOrThrow())
          .status,
      ).toBe('disabled');

      const reset = await runCli(['user', 'reset', 'alice.test'], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toContain('/reset-password?token=');

      const mfa = await runCli(['user', 'mfa-reset', 'alice.test'], env);
      expect(mfa.code, mfa.stderr).toBe(0);
      expect(mfa.stdout).toContain('/reset-password?token=');

      const rows = await t.owner
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'outcome'])
        .where('resource_id', '=', alice.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual([
        'user.create',
        'user.disable',
        'user.password_reset',
        'user.mfa_reset',
      ]);
      expect(rows.map((r) => r.actor_id)).toEqual([
        'system:cli-user-add',
        'system:cli-user-disable',
        'system:cli-user-reset',
        'system:cli-user-mfa-reset',
      ]);
      expect(rows.every((r) => r.outcome === 'allowed')).toBe(true);
    });

    it('an unknown user exits non-zero', { timeout: 30_000 }, async () => {
      const r = await runCli(['user', 'disable', 'nobody.here'], env);
      expect(r.stderr).toContain('no user "nobody.here"');
      expect(r.code).not.toBe(0);
    });
  });

  describe('audit checkpoint and verify', () => {
    /** Tamper as the owner with triggers bypassed (the audit tables are append-only otherwise). */
    const tamper = (statements: string[]) =>
      t.owner.connection().execute(async (c) => {
        await sql`SET session_replication_role = replica`.execute(c);
        try {
          for (const s of statements) await sql.raw(s).execute(c);
        } finally {
          await sql`SET session_replication_role = origin`.execute(c);
        }
      });

    /** A chain of six rows with a signed checkpoint at its head, verified by the CLI. */
    async function freshChain(): Promise<void> {
      await tamper(['TRUNCATE audit_log, audit_checkpoints']);
      for (let i = 1; i <= 6; i++) {
        await appendAuditAlone(t.db, {
          actorId: 'u1',
          actorOrganisationId: 'ncct',
          action: 'test.write',
          resourceType: 'thing',
          resourceId: String(i),
          outcome: 'allowed',
          rule: null,
          reason: null,
          ip: '127.0.0.1',
          requestId: `req-${i}`,
          details: { n: i },
        });
      }
      const cp = await runCli(['audit', 'checkpoint'], env);
      expect(cp.code, cp.stderr).toBe(0);
      expect(cp.stdout).toContain('signed checkpoint at sequence 6');
      const ok = await runCli(['audit', 'verify'], env);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('audit chain intact: 6 rows');
      expect(ok.stdout).toContain('1 signed checkpoints verified');
    }

    it.each([
      {
        what: 'an edited row',
        statements: [`UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3`],
        firstBad: 3,
      },
      { what: 'a deleted row', statements: ['DELETE FROM audit_log WHERE seq = 3'], firstBad: 3 },
      {
        what: 'swapped sequence numbers',
        // The primary key forbids a direct swap: go through a temporary negative sequence number.
        statements: [
          'UPDATE audit_log SET seq = -2 WHERE seq = 2',
          'UPDATE audit_log SET seq = 2 WHERE seq = 4',
          'UPDATE audit_log SET seq = 4 WHERE seq = -2',
        ],
        firstBad: 2,
      },
    ])(
      'verify exits non-zero naming the first bad row after $what',
      { timeout: 60_000 },
      async ({ statements, firstBad }) => {
        await freshChain();
        await tamper(statements);
        const r = await runCli(['audit', 'verify'], env);
        expect(r.stderr).toMatch(new RegExp(`BROKEN at sequence ${firstBad}\\b`));
        expect(r.code).not.toBe(0);
      },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Embedded database

describe('ctis serve on an embedded database', () => {
  let dir: string;
  let port: number;
  let env: Record<string, string>;
  let server: CliProcess | undefined;

  beforeAll(async () => {
    dir = tempDir('ctis-embedded-');
    port = await freePort();
    env = { CTIS_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', CTIS_LOG: 'off' };
  });
  afterAll(() => {
    killAll(server, dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts (initialising the cluster) and answers /api/health', { timeout: 120_000 }, async () => {
    server = spawnCli(['serve'], env, { detached: true });
    await waitForHealth(port, server);
    expect(server.output.stdout).toContain('national.admin');
  });

  it(
    'a second serve on the same data directory exits quickly, naming "already running"',
    { timeout: 30_000 },
    async () => {
      const started = Date.now();
      const second = await withTimeout(
        runCli(['serve'], { ...env, PORT: String(await freePort()) }),
        10_000,
        'second ctis serve',
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(second.stderr).toContain('already running');
      expect(second.code).not.toBe(0);
      await waitForHealth(port, server!, 5_000); // the first server is unaffected
    },
  );

  it('db url joins the running server and prints a URL that connects', { timeout: 30_000 }, async () => {
    const r = await runCli(['db', 'url'], env);
    expect(r.code, r.stderr).toBe(0);
    const url = r.stdout.trim();
    expect(url).toMatch(/^postgres:\/\//);
    // The very server that `serve` started: same port as its postmaster.
    const pmPort = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    expect(new URL(url).port).toBe(String(pmPort));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
    await waitForHealth(port, server!, 5_000); // `db url` left the server running
  });

  it('SIGTERM stops the server and its PostgreSQL', { timeout: 60_000 }, async () => {
    const pm = postmasterPid(dir);
    expect(pm).not.toBeNull();
    server!.child.kill('SIGTERM');
    const exit = await withTimeout(server!.exited, 30_000, 'ctis serve after SIGTERM');
    expect(exit.stderr).toContain('SIGTERM: shutting down');
    expect(exit.stderr).not.toContain('checkpoint failed'); // the final checkpoint is written
    expect(exit.code).toBe(0);
    expect(isAlive(pm!)).toBe(false);
    expect(existsSync(join(dir, 'ctis.lock'))).toBe(false);
  });
});
