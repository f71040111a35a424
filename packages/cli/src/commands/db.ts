import { openRuntime } from '../runtime.ts';
import {
  formatDemoAccounts,
  loadDemoIfEmpty,
  loadPreventionDemoIfWanted,
  loadProsecutionDemoIfWanted,
  loadProtectionDemoIfWanted,
} from '@ctis/api';

export async function migrate(): Promise<void> {
  const rt = await openRuntime({ exclusive: false }); // openRuntime migrates
  await rt.close();
  console.log('database is at the latest migration');
}

export async function demo(): Promise<void> {
  const rt = await openRuntime({ exclusive: false });
  try {
    const accounts = await loadDemoIfEmpty(rt.db, rt.config, rt.keys);
    console.log(accounts.length ? formatDemoAccounts(accounts) : 'users exist already: demo not loaded');
    if (accounts.length) {
      const result = await loadProtectionDemoIfWanted(rt.db, rt.config, rt.keys);
      console.log(
        result && !result.skipped
          ? `protection demo loaded: ${result.cases} cases`
          : `protection demo skipped (${result?.reason ?? 'turned off'})`,
      );
      const prosecution = await loadProsecutionDemoIfWanted(rt.db, rt.config, rt.keys);
      console.log(
        prosecution && !prosecution.skipped
          ? `prosecution demo loaded: ${prosecution.cases} criminal cases`
          : `prosecution demo skipped (${prosecution?.reason ?? 'turned off'})`,
      );
      const prevention = await loadPreventionDemoIfWanted(rt.db, rt.config, rt.keys);
      console.log(
        prevention && !prevention.skipped
          ? `prevention demo loaded: ${prevention.records} register records`
          : `prevention demo skipped (${prevention?.reason ?? 'turned off'})`,
      );
    }
  } finally {
    await rt.close();
  }
}

/** For administrators with psql. The embedded server must be running (npm start) to be reached. */
export async function dbUrl(): Promise<void> {
  const rt = await openRuntime({ exclusive: false });
  console.log(rt.handle.url);
  await rt.close();
}
