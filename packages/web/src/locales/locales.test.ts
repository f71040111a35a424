import { describe, expect, it } from 'vitest';
import en from './en.json';
import km from './km.json';

// Every source file, as text, to find the translation keys it uses: t('...') and tk('...').
const sources = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/\b(?:t|tk)\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(match[1]!.replace(/\\'/g, "'"));
  }
  return keys;
}

const KHMER = /[\u1780-\u17FF]/;

describe('locales', () => {
  it('uses English source strings as keys', () => {
    for (const [key, value] of Object.entries(en)) expect(value, key).toBe(key);
  });

  it('translates every English string into Khmer', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(km)) expect(value, key).toMatch(KHMER);
  });

  it('keeps the {{placeholders}} in each translation', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(km)) expect(placeholders(value), key).toEqual(placeholders(key));
  });

  it('has a key for every string the code translates, and no unused keys', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(20);
    expect(
      [...used].filter((k) => !(k in en)),
      'missing from en.json',
    ).toEqual([]);
    expect(
      Object.keys(en).filter((k) => !used.has(k)),
      'unused in en.json',
    ).toEqual([]);
  });
});
