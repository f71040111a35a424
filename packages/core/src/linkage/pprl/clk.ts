import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { normaliseNameTokens } from '../../identity/normalise.ts';

/**
 * Cryptographic long-term keys (CLKs, Schnell et al. 2011): each record becomes one Bloom filter into
 * which the tokens of several fields are hashed, so two agencies can compare records (Dice coefficient)
 * without either side, or a linkage unit in the middle, seeing names or birth dates.
 *
 * Construction (version 2):
 *  - Parts. The filter is filled by "parts" (`fields`), each reading one input column with one token
 *    kind and k bit positions per token: a part's k is its weight in the Dice coefficient (a
 *    record-level design in the manner of Schnell's record-level Bloom filters and clkhash's
 *    comparison schemas). One column may feed several parts, e.g. a name salted and unsalted.
 *  - Part keys. key(part, salt) = HKDF-SHA256(ikm = shared secret, salt = "ctis-pprl/v1",
 *    info = "field=<part>;salt=<salt>"), 32 bytes. Every part hashes under its own key, so the same
 *    bigram in the given name and the family name sets different bits.
 *  - Birth-year salt (`salt: "birth-year"`). The key is salted with the record's birth year ("none"
 *    when missing): "ma" in a name born 1984 and in one born 1985 set unrelated bits, which blunts
 *    frequency attacks on bigrams (the attacker has to split the population by year first). Its cost:
 *    two records of one person whose birth years differ (a typo, an estimate, a date replaced or missing
 *    on one side: 7% of the true pairs in FEBRL 4) share none of those bits. The default therefore
 *    splits each name: most of its bits salted (k = 12 per bigram), a few unsalted (k = 4), so a
 *    year error costs part of the name's weight instead of all of it, while the unsalted bigrams are
 *    a thin signal (4 bits each among some 500) for a frequency attack.
 *  - Tokens. Names: folded with the identity normaliser (Khmer script romanised, spellings folded,
 *    "Sophea" -> "sopa"), tokens joined by one space, padded with "_" on both sides, cut into bigrams
 *    ("_s", "so", "op", "pa", "a_"). Dates (YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY): "y:YYYY",
 *    "m:MM", "d:DD" for the parts present, so one wrong part keeps the others. Text: unfolded
 *    lower-case bigrams. Exact: the whole value as one token. Digits: the digits only, as bigrams
 *    (document numbers: one wrong digit keeps most bigrams).
 *  - Positions. One HMAC-SHA256(part key, token) per token; its first two 32-bit words h1, h2
 *    (h2 forced odd) give k positions by double hashing (Kirsch–Mitzenmacher, as clkhash does):
 *    (h1 + i * h2) mod m, i = 0 .. k-1.
 *  - Balanced (Berger/Schnell's balanced Bloom filter). The m-bit filter f is concatenated with its
 *    complement (2m bits, exactly m of them set), then permuted by a permutation drawn (Fisher-Yates)
 *    from a keyed stream HMAC-SHA256(key("permutation"), counter). Every CLK has Hamming weight m, so
 *    the weight no longer tells how many tokens (how long a name) a record had, and the Dice coefficient
 *    of two CLKs is 1 - hamming(f1, f2) / m. The stored CLK has `bits` = 2m bits (default 1024).
 */
export type ClkFieldKind = 'name' | 'date' | 'text' | 'exact' | 'digits';

export type ClkSalt = 'none' | 'birth-year';

export interface ClkFieldSpec {
  /** The part's name: its key derives from it. Unique within the parameters. */
  readonly name: string;
  /** The input column it reads (default: `name`). */
  readonly column?: string;
  readonly kind: ClkFieldKind;
  /** Bit positions per token: the part's weight in the Dice coefficient. */
  readonly k: number;
  /** Default "none". */
  readonly salt?: ClkSalt;
}

export interface ClkParams {
  readonly version: 2;
  /** Bits of the stored (balanced) CLK: twice the Bloom filter's m. A multiple of 64. */
  readonly bits: number;
  readonly fields: readonly ClkFieldSpec[];
  /** The date column whose year salts the parts with `salt: "birth-year"`. */
  readonly birthDateField: string;
}

/**
 * The columns of `ctis linkage run`. Weights (k) chosen on FEBRL 4a+4b (scripts/bench-pprl.ts): names
 * weigh most, split into salted and unsalted bits; the birth date in three tokens; place (an address
 * or place name) and document number as bigrams, so one typo costs a few bigrams, not the field.
 */
