/**
 * `ctis statistics microdata`: the real CLI as a child process against a test database holding the
 * protection demo (thousands of victim cases): the CSV it writes is k-anonymous, names no one, and
 * the export is audited.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICRODATA_COLUMNS } from '@ctis/core';
import { generateProtectionPlan, loadCountryConfigFile, loadProtectionDemo } from '@ctis/api';
import { loadKeys } from '@ctis/db';
import { createTestDatabase, type TestDatabase } from '@ctis/db/testing';
import { ROOT, runCli, tempDir } from './testing/cli-process.ts';

describe('ctis statistics microdata', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase();
    dir = tempDir('ctis-cli-microdata-');
    const first = await runCli(['migrate'], { DATABASE_URL: t.url, CTIS_DATA_DIR: dir });
    expect(first.code, first.stderr).toBe(0);
    const keyFile = join(dir, 'keys.json');
    env = { DATABASE_URL: t.url, CTIS_KEY_FILE: keyFile, CTIS_DATA_DIR: dir };
    const config = loadCountryConfigFile(join(ROOT, 'config/countries/KHM.json'));
    const demo = await loadProtectionDemo(t.db, config, loadKeys(keyFile, { createIfMissing: false }));
    expect(demo.skipped, demo.reason ?? '').toBe(false);
  }, 600_000);
  afterAll(async () => {
    await t?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'writes the k-anonymous CSV (every combination of all columns 11 or more), without identities; audited',
    {
      timeout: 120_000,
    },
    async () => {
      const out = join(dir, 'victims-2017.csv');
      const r = await runCli(['statistics', 'microdata', '--year', '2017', '--out', out], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/\d+ rows \(\d+ classes of at least 11; 0 of \d+ persons withheld\)/);
      const csv = readFileSync(out, 'utf8');
      // No field of the export holds a comma or a quote: a line is its fields.
      const [header, ...lines] = csv.trimEnd().split('\r\n');
      expect(header!.split(',')).toEqual([...MICRODATA_COLUMNS]);
      expect(lines.length).toBeGreaterThan(100);
      const counts = new Map<string, number>();
      for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
      for (const [combination, n] of counts) expect(n, combination).toBeGreaterThanOrEqual(11);
      for (const rec of generateProtectionPlan().records)
        for (const n of rec.person.identity.names)
          if (n.family && n.given) expect(csv).not.toContain(`${n.given} ${n.family}`);

      const audit = await t.owner
        .selectFrom('audit_log')
        .select(['actor_id', 'outcome', 'details'])
        .where('action', '=', 'stats.microdata')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({
        actor_id: 'system:cli-statistics-microdata',
        outcome: 'allowed',
        details: expect.objectContaining({ year: 2017, k: 11, exported: lines.length, withheld: 0 }),
      });
    },
  );

  it('a bad year or a k below 11 exits non-zero and writes nothing', { timeout: 60_000 }, async () => {
    const out = join(dir, 'never.csv');
    const bad = await runCli(['statistics', 'microdata', '--year', '17', '--out', out], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--year');
    const weak = await runCli(['statistics', 'microdata', '--year', '2017', '--k', '5', '--out', out], env);
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('--k');
    expect(() => readFileSync(out)).toThrow();
  });
});
