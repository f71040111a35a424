import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../bin/ctis.js', import.meta.url));
const KHM = fileURLToPath(new URL('../../../config/countries/KHM.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ctis-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Run the CLI with a configuration file; it must fail before touching any database. */
async function withConfig(config: unknown): Promise<{ code: number; stderr: string }> {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  try {
    await run(process.execPath, [CLI, 'migrate'], {
      env: { ...process.env, CTIS_CONFIG: file, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('start-up with a bad country configuration fails fast, naming the key and the fix', () => {
  it('an unknown province reference', async () => {
    const cfg = JSON.parse(readFileSync(KHM, 'utf8'));
    cfg.organisations[3].province = 'KH-99';
    const { code, stderr } = await withConfig(cfg);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/organisations\[3\]\.province/);
    expect(stderr).toMatch(/KH-99/);
    expect(stderr).not.toMatch(/ECONNREFUSED/); // it never reached the database
  }, 30_000);

  it('a missing Khmer name and a bad currency, both listed', async () => {
    const cfg = JSON.parse(readFileSync(KHM, 'utf8'));
    delete cfg.provinces[0].name.km;
    cfg.currency = 'riel';
    const { code, stderr } = await withConfig(cfg);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/provinces\[0\]\.name\.km/);
    expect(stderr).toMatch(/currency/);
  }, 30_000);

  it('a file that is not JSON', async () => {
    const { code, stderr } = await withConfig('{ not json');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/JSON/);
  }, 30_000);
});