export const DEFAULT_CLK_PARAMS: ClkParams = {
  version: 2,
  bits: 1024,
  fields: [
    { name: 'given_name', kind: 'name', k: 12, salt: 'birth-year' },
    { name: 'given_name/unsalted', column: 'given_name', kind: 'name', k: 4 },
    { name: 'family_name', kind: 'name', k: 12, salt: 'birth-year' },
    { name: 'family_name/unsalted', column: 'family_name', kind: 'name', k: 4 },
    { name: 'birth_date', kind: 'date', k: 20 },
    { name: 'sex', kind: 'exact', k: 10 },
    { name: 'nationality', kind: 'exact', k: 10 },
    { name: 'place', kind: 'text', k: 4 },
    { name: 'document_number', kind: 'digits', k: 8 },
  ],
  birthDateField: 'birth_date',
};

export type ClkValues = Readonly<Record<string, string | null | undefined>>;

const KDF_SALT = utf8ToBytes('ctis-pprl/v1');

function deriveKey(secret: Uint8Array, info: string): Uint8Array {
  return hkdf(sha256, secret, KDF_SALT, utf8ToBytes(info), 32);
}

/** A short public fingerprint of the secret, written in file headers, so files made with another secret are refused. */
export function keyCheck(secret: Uint8Array): string {
  return bytesToHex(deriveKey(secret, 'key-check')).slice(0, 16);
}

const KINDS: readonly ClkFieldKind[] = ['name', 'date', 'text', 'exact', 'digits'];

export function validateParams(params: ClkParams): void {
  if (params.version !== 2) throw new RangeError(`CLK: unknown version ${String(params.version)}`);
  if (!Number.isInteger(params.bits) || params.bits < 64 || params.bits % 64 !== 0) {
    throw new RangeError(`CLK: bits must be a positive multiple of 64 (got ${params.bits})`);
  }
  if (!Array.isArray(params.fields) || params.fields.length === 0) throw new RangeError('CLK: no fields');
  const seen = new Set<string>();
  for (const f of params.fields) {
    if (typeof f.name !== 'string' || f.name === '') throw new RangeError('CLK: a field without a name');
    if (seen.has(f.name)) throw new RangeError(`CLK: field ${f.name} twice`);
    seen.add(f.name);
    if (!KINDS.includes(f.kind)) throw new RangeError(`CLK: unknown kind for ${f.name}`);
    if (f.salt !== undefined && f.salt !== 'none' && f.salt !== 'birth-year')
      throw new RangeError(`CLK: unknown salt for ${f.name}`);
    if (!Number.isInteger(f.k) || f.k < 1 || f.k > params.bits / 2) throw new RangeError(`CLK: bad k for ${f.name}`);
  }
}

/** Parts of a birth date: YYYY-MM-DD, YYYYMMDD, YYYY-MM, YYYY; anything else counts as missing. */
export function dateParts(value: string | null | undefined): { y?: string; m?: string; d?: string } {
  const v = (value ?? '').trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(v);
  if (m) return { y: m[1]!, m: m[2]!, d: m[3]! };
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return { y: m[1]!, m: m[2]! };
  m = /^(\d{4})$/.exec(v);
  if (m) return { y: m[1]! };
  return {};
}

/** The tokens one field contributes, before hashing. Exported for tests and for explaining encodings. */
export function fieldTokens(kind: ClkFieldKind, value: string | null | undefined): string[] {
  const v = (value ?? '').trim();
  if (v === '') return [];
  switch (kind) {
    case 'name':
      return bigrams(normaliseNameTokens(v).join(' '));
    case 'text':
      return bigrams(v.toLowerCase().replace(/\s+/g, ' '));
    case 'exact':
      return [v.toLowerCase()];
    case 'digits':
      return bigrams(v.replace(/\D+/g, ''));
    case 'date': {
      const p = dateParts(v);
      const out: string[] = [];
      if (p.y) out.push(`y:${p.y}`);
      if (p.m) out.push(`m:${p.m}`);
      if (p.d) out.push(`d:${p.d}`);
      return out;
    }
  }
}

