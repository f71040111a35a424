import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

// DATE columns stay 'YYYY-MM-DD' strings: a date of a fact has no time zone to shift it.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
import type { Database } from './schema.ts';
import { runningEmbeddedUrl, startEmbedded } from './embedded/embedded-server.ts';

export interface DatabaseHandle {
  readonly url: string;
  readonly embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database to use: DATABASE_URL when set; otherwise the embedded server of the data directory.
 * `exclusive` (the server) always starts the embedded server itself and so fails when another CTIS
 * process holds the directory; other commands join a server that is already running.
 */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir: string;
  exclusive: boolean;
  log?: (m: string) => void;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  if (!opts.exclusive) {
    const running = runningEmbeddedUrl(opts.dataDir);
    if (running) return { url: running, embedded: true, stop: async () => {} };
  }
  const server = await startEmbedded(opts.dataDir, opts.log);
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/**
 * A Kysely instance. `asApp` switches every connection to the ctis_app role, which cannot change
 * the audit tables; migrations and administrative tools connect as the owner.
 */
export function createDb(url: string, opts: { asApp: boolean; max?: number }): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, statement_timeout: 30_000 });
  // An idle connection the server ends (restart, pg_terminate_backend, failover) must not crash the
  // process: the pool drops it and opens another on demand.
  pool.on('error', () => {});
  if (opts.asApp) pool.on('connect', (client) => void client.query('SET ROLE ctis_app'));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** True when the database answers a trivial query. */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
