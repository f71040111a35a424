/**
 * Crash durability: `ctis serve` on an embedded database is killed with SIGKILL (node and PostgreSQL
 * together) while rows are being written; after a restart every acknowledged row is there and the
 * audit chain still verifies. The real CLI runs as a child process, as in cli.test.ts.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killGroup,
  postmasterPid,
  runCli,
  spawnCli,
  waitForHealth,
  waitUntilDead,
  type CliProcess,
} from './testing/cli-process.ts';

// ---------------------------------------------------------------------------------------------
// Helpers (as in cli.test.ts)

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