function bigrams(s: string): string[] {
  if (s === '') return [];
  const padded = `_${s}_`;
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

type Mac = _HMAC<any>;

/** One field key: its HMAC state (keyed once, cloned per token) and the positions of tokens seen. */
interface FieldHasher {
  readonly mac: Mac;
  readonly positions: Map<string, Uint32Array>;
}

/** Bound on remembered token positions per part key (place and document bigrams, years as salts, grow with the data). */
const POSITION_CACHE_LIMIT = 50_000;

/** Encodes records to CLKs under one secret and one parameter set. Not safe to share across threads. */
export class ClkEncoder {
  readonly params: ClkParams;
  readonly keyCheck: string;
  /** m: bits of the Bloom filter before balancing. */
  private readonly m: number;
  /** Output bit j takes filter bit perm[j] (< m) or the complement of filter bit perm[j] - m. */
  private readonly perm: Uint16Array | Uint32Array;
  private readonly secret: Uint8Array;
  private readonly hashers = new Map<string, FieldHasher>();
  private scratch: Mac | undefined;
  private readonly digest = new Uint8Array(32);
  private readonly filter: Uint8Array;

  constructor(secret: Uint8Array, params: ClkParams = DEFAULT_CLK_PARAMS) {
    validateParams(params);
    if (secret.length < 16) throw new RangeError('CLK: the shared secret must be at least 16 bytes');
    this.params = params;
    this.secret = Uint8Array.from(secret);
    this.keyCheck = keyCheck(secret);
    this.m = params.bits / 2;
    this.filter = new Uint8Array(this.m);
    this.perm = keyedPermutation(deriveKey(secret, 'permutation'), params.bits);
  }

  private hasher(field: string, salt: string): FieldHasher {
    const id = `field=${field};salt=${salt}`;
    let h = this.hashers.get(id);
    if (!h) {
      h = { mac: hmac.create(sha256, deriveKey(this.secret, id)), positions: new Map() };
      this.hashers.set(id, h);
    }
    return h;
  }

  /**
   * The k filter positions of one token: HMAC-SHA256 under the field key, then double hashing.
   * Remembered per field key (bigrams repeat across records), which makes encoding several times faster;
   * the cache lives only in this encoder, next to the keys it was derived from.
   */
  private positions(h: FieldHasher, token: string, k: number): Uint32Array {
    let pos = h.positions.get(token);
    if (pos) return pos;
    const { m, digest } = this;
    const mac = (this.scratch = h.mac._cloneInto(this.scratch));
    mac.update(utf8ToBytes(token));
    mac.digestInto(digest);
    const h1 = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
    const h2 = ((digest[4]! << 24) | (digest[5]! << 16) | (digest[6]! << 8) | digest[7]! | 1) >>> 0;
    pos = new Uint32Array(k);
    for (let i = 0; i < k; i++) pos[i] = (h1 + i * h2) % m;
    if (h.positions.size >= POSITION_CACHE_LIMIT) h.positions.clear();
    h.positions.set(token, pos);
    return pos;
  }

  /** The balanced CLK of one record, as bits / 32 words. */
  encode(values: ClkValues): Uint32Array {
    const { m, filter, params } = this;
    filter.fill(0);
    const year = dateParts(values[params.birthDateField]).y ?? 'none';
    // Tokens per column and kind, computed once when several parts read one column.
    let last: { column: string; kind: ClkFieldKind; tokens: string[] } | undefined;
    for (const field of params.fields) {
      const column = field.column ?? field.name;
      const tokens =
        last && last.column === column && last.kind === field.kind
          ? last.tokens
          : fieldTokens(field.kind, values[column]);
      last = { column, kind: field.kind, tokens };
      if (tokens.length === 0) continue;
      const h = this.hasher(field.name, field.salt === 'birth-year' ? year : '-');
      for (const token of tokens) {
        const pos = this.positions(h, token, field.k);
        for (let i = 0; i < pos.length; i++) filter[pos[i]!] = 1;
      }
    }
    const out = new Uint32Array(params.bits / 32);
    const perm = this.perm;
    for (let j = 0; j < perm.length; j++) {
      const src = perm[j]!;
      const bit = src < m ? filter[src]! : 1 - filter[src - m]!;
      if (bit) out[j >>> 5]! |= 1 << (j & 31);
    }
    return out;
  }
}

/** A permutation of 0 .. n-1 from a keyed stream (Fisher-Yates; the modulo bias is below n / 2^32). */
function keyedPermutation(key: Uint8Array, n: number): Uint16Array | Uint32Array {
  const perm = n <= 65536 ? new Uint16Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let block = new Uint8Array(0);
  let offset = 32;
  let counter = 0;
  const counterBytes = new Uint8Array(4);
  const next = (): number => {
    if (offset >= 32) {
      counterBytes[0] = counter >>> 24;
      counterBytes[1] = counter >>> 16;
      counterBytes[2] = counter >>> 8;
      counterBytes[3] = counter;
      counter++;
      block = hmac(sha256, key, counterBytes);
      offset = 0;
    }
    const v =
      ((block[offset]! << 24) | (block[offset + 1]! << 16) | (block[offset + 2]! << 8) | block[offset + 3]!) >>> 0;
    offset += 4;
    return v;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm;
}
