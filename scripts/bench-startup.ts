/**
 * Start-up time of `ctis serve` until its first answered GET /api/health, measured from the spawn of
 * the process (so node + tsx boot is included):
 *   cold — a fresh data directory: initialise the PostgreSQL cluster, migrate, load the demo, listen;
 *   warm — the same directory again (3 runs).
 * The second column is the server's own figure ("listening … in N ms": from opening the runtime).
 *
 *   npx tsx scripts/bench-startup.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, postmasterPid } from '../packages/cli/src/testing/cli-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/ctis.js');
const WARM_RUNS = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  toHealthMs: number;
  serverMs: number | null;
}

let current: ChildProcess | undefined;

/** Start `ctis serve`, time it to the first {"status":"ok"}, then stop it (SIGTERM) and its PostgreSQL. */
async function measure(dataDir: string): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CTIS_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    CTIS_LOG: 'off',
  };
  delete env.DATABASE_URL;
  delete env.CTIS_KEY_FILE;
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  current = child;
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let toHealthMs: number | null = null;
  while (toHealthMs === null) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`ctis serve exited: ${stderr}`);
    if (performance.now() - started > 120_000) throw new Error(`no answer within 120 s: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok')
        toHealthMs = performance.now() - started;
    } catch {
      await sleep(10);
    }
  }
  const reported = /listening on .* in (\d+) ms/.exec(stderr);
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  // The next start must not find this one's PostgreSQL still shutting down.
  for (let i = 0; i < 300 && postmasterPid(dataDir); i++) await sleep(50);
  const left = postmasterPid(dataDir);
  if (left) process.kill(left, 'SIGKILL');
  current = undefined;
  return { toHealthMs, serverMs: reported ? Number(reported[1]) : null };
}

const dataDir = mkdtempSync(join(tmpdir(), 'ctis-bench-startup-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
process.on('exit', () => {
  if (current?.pid) {
    try {
      process.kill(-current.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const pm = postmasterPid(dataDir);
  if (pm) process.kill(pm, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});
process.once('SIGINT', () => process.exit(130));

const rows: [string, Run][] = [];
rows.push(['cold (init + migrate + demo)', await measure(dataDir)]);
for (let i = 1; i <= WARM_RUNS; i++) rows.push([`warm ${i}`, await measure(dataDir)]);

const fmt = (n: number | null) => (n === null ? '—' : String(Math.round(n))).padStart(10);
console.log(`ctis serve start-up (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(`${'run'.padEnd(30)} ${'to /api/health'.padStart(14)} ${'server says'.padStart(12)}`);
for (const [name, r] of rows)
  console.log(`${name.padEnd(30)} ${fmt(r.toHealthMs).padStart(11)} ms ${fmt(r.serverMs).padStart(9)} ms`);
const warm = rows.slice(1).map(([, r]) => r.toHealthMs);
console.log(
  `${'warm median'.padEnd(30)} ${fmt(warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)]!).padStart(11)} ms`,
);
