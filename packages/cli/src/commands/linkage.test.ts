import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { linkageRun } from './linkage.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/ctis.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ctis-linkage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Forty persons, each recorded by two agencies with small differences, and some one-off records. */
function records(): string {
  const given = ['Dara', 'Sophea', 'Bopha', 'Chanthy', 'Pisey', 'Rathana', 'Sokha', 'Vanna'];
  const family = ['Sok', 'Chan', 'Kim', 'Heng', 'Ly'];
  const rows = ['record_id,given_name,family_name,birth_date,sex,place,document_number,source'];
  for (let p = 0; p < 40; p++) {
    const g = given[p % 8]!;
    const f = family[Math.floor(p / 8)]!;
    const date = `${1970 + p}-0${1 + (p % 9)}-1${p % 10}`;
    rows.push(`a${p},${g},${f},${date},female,"Kampot, ${p}",N${1000 + p},agency-a`);
    rows.push(
      `b${p},${p % 5 === 0 ? f : g},${p % 5 === 0 ? g : f},${p % 3 === 0 ? date.slice(0, 4) : date},F,"Kampot, ${p}",,agency-b`,
    );
  }
  const others = ['Arun', 'Bich', 'Cuong', 'Duc', 'Hoa', 'Khanh', 'Lan', 'Minh', 'Nga', 'Phuong'];
  for (let p = 0; p < 20; p++)
    rows.push(
      `c${p},${others[p % 10]},${p < 10 ? 'Nguyen' : 'Tran'},${1940 + 3 * p}-0${1 + (p % 9)}-2${p % 8},male,Takeo,,agency-c`,
    );
  return rows.join('\n') + '\n';
}

describe('ctis linkage run', () => {
  it('writes record_id,cluster_id with each agency pair in one cluster', async () => {
    const out = join(dir, 'clusters.csv');
    const pairs = join(dir, 'pairs.csv');
    await linkageRun({ in: file('records.csv', records()), out, pairs, quiet: true });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('record_id,cluster_id');
    const cluster = new Map(lines.slice(1).map((l) => l.split(',') as [string, string]));
    expect(cluster.size).toBe(100);
    let together = 0;
    for (let p = 0; p < 40; p++) if (cluster.get(`a${p}`) === cluster.get(`b${p}`)) together++;
    expect(together).toBeGreaterThanOrEqual(38);
    for (let p = 0; p < 20; p++) expect(cluster.get(`c${p}`)).toBe(`c${p}`);
    const pairLines = readFileSync(pairs, 'utf8').trim().split('\n');
    expect(pairLines[0]).toMatch(/^record_id_a,record_id_b,weight,probability,given_name_level,given_name_weight,/);
    expect(pairLines.length).toBeGreaterThan(38);
  });

  it('names the row of a bad birth date', async () => {
    const bad = file('bad.csv', 'record_id,given_name,birth_date\na,Sok,1990-01-01\nb,Dara,1990-02-30\n');
    await expect(linkageRun({ in: bad, out: join(dir, 'x.csv'), quiet: true })).rejects.toThrow(
      /bad\.csv line 3 \(record_id b\): birth_date: "1990-02-30": there is no day 30/,
    );
  });

  it('refuses a file without record_id, a repeated record_id and a bad option', async () => {
    await expect(
      linkageRun({ in: file('h.csv', 'given_name\nSok\n'), out: join(dir, 'x.csv'), quiet: true }),
    ).rejects.toThrow(/no record_id column/);
    await expect(
      linkageRun({ in: file('d.csv', 'record_id\nx\nx\n'), out: join(dir, 'x.csv'), quiet: true }),
    ).rejects.toThrow(/line 3: record_id "x" appears twice/);
    await expect(
      linkageRun({ in: file('ok.csv', 'record_id\nx\n'), out: join(dir, 'x.csv'), minProbability: '2', quiet: true }),
    ).rejects.toThrow(/--min-probability/);
  });

  it('exits non-zero from the command line, naming the row', async () => {
    const bad = file('bad2.csv', 'record_id,birth_date\na,19900101\n');
    const err = (await run(process.execPath, [CLI, 'linkage', 'run', '--in', bad, '--out', join(dir, 'y.csv')]).then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/line 2 \(record_id a\): birth_date: "19900101" is not a date/);
  }, 60_000);
});
