import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, isAlive } from '@ctis/db/testing';

/** Running the real `ctis` as a child process, for process-level tests and benchmarks. */
export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
export const CLI = join(ROOT, 'packages/cli/bin/ctis.js');
export { freePort, isAlive };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  readonly child: ChildProcess;
  readonly output: { stdout: string; stderr: string };
  readonly exited: Promise<Exit>;
}

/**
 * Start `ctis <args>` with our environment minus any CTIS settings, plus `env`. The protection
 * demo stays off unless `env` turns it on, so a fresh server starts in seconds.
 */
export function spawnCli(args: string[], env: Record<string, string>, opts: { detached?: boolean } = {}): CliProcess {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CTIS_|DATABASE_URL$|PORT$|HOST$|VITEST)/.test(k)),
  );
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...base, CTIS_DEMO_PROTECTION: 'off', CTIS_DEMO_PROSECUTION: 'off', CTIS_DEMO_PREVENTION: 'off', ...env },
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
export function runCli(args: string[], env: Record<string, string>): Promise<Exit> {
  return spawnCli(args, env).exited;
}

/** Poll GET /api/health until it answers {"status":"ok"}; fail early when the server exits. */
export async function waitForHealth(port: number, server: CliProcess, timeoutMs = 90_000): Promise<void> {
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
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** The pid of the data directory's postmaster when it is still running, else null. */
export function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Kill a server's whole process group (node and its PostgreSQL), as a power cut would. */
export function killGroup(server: CliProcess | undefined): void {
  if (!server?.child.pid) return;
  try {
    process.kill(-server.child.pid, 'SIGKILL');
  } catch {
    server.child.kill('SIGKILL');
  }
}

export async function waitUntilDead(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} still alive after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
