import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBirthDate } from '@ctis/core';
import { linkageRun } from './linkage.ts';
import { linkageEncode } from './linkage-encode.ts';
import { linkageMatch } from './linkage-match.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/ctis.js', import.meta.url));
const FEBRL = process.env.FEBRL_DIR ?? '/work/shared/data/linkage';
const dir = mkdtempSync(join(tmpdir(), 'ctis-pprl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const secretA = file('key', 'a shared secret of at least 16 bytes, from openssl\n');
const secretOther = file('other-key', 'another secret, also long enough\n');

/** FEBRL rows as `ctis linkage run` columns; dates YYYYMMDD -> YYYY-MM-DD, impossible ones left empty. */
function febrl(name: string, persons: Set<string> | null, limit: number): { csv: string; persons: Set<string> } {
  const lines = readFileSync(join(FEBRL, name), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',').map((h) => h.trim());
  const out = ['record_id,given_name,family_name,birth_date,place,document_number'];
  const seen = new Set<string>();
  for (const line of lines.slice(1)) {
    const c = line.split(',').map((x) => x.trim());
    const get = (h: string) => c[header.indexOf(h)] ?? '';
    const person = get('rec_id').split('-')[1]!;
    if (persons ? !persons.has(person) : seen.size >= limit) continue;
    seen.add(person);
    const d = get('date_of_birth');
    let date = d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : '';
    try {
      parseBirthDate(date);
    } catch {
      date = '';
    }
    const place = ['street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state']
      .map(get)
      .filter((x) => x !== '')
      .join(' ');
    out.push([get('rec_id'), get('given_name'), get('surname'), date, place, get('soc_sec_id')].join(','));
  }
  return { csv: out.join('\n') + '\n', persons: seen };
}

const small = `record_id,given_name,family_name,birth_date,sex,place,source
a1,Sophea,Sok,1998-04-12,F,Kampot,police
a2,Dara,Chea,1985-11-03,M,Takeo,police
a3,Bopha,Meas,1990,F,Kandal,police
b1,Sophia,Sok,1998-04-12,female,Kampot,ngo
b2,Dara,Chea,1985-11-03,male,Takeo,ngo
b3,Vanna,Lim,1972-01-30,F,Kep,ngo
`;

describe.skipIf(!existsSync(join(FEBRL, 'dataset4a.csv')))('ctis linkage encode and match (FEBRL subset)', () => {
  it('round-trips: two parties encode, the matcher links them one-to-one without seeing a name', async () => {
    const a = febrl('dataset4a.csv', null, 400);
    const b = febrl('dataset4b.csv', a.persons, 0);
    const inA = file('febrl-a.csv', a.csv);
    const inB = file('febrl-b.csv', b.csv);
    const encA = join(dir, 'a.jsonl');
    const encB = join(dir, 'b.csv');
    await linkageEncode({ in: inA, out: encA, secretFile: secretA, quiet: true });
    await linkageEncode({ in: inB, out: encB, secretFile: secretA, quiet: true });
    expect(existsSync(`${encA}.partial`)).toBe(false);

    // No name, surname or birth date from the input is a field of either encodings file, nor (for
    // values long enough not to occur in base64 by chance) inside one.
    for (const [input, enc] of [
      [a.csv, encA],
      [b.csv, encB],
    ] as const) {
      const records = readFileSync(enc, 'utf8').trim().split('\n').slice(1);
      const fields = new Set(records.flatMap((l) => l.toLowerCase().split(/[,{}":]+/)));
      const text = records.join('\n').toLowerCase();
      const values = new Set(
        input
          .trim()
          .split('\n')
          .slice(1)
          .flatMap((l) => l.split(',').slice(1, 4))
          .filter((v) => v !== '')
          .map((v) => v.toLowerCase()),
      );
      expect(values.size).toBeGreaterThan(300);
      for (const v of values) {
        expect(fields.has(v), v).toBe(false);
        if (v.length >= 7) expect(text.includes(v), v).toBe(false);
      }
    }

    const pairs = join(dir, 'pairs.csv');
    await linkageMatch({ a: encA, b: encB, out: pairs, quiet: true });
    const lines = readFileSync(pairs, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('record_id_a,record_id_b,dice');
    const links = lines.slice(1).map((l) => l.split(','));
    const person = (id: string) => id.split('-')[1];
    const right = links.filter(([x, y]) => person(x!) === person(y!)).length;
    expect(right / links.length).toBe(1);
    expect(right / a.persons.size).toBeGreaterThanOrEqual(0.97);
    // One-to-one: no record twice on either side.
    expect(new Set(links.map((l) => l[0])).size).toBe(links.length);
    expect(new Set(links.map((l) => l[1])).size).toBe(links.length);
    for (const l of links) expect(Number(l[2])).toBeGreaterThan(0.5);
  });
});

describe('ctis linkage encode and match', () => {
  it('names the row and column of a bad birth date, and leaves no output file', async () => {
    const bad = file('bad.csv', 'record_id,given_name,birth_date\nx1,Sok,1990-01-01\nx2,Dara,1990-02-30\n');
    const out = join(dir, 'bad.jsonl');
    await expect(linkageEncode({ in: bad, out, secretFile: secretA, quiet: true })).rejects.toThrow(
      /bad\.csv line 3 \(record_id x2\): birth_date: "1990-02-30": there is no day 30/,
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
    await expect(
      linkageEncode({
        in: file('comma.csv', 'record_id\n"a,1"\n'),
        out: join(dir, 'c.csv'),
        secretFile: secretA,
        quiet: true,
      }),
    ).rejects.toThrow(/comma\.csv line 2: record_id: .*contains a comma.*\.jsonl/);
  });

  it('refuses files encoded with another secret, naming both files', async () => {
    const input = file('small.csv', small);
    const encA = join(dir, 's-a.csv');
    const encB = join(dir, 's-b.csv');
    await linkageEncode({ in: input, out: encA, secretFile: secretA, quiet: true });
    await linkageEncode({ in: input, out: encB, secretFile: secretOther, quiet: true });
    await expect(linkageMatch({ a: encA, b: encB, out: join(dir, 'p.csv'), quiet: true })).rejects.toThrow(
      /s-a\.csv and .*s-b\.csv were encoded with different secrets \(key check [0-9a-f]{16} vs [0-9a-f]{16}\)/,
    );
    // A file cut short is refused too.
    const text = readFileSync(encA, 'utf8').trim().split('\n');
    const cut = file('cut.csv', text.slice(0, -1).join('\n') + '\n');
    await expect(linkageMatch({ a: encA, b: cut, out: join(dir, 'p.csv'), quiet: true })).rejects.toThrow(
      /--b: .*cut\.csv: the file is cut short/,
    );
  });

  it('needs a secret: --secret-file or CTIS_PPRL_SECRET', async () => {
    const saved = process.env.CTIS_PPRL_SECRET;
    delete process.env.CTIS_PPRL_SECRET;
    try {
      await expect(linkageEncode({ in: file('s.csv', small), out: join(dir, 'n.csv'), quiet: true })).rejects.toThrow(
        /no secret: give --secret-file <path> or set CTIS_PPRL_SECRET/,
      );
      await expect(
        linkageEncode({
          in: file('s.csv', small),
          out: join(dir, 'n.csv'),
          secretFile: file('short', 'abc'),
          quiet: true,
        }),
      ).rejects.toThrow(/at least 16/);
      process.env.CTIS_PPRL_SECRET = 'a shared secret of at least 16 bytes, from openssl';
      const viaEnv = join(dir, 'env.csv');
      const viaFile = join(dir, 'file.csv');
      await linkageEncode({ in: file('s.csv', small), out: viaEnv, quiet: true });
      await linkageEncode({ in: file('s.csv', small), out: viaFile, secretFile: secretA, quiet: true });
      // The file's final line break is not part of the secret: both give the same encodings.
      expect(readFileSync(viaEnv, 'utf8')).toBe(readFileSync(viaFile, 'utf8'));
    } finally {
      if (saved === undefined) delete process.env.CTIS_PPRL_SECRET;
      else process.env.CTIS_PPRL_SECRET = saved;
    }
  });
});

describe('ctis linkage run --pprl', () => {
  it('writes record_id,cluster_id, linking sources one-to-one, and never a name', async () => {
    const out = join(dir, 'clusters.csv');
    await linkageRun({ in: file('run.csv', small), out, pprl: true, secretFile: secretA, quiet: true });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/sok|sophea|dara|chea|kampot/i);
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('record_id,cluster_id');
    expect(lines.slice(1)).toEqual(['a1,a1', 'a2,a2', 'a3,a3', 'b1,a1', 'b2,a2', 'b3,b3']);
  });

  it('without sources, clusters the pairs above the threshold', async () => {
    const rows = small
      .split('\n')
      .map((l) => l.replace(/,[^,]*$/, ''))
      .join('\n');
    const out = join(dir, 'clusters2.csv');
    await linkageRun({
      in: file('nosource.csv', rows),
      out,
      pprl: true,
      secretFile: secretA,
      threshold: '0.9',
      quiet: true,
    });
    const cluster = new Map(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',') as [string, string]),
    );
    expect(cluster.get('b1')).toBe('a1');
    expect(cluster.get('b2')).toBe('a2');
    expect(cluster.get('a3')).toBe('a3');
    expect(cluster.get('b3')).toBe('b3');
    await expect(
      linkageRun({ in: file('nosource.csv', rows), out, pprl: true, secretFile: secretA, threshold: '2', quiet: true }),
    ).rejects.toThrow(/--threshold: "2" is not a Dice coefficient/);
  });

  it('exits non-zero from the command line, naming the row; encode and match are registered', async () => {
    const bad = file('bad-cli.csv', 'record_id,birth_date\na,19900101\n');
    const env = { ...process.env, CTIS_PPRL_SECRET: 'a shared secret of at least 16 bytes' };
    const err = (await run(
      process.execPath,
      [CLI, 'linkage', 'run', '--pprl', '--in', bad, '--out', join(dir, 'y.csv')],
      {
        env,
      },
    ).then(
      () => null,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | null;
    expect(err?.code).toBe(1);
    expect(err?.stderr).toMatch(/line 2 \(record_id a\): birth_date: "19900101" is not a date/);
    const enc = join(dir, 'cli.jsonl');
    const { stderr } = await run(
      process.execPath,
      [CLI, 'linkage', 'encode', '--in', file('cli.csv', small), '--out', enc],
      {
        env,
      },
    );
    expect(stderr).toMatch(/wrote 6 encodings/);
    const pairs = join(dir, 'cli-pairs.csv');
    await run(
      process.execPath,
      [CLI, 'linkage', 'match', '--a', enc, '--b', enc, '--out', pairs, '--threshold', '0.95'],
      {
        env,
      },
    );
    expect(readFileSync(pairs, 'utf8').trim().split('\n')).toHaveLength(7);
  }, 90_000);
});
