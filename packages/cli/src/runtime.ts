import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryConfig } from '@ctis/core';
import { loadCountryConfigFile } from '@ctis/api';
import { createDb, loadKeys, migrateToLatest, openDatabase, type DatabaseHandle, type Keys } from '@ctis/db';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Settings from the environment, with the defaults the README documents. */
export function settings(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = resolve(env.CTIS_DATA_DIR ?? join(PROJECT_ROOT, 'data'));
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? 'localhost',
    configPath: resolve(env.CTIS_CONFIG ?? join(PROJECT_ROOT, 'config/countries/KHM.json')),
    questionnaireDir: resolve(env.CTIS_QUESTIONNAIRES ?? join(PROJECT_ROOT, 'config/questionnaires')),
    keyFile: resolve(env.CTIS_KEY_FILE ?? join(dataDir, 'keys.json')),
    createKeys: !env.CTIS_KEY_FILE,
    webRoot: join(PROJECT_ROOT, 'packages/web/dist'),
  };
}
export type Settings = ReturnType<typeof settings>;

export interface Runtime {
  readonly settings: Settings;
  readonly config: Readonly<CountryConfig>;
  readonly keys: Keys;
  readonly handle: DatabaseHandle;
  readonly db: ReturnType<typeof createDb>;
  close(): Promise<void>;
}

/**
 * Open what a command needs: configuration, keys, the database (joining a running embedded server
 * unless `exclusive`), migrated to the latest version.
 */
export async function openRuntime(opts: { exclusive: boolean; log?: (m: string) => void }): Promise<Runtime> {
  const s = settings();
  const config = loadCountryConfigFile(s.configPath);
  const handle = await openDatabase({
    databaseUrl: s.databaseUrl,
    dataDir: s.dataDir,
    exclusive: opts.exclusive,
    log: opts.log ?? (() => {}),
  });
  try {
    const keys = loadKeys(s.keyFile, { createIfMissing: s.createKeys });
    const owner = createDb(handle.url, { asApp: false, max: 1 });
    try {
      await migrateToLatest(owner);
    } finally {
      await owner.destroy();
    }
    const db = createDb(handle.url, { asApp: true });
    return {
      settings: s,
      config,
      keys,
      handle,
      db,
      async close() {
        await db.destroy();
        await handle.stop();
      },
    };
  } catch (err) {
    await handle.stop();
    throw err;
  }
}
