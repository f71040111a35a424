import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import {
  NAME_FULL_DOMAIN,
  NAME_TOKEN_DOMAIN,
  blindIndex,
  blindIndexBits,
  blindIndexPlan,
  nameBlindIndexes,
} from './blind-index.ts';

const key = new Uint8Array(32).map((_, i) => i + 1);
const otherKey = new Uint8Array(32).map((_, i) => 255 - i);

describe('blind index length: 2 <= C < sqrt(R), the largest such L', () => {
  // R = 20,000    -> L = 13, C = 20,000 / 8,192      = 2.44 (sqrt R = 141.4)
  // R = 100,000   -> L = 15, C = 100,000 / 32,768    = 3.05 (sqrt R = 316.2)
  // R = 1,000,000 -> L = 18, C = 1,000,000 / 262,144 = 3.81 (sqrt R = 1,000)
  it.each([
    [20_000, 13, 2.44],
    [100_000, 15, 3.05],
    [1_000_000, 18, 3.81],
  ])('R = %i gives L = %i, C = %f', (population, bits, collisions) => {
    const plan = blindIndexPlan(population);
    expect(plan.bits).toBe(bits);
    expect(blindIndexBits(population)).toBe(bits);
    expect(plan.collisionsPerValue).toBeCloseTo(collisions, 2);
    expect(plan.collisionsPerValue).toBe(population / 2 ** bits);
    expect(plan.collisionsPerValue).toBeGreaterThanOrEqual(2);
    expect(plan.collisionsPerValue).toBeLessThan(Math.sqrt(population));
    // One more bit would leave fewer than 2 rows per value.
    expect(population / 2 ** (bits + 1)).toBeLessThan(2);
  });
  it('counts every token of a record: 100,000 persons x 3 name tokens is R = 300,000', () => {
    expect(blindIndexPlan(100_000, 3)).toMatchObject({ population: 300_000, bits: 17 });
  });
  it('refuses a population too small for any length', () => {
    expect(() => blindIndexBits(7)).toThrow(/no index length satisfies 2 <= C < sqrt\(R\) for R = 7/);
    expect(() => blindIndexBits(1)).toThrow(RangeError);
    expect(() => blindIndexBits(0)).toThrow(/positive/);
    expect(() => blindIndexBits(Number.NaN)).toThrow(/positive/);
    expect(blindIndexPlan(8)).toMatchObject({ bits: 2, collisionsPerValue: 2 });
  });
});

describe('blindIndex', () => {
  it('is the HMAC-SHA256 of domain, NUL, token', () => {
    const full = bytesToHex(hmac(sha256, key, utf8ToBytes('name-token\x00sok')));
    expect(blindIndex(key, 'name-token', 'sok', 256)).toBe(full);
  });
  it.each([1, 5, 8, 13, 15, 18, 32, 255])('keeps exactly %i bits: the top bits of the HMAC', (bits) => {
    const full = BigInt('0x' + blindIndex(key, 'name-token', 'sok', 256));
    const index = blindIndex(key, 'name-token', 'sok', bits);
    expect(index).toHaveLength(Math.ceil(bits / 4));
    expect(BigInt('0x' + index)).toBe(full >> BigInt(256 - bits));
    // Every value is below 2^bits, and over many tokens the top bit is used: exactly `bits` bits.
    const values = Array.from({ length: 200 }, (_, i) => BigInt('0x' + blindIndex(key, 'd', `t${i}`, bits)));
    expect(values.every((v) => v < 2n ** BigInt(bits))).toBe(true);
    expect(values.some((v) => v >= 2n ** BigInt(bits - 1))).toBe(true);
  });
  it('spreads values over the whole range (13 bits, 20,000 tokens: close to 8,192 values in use)', () => {
    const seen = new Set(Array.from({ length: 20_000 }, (_, i) => blindIndex(key, 'd', `t${i}`, 13)));
    // Expected distinct values: 8192 * (1 - e^-2.44) = 7,479.
    expect(seen.size).toBeGreaterThan(7_300);
    expect(seen.size).toBeLessThanOrEqual(8_192);
  });
  it('differs between domains and between keys', () => {
    const a = blindIndex(key, NAME_TOKEN_DOMAIN, 'sok', 64);
    expect(blindIndex(key, NAME_FULL_DOMAIN, 'sok', 64)).not.toBe(a);
    expect(blindIndex(otherKey, NAME_TOKEN_DOMAIN, 'sok', 64)).not.toBe(a);
    expect(blindIndex(key, NAME_TOKEN_DOMAIN, 'sok', 64)).toBe(a);
  });
  it('rejects a short key, a bad domain or a bad length', () => {
    expect(() => blindIndex(new Uint8Array(8), 'd', 't', 16)).toThrow(/16 bytes/);
    expect(() => blindIndex(key, '', 't', 16)).toThrow(/domain/);
    expect(() => blindIndex(key, 'a\x00b', 't', 16)).toThrow(/domain/);
    expect(() => blindIndex(key, 'd', 't', 0)).toThrow(/bits/);
    expect(() => blindIndex(key, 'd', 't', 257)).toThrow(/bits/);
    expect(() => blindIndex(key, 'd', 't', 12.5)).toThrow(/bits/);
  });
});

