/**
 * Crash durability: `ctis serve` on an embedded database is killed with SIGKILL (node and PostgreSQL
 * together) while rows are being written; after a restart every acknowledged row is there and the
 * audit chain still verifies. The real CLI runs as a child process, as in cli.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// ---------------------------------------------------------------------------------------------
// Helpers (as in cli.test.ts)

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

const runCli = (args: string[], env: Record<string, string>) => spawnCli(args, env).exited;

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

function killGroup(server: CliProcess | undefined): void {
  if (!server?.child.pid) return;
  try {
    process.kill(-server.child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

async function waitUntilDead(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} still alive after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function dbUrl(env: Record<string, string>): Promise<string> {
  const r = await runCli(['db', 'url'], env);
  if (r.code !== 0 || !r.stdout.trim().startsWith('postgres://')) throw new Error(`ctis db url failed: ${r.stderr}`);
  return r.stdout.trim();
}

// ---------------------------------------------------------------------------------------------

describe('crash durability of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ctis-crash-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const servers: CliProcess[] = [];

  afterAll(() => {
    for (const s of servers) killGroup(s);
    const pm = postmasterPid(dir);
    if (pm) process.kill(pm, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startServer(): Promise<{ server: CliProcess; env: Record<string, string>; port: number }> {
    const port = await freePort();
    // CTIS_TRUST_PROXY lets the login load below use one address per request (no rate limit, no lockout).
    const env = { CTIS_DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', CTIS_LOG: 'off', CTIS_TRUST_PROXY: '1' };
    const server = spawnCli(['serve'], env, { detached: true }); // a process group of its own
    servers.push(server);
    await waitForHealth(port, server);
    return { server, env, port };
  }

  it(
    'keeps every acknowledged row after SIGKILL during writes, and the audit chain verifies',
    { timeout: 240_000 },
    async () => {
      const first = await startServer();
      const url = await dbUrl(first.env);
      const setup = new pg.Client({ connectionString: url });
      await setup.connect();
      await setup.query('CREATE TABLE crash_probe (n int PRIMARY KEY)');
      await setup.end();

      // Writers: autocommitted inserts on four connections; an n is recorded once its INSERT is acknowledged.
      const acked: number[] = [];
      let next = 1;
      const writer = async () => {
        const client = new pg.Client({ connectionString: url });
        client.on('error', () => {}); // the server dies under us
        await client.connect();
        for (;;) {
          const n = next++;
          try {
            await client.query('INSERT INTO crash_probe (n) VALUES ($1)', [n]);
          } catch {
            return;
          }
          acked.push(n);
        }
      };
      // Meanwhile, failed sign-ins through the API: each 401 means its audit row was committed.
      let audited = 0;
      let ip = 0;
      const signIns = async () => {
        for (;;) {
          ip++;
          try {
            const res = await fetch(`http://127.0.0.1:${first.port}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.77.${ip >> 8}.${ip & 255}` },
              body: JSON.stringify({ username: `nobody${ip}`, password: 'wrong password' }),
            });
            if (res.status === 401) audited++;
            await res.arrayBuffer();
          } catch {
            return;
          }
        }
      };
      const load = Promise.all([writer(), writer(), writer(), writer(), signIns(), signIns()]);

      await new Promise((r) => setTimeout(r, 1_500));
      const pm = postmasterPid(dir);
      expect(pm).not.toBeNull();
      process.kill(-first.server.child.pid!, 'SIGKILL'); // node and PostgreSQL, mid-write
      await load;
      const exit = await first.server.exited;
      expect(exit.signal).toBe('SIGKILL');
      // Any PostgreSQL of this data directory that survived (it should not have) goes too.
      const leftover = postmasterPid(dir);
      if (leftover) process.kill(leftover, 'SIGKILL');
      await waitUntilDead(pm!);
      expect(acked.length).toBeGreaterThan(100);

      // Restart on the same data directory: PostgreSQL recovers from its WAL.
      const second = await startServer();
      const client = new pg.Client({ connectionString: await dbUrl(second.env) });
      await client.connect();
      try {
        const present = new Set((await client.query<{ n: number }>('SELECT n FROM crash_probe')).rows.map((r) => r.n));
        const missing = acked.filter((n) => !present.has(n));
        console.log(
          `crash probe: ${acked.length} acknowledged inserts, ${present.size} rows after recovery, ${missing.length} missing; ${audited} acknowledged audited sign-ins`,
        );
        expect(missing).toEqual([]);
        const logins = await client.query<{ n: string }>(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login'`,
        );
        expect(Number(logins.rows[0]!.n)).toBeGreaterThanOrEqual(audited);
      } finally {
        await client.end();
      }

      const verify = await runCli(['audit', 'verify'], second.env);
      expect(verify.code, verify.stderr).toBe(0);
      expect(verify.stdout).toContain('audit chain intact');

      second.server.child.kill('SIGTERM');
      await second.server.exited;
    },
  );
});
