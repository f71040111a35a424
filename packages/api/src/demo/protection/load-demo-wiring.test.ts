import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '@ctis/db/testing';
import { loadCountryConfigFile } from '../../config-file.ts';
import { COUNTRY_FILES, testKeys } from '../../testing/test-app.ts';
import { loadDemoIfEmpty } from '../load-demo.ts';

const { loader } = vi.hoisted(() => ({ loader: vi.fn(async () => null) }));
vi.mock('./load.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./load.ts')>()),
  loadProtectionDemoIfWanted: loader,
}));

describe('npm start on an empty database', () => {
  it('loadDemoIfEmpty creates the demo accounts, then calls the protection loader; never again once users exist', async () => {
    const t = await createTestDatabase();
    try {
      const config = loadCountryConfigFile(COUNTRY_FILES.KHM);
      const keys = testKeys();
      const accounts = await loadDemoIfEmpty(t.db, config, keys);
      expect(accounts.length).toBe(config.roles.length);
      expect(loader).toHaveBeenCalledTimes(1);
      expect(loader).toHaveBeenCalledWith(t.db, config, keys);
      expect(await loadDemoIfEmpty(t.db, config, keys)).toEqual([]);
      expect(loader).toHaveBeenCalledTimes(1);
    } finally {
      await t.drop();
    }
  });
});