describe('nameBlindIndexes', () => {
  const bits = blindIndexBits(100_000, 3);
  it('has one index per distinct folded token, sorted, then the full name', () => {
    const indexes = nameBlindIndexes(key, 'Sok Dara Sokk', bits);
    const tokens = [blindIndex(key, NAME_TOKEN_DOMAIN, 'sok', bits), blindIndex(key, NAME_TOKEN_DOMAIN, 'tara', bits)];
    expect(indexes).toEqual([...tokens.sort(), blindIndex(key, NAME_FULL_DOMAIN, 'sok sok tara', bits)]);
  });
  it('gives spelling variants, word order and Khmer script identical indexes', () => {
    const expected = nameBlindIndexes(key, 'Sok Dara', bits);
    for (const variant of ['Sok Darah', 'Dara Sok', 'SOK  Dara', 'សុខ ដារ៉ា', 'Sokh Dara']) {
      expect(nameBlindIndexes(key, variant, bits)).toEqual(expected);
    }
  });
  it('lets a search match a single token', () => {
    const record = nameBlindIndexes(key, 'Chan Sophea', bits);
    const [query] = nameBlindIndexes(key, 'Sophia', bits);
    expect(record).toContain(query);
  });
  it('differs for different names and keys', () => {
    expect(nameBlindIndexes(key, 'Sok Dara', bits)).not.toEqual(nameBlindIndexes(key, 'Sok Dina', bits));
    expect(nameBlindIndexes(key, 'Sok Dara', bits)).not.toEqual(nameBlindIndexes(otherKey, 'Sok Dara', bits));
  });
  it('joins adjacent tokens on request, so a compound name written as one word or two meets', () => {
    const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
    const khmer = nameBlindIndexes(key, 'ចាន់ ស្រីពៅ', bits, { joinAdjacent: true });
    const latin = nameBlindIndexes(key, 'Chan Srey Pov', bits, { joinAdjacent: true });
    expect(shared(khmer, latin)).toContain(blindIndex(key, NAME_TOKEN_DOMAIN, 'sreipov', bits));
    expect(shared(nameBlindIndexes(key, 'គឹម ហុង', bits), nameBlindIndexes(key, 'Kimhong', bits))).toEqual([]);
    expect(
      shared(
        nameBlindIndexes(key, 'គឹមហុង', bits, { joinAdjacent: true }),
        nameBlindIndexes(key, 'Kim Hong', bits, { joinAdjacent: true }),
      ),
    ).toHaveLength(1);
  });
  it('has no indexes for an empty name', () => {
    expect(nameBlindIndexes(key, '  ', bits)).toEqual([]);
  });
});
