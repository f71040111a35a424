import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { foldNameToken, normaliseNameTokens, spelledNameTokens } from './normalise.ts';

/**
 * Blind indexes, as in CipherSweet: a keyed HMAC of a normalised value, truncated so that it can be
 * searched by equality without saying which rows hold the same value.
 *
 * Sizing (CipherSweet's rule). With R rows and an index of L bits, a value is shared on average by
 * C = R / 2^L rows. C >= 2 means no index value points at a single row, so the index alone never tells
 * an attacker "this is the only person named X", and frequency analysis has to work through collisions;
 * C < sqrt(R) keeps the index useful: a search returns about C false positives to decrypt and discard,
 * not a large fraction of the table. We take the largest L with C >= 2: the most selective index that
 * still has at least two rows per value. Then 2 <= C < 4, which is below sqrt(R) whenever R > 16 (and
 * is checked for small R).
 */
export interface BlindIndexPlan {
  /** R: the rows the index will hold (expected population x tokens per record). */
  readonly population: number;
  /** L */
  readonly bits: number;
  /** C = R / 2^L */
  readonly collisionsPerValue: number;
  /** sqrt(R): C must stay below it. */
  readonly upperBound: number;
}

export function blindIndexPlan(expectedPopulation: number, tokensPerRecord = 1): BlindIndexPlan {
  if (!Number.isFinite(expectedPopulation) || expectedPopulation <= 0) {
    throw new RangeError(`Blind index: the expected population must be a positive number (got ${expectedPopulation}).`);
  }
  if (!Number.isFinite(tokensPerRecord) || tokensPerRecord < 1) {
    throw new RangeError(`Blind index: tokens per record must be at least 1 (got ${tokensPerRecord}).`);
  }
  const population = expectedPopulation * tokensPerRecord;
  let bits = 0;
  while (bits < 256 && population / 2 ** (bits + 1) >= 2) bits++;
  const collisionsPerValue = population / 2 ** bits;
  const upperBound = Math.sqrt(population);
  if (bits < 1 || collisionsPerValue < 2 || collisionsPerValue >= upperBound) {
    throw new RangeError(
      `Blind index: no index length satisfies 2 <= C < sqrt(R) for R = ${population} ` +
        `(expected population ${expectedPopulation} x ${tokensPerRecord} tokens per record); ` +
        'R must be at least 8. Configure the population the system is expected to hold, not its current size.',
    );
  }
  return { population, bits, collisionsPerValue, upperBound };
}

/** L for an expected population; tokensPerRecord > 1 for an index holding several values per record. */
export function blindIndexBits(expectedPopulation: number, tokensPerRecord = 1): number {
  return blindIndexPlan(expectedPopulation, tokensPerRecord).bits;
}

/**
 * HMAC-SHA256(key, domain || 0x00 || token), keeping its first `bits` bits, as lower-case hex of
 * ceil(bits / 4) digits (the value is right-aligned: it is always < 2^bits). The domain separates indexes
 * (a token and a whole name, or names and phone numbers, never share index values) and must not contain
 * NUL, so that domain and token cannot be confused.
 */
export function blindIndex(key: Uint8Array, domain: string, token: string, bits: number): string {
  if (!(key instanceof Uint8Array) || key.length < 16) {
    throw new RangeError('Blind index: the key must be at least 16 bytes (use 32 random bytes).');
  }
  if (domain === '' || domain.includes('\x00')) {
    throw new RangeError('Blind index: the domain must be a non-empty string without NUL characters.');
  }
  if (!Number.isInteger(bits) || bits < 1 || bits > 256) {
    throw new RangeError(`Blind index: bits must be an integer from 1 to 256 (got ${bits}).`);
  }
  const mac = keyedHmac(key)
    .clone()
    .update(utf8ToBytes(`${domain}\x00${token}`))
    .digest();
  const bytes = Math.ceil(bits / 8);
  let value = 0n;
  for (let i = 0; i < bytes; i++) value = (value << 8n) | BigInt(mac[i]!);
  value >>= BigInt(bytes * 8 - bits);
  return value.toString(16).padStart(Math.ceil(bits / 4), '0');
}

/**
 * HMAC state after absorbing the key, cached by the key's bytes (not the array object, which a caller
 * could overwrite): each index then costs two SHA-256 blocks fewer. A few keys at most are in use.
 */
const keyed = new Map<string, ReturnType<typeof hmac.create>>();
function keyedHmac(key: Uint8Array): ReturnType<typeof hmac.create> {
  const id = bytesToHex(key);
  let state = keyed.get(id);
  if (!state) {
    if (keyed.size >= 8) keyed.clear();
    state = hmac.create(sha256, key);
    keyed.set(id, state);
  }
  return state;
}

export const NAME_TOKEN_DOMAIN = 'name-token';
export const NAME_FULL_DOMAIN = 'name-full';

export interface NameIndexOptions {
  /**
   * Also index each pair of adjacent tokens joined into one ("Srey Pov" -> "sreypov"), in the token
   * domain, so that a compound given name written as one word or two still shares an index value
   * (ស្រីពៅ, "Sreypov" and "Srey Pov"; គឹមហុង and "Kim Hong"). Costs one index value per extra pair.
   */
  readonly joinAdjacent?: boolean;
}

/**
 * The blind indexes of a name: one per distinct folded token (domain 'name-token'), sorted by index
 * value, then one for the whole nameKey (domain 'name-full') last. A search computes the same for its
 * query and matches any token index, or the full-name index for an exact (folded) name.
 * An empty name has no indexes.
 */
export function nameBlindIndexes(
  key: Uint8Array,
  name: string,
  bits: number,
  options: NameIndexOptions = {},
): string[] {
  const folded = normaliseNameTokens(name);
  if (folded.length === 0) return [];
  const tokens = new Set(folded);
  if (options.joinAdjacent) {
    const spelled = spelledNameTokens(name);
    for (let i = 0; i + 1 < spelled.length; i++) tokens.add(foldNameToken(spelled[i]! + spelled[i + 1]!));
  }
  const tokenIndexes = [...new Set([...tokens].map((t) => blindIndex(key, NAME_TOKEN_DOMAIN, t, bits)))].sort();
  return [...tokenIndexes, blindIndex(key, NAME_FULL_DOMAIN, folded.sort().join(' '), bits)];
}
