/**
 * Sign-in latency against a real server (`ctis serve` on a fresh embedded data directory):
 *   - 200 full sign-ins (password + TOTP) of the demo account national.admin, one after another;
 *   - 50 sign-ins of unknown users and 50 with a wrong password, interleaved, whose medians should
 *     be alike (no user enumeration by timing: both pay a full argon2 verification).
 * The login route allows 30 requests a minute per address, and an address is locked after 20
 * failures: the server runs with CTIS_TRUST_PROXY=1 and every request comes from its own
 * x-forwarded-for address. An account is locked after 5 failures, so the wrong passwords are
 * spread over all demo accounts (at most 4 each).
 *
 *   npx tsx scripts/bench-login.ts
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, postmasterPid } from '../packages/cli/src/testing/cli-process.ts';
import { Secret, TOTP } from 'otpauth';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/ctis.js');
const PASSWORD = 'ctis-demo-2026';
const SIGN_INS = 200;
const FAILURES = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const sortedOf = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (n: number) => n.toFixed(1).padStart(8);

// ---------------------------------------------------------------------------------------------
// The server

const dataDir = mkdtempSync(join(tmpdir(), 'ctis-bench-login-'));
chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CTIS_DATA_DIR: dataDir,
  PORT: String(port),
  HOST: '127.0.0.1',
  CTIS_LOG: 'off',
  CTIS_TRUST_PROXY: '1',
  // Measure sign-in alone, not while the protection demo loads in the background.
  CTIS_DEMO_PROTECTION: 'off',
  CTIS_DEMO_PROSECUTION: 'off',
  CTIS_DEMO_PREVENTION: 'off',
};
delete env.DATABASE_URL;
delete env.CTIS_KEY_FILE;
const server = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, detached: true });
process.on('exit', () => {
  if (server.pid && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const pm = postmasterPid(dataDir);
  if (pm) process.kill(pm, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});
process.once('SIGINT', () => process.exit(130));
let stdout = '';
let stderr = '';
server.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
for (let ready = false; !ready;) {
  if (server.exitCode !== null) throw new Error(`ctis serve exited: ${stderr}`);
  try {
    ready = (await fetch(`${base}/api/health`)).ok;
  } catch {
    await sleep(100);
  }
}

// The demo accounts, as printed on first start: "  national.admin   national_admin   ncct   TOTP <BASE32>".
const accounts = [...stdout.matchAll(/^ {2}(\S+)\s+(\S+)\s+(\S+)\s+TOTP ([A-Z2-7]+)\s*$/gm)].map((m) => ({
  username: m[1]!,
  totpSecret: m[4]!,
}));
const admin = accounts.find((a) => a.username === 'national.admin');
if (!admin) throw new Error(`no national.admin TOTP secret in the server's output:\n${stdout}`);
if (FAILURES > 4 * accounts.length)
  throw new Error('too few demo accounts to spread the wrong passwords below the account lockout');

// ---------------------------------------------------------------------------------------------
// Sign-ins

let address = 0;
/** One POST /api/auth/login from an address of its own; its duration in ms, checking the status. */
async function login(body: Record<string, string>, expected: number): Promise<number> {
  address++;
  const started = performance.now();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`,
    },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (res.status !== expected) throw new Error(`sign-in as ${body.username}: ${res.status}, expected ${expected}`);
  return elapsed;
}

const totp = new TOTP({ secret: Secret.fromBase32(admin.totpSecret) });
const signIn = () => login({ username: admin.username, password: PASSWORD, totp: totp.generate() }, 200);
const unknown = (i: number) => login({ username: `nobody.${i}`, password: PASSWORD }, 401);
const wrong = (i: number) =>
  login({ username: accounts[i % accounts.length]!.username, password: `${PASSWORD}-wrong` }, 401);

// Warm up (not counted): the JIT, the pools, and the dummy hash an unknown user is checked against.
for (let i = 0; i < 5; i++) await signIn();
await unknown(-1);

const ok: number[] = [];
for (let i = 0; i < SIGN_INS; i++) ok.push(await signIn());
const unknownMs: number[] = [];
const wrongMs: number[] = [];
for (let i = 0; i < FAILURES; i++) {
  unknownMs.push(await unknown(i));
  wrongMs.push(await wrong(i));
}

const s = sortedOf(ok);
console.log(`${SIGN_INS} sequential sign-ins (password + TOTP) as national.admin, ms:`);
console.log(`     p50      p95      p99      max`);
console.log(`${ms(percentile(s, 50))} ${ms(percentile(s, 95))} ${ms(percentile(s, 99))} ${ms(s[s.length - 1]!)}`);
const mu = percentile(sortedOf(unknownMs), 50);
const mw = percentile(sortedOf(wrongMs), 50);
console.log(`\nfailed sign-ins, ${FAILURES} each, interleaved, median ms:`);
console.log(`unknown user   wrong password   difference`);
console.log(
  `${ms(mu).padStart(12)}   ${ms(mw).padStart(14)}   ${ms(mw - mu).padStart(10)} (${(((mw - mu) / mw) * 100).toFixed(1)}%)`,
);

// Stop the server.
server.kill('SIGTERM');
await Promise.race([new Promise((r) => server.once('exit', r)), sleep(30_000)]);
