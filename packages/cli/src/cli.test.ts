/**
 * Process-level tests of the `ctis` command: the real CLI (node packages/cli/bin/ctis.js, through
 * tsx) run as a child process — against a test database through DATABASE_URL, and against an
 * embedded PostgreSQL of its own in a temporary data directory. Crash durability: crash.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditAlone } from '@ctis/db';
import { createTestDatabase, type TestDatabase } from '@ctis/db/testing';

// ---------------------------------------------------------------------------------------------
// Helpers

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/ctis.js');

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface CliProcess {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<Exit>;
}

/** Start `ctis <args>` with our environment minus any CTIS settings, plus `env`. */
function spawnCli(args: string[], env: Record<string, string>, opts: { detached?: boolean } = {}): CliProcess {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CTIS_|DATABASE_URL$|PORT$|HOST$|VITEST)/.test(k)),
  );
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    detached: opts.detached ?? false,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...output }));
  });
  return { child, output, exited };
}

/** Run `ctis <args>` to completion. */
function runCli(args: string[], env: Record<string, string>): Promise<Exit> {
  return spawnCli(args, env).exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Poll GET /api/health until it answers {"status":"ok"}; fail early when the server exits. */
async function waitForHealth(port: number, server: CliProcess, timeoutMs = 90_000): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`ctis serve exited before answering: ${server.output.stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no health answer on port ${port} within ${timeoutMs} ms: ${server.output.stderr}`);
}

/** A temporary directory the postgres system user can enter (we run as root). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of the data directory's postmaster when it is still running, else null. */
function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

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
