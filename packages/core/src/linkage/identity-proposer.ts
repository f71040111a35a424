import type { Identity } from '../persons/identity.ts';
import { linkRecords, parseBirthDate, prepare, type PersonRecord } from './fellegi-sunter/index.ts';
import type { Agreement, LinkageReason, LinkageRecord, ProposedPair, SyncMatchProposer } from './types.ts';

export const IDENTITY_PROPOSER_ID = 'fellegi-sunter-identity';
// 2: place within nationality, exact-spelling name frequencies, estimate levels for birth dates (2026-11-29).
export const IDENTITY_PROPOSER_VERSION = 2;

export interface IdentityProposerOptions {
  /** Pairs with a match probability below this are not proposed. Default 0.5. */
  readonly minProbability?: number;
  readonly seed?: number;
}

/**
 * The Fellegi–Sunter linker over decrypted identities: given and family names (Jaro–Winkler, phonetic,
 * swapped, Khmer script romanised), the full birth date, sex, nationality, province and document number.
 * It sees identities only in the memory of the job that decrypted them (records' `identity`), and what it
 * returns holds none: person ids, a probability, and per-field agreement words with weights.
 *
 * A person named several ways (Khmer script and a romanisation, a passport spelling) is compared under
 * each name, and a pair of persons keeps its best-scoring pair of names. The names of one person are
 * never compared with each other (the linker's `source` is the person), so they do not teach the model
 * that names of one person differ.
 */
export function identityProposer(options: IdentityProposerOptions = {}): SyncMatchProposer {
  const settings = { minProbability: options.minProbability ?? 0.5, seed: options.seed ?? 1 };
  return {
    id: IDENTITY_PROPOSER_ID,
    version: IDENTITY_PROPOSER_VERSION,
    reads: 'identities',
    settings: Object.freeze({ ...settings }),
    propose(records) {
      const variants = records.flatMap(personRecordsOf);
      const prepared = variants.map(prepare);
      const result = linkRecords(prepared, { ...settings, crossSourceOnly: true });
      const best = new Map<string, { weight: number; i: number; j: number }>();
      for (let e = 0; e < result.pairs.i.length; e++) {
        const i = result.pairs.i[e]!;
        const j = result.pairs.j[e]!;
        const x = variants[i]!.source!;
        const y = variants[j]!.source!;
        const key = x < y ? `${x}|${y}` : `${y}|${x}`;
        const weight = result.pairs.weight[e]!;
        if ((best.get(key)?.weight ?? -Infinity) < weight) best.set(key, { weight, i, j });
      }
      const out: ProposedPair[] = [];
      for (const [key, { weight, i, j }] of best) {
        const [a, b] = key.split('|') as [string, string];
        const reasons: LinkageReason[] = result.explain(i, j).map((f) => ({
          field: f.field,
          agreement: agreementOf(f.level),
          weight: Math.round(f.weight * 100) / 100,
        }));
        out.push({ a, b, score: result.probability(weight), reasons });
      }
      return out.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
    },
  };
}

/**
 * What the linker compares of a person, once per name recorded (at least once): the name, the birth
 * date (or only the year), sex, nationality, province, the first document number. `source` is the person.
 */
export function personRecordsOf(r: LinkageRecord): PersonRecord[] {
  const id: Identity | null | undefined = r.identity;
  const base = {
    birthDate: readableDate(id?.dateOfBirth) ?? (r.birthYear === null ? null : String(r.birthYear)),
    sex: r.sex,
    nationality: r.nationality,
    place: r.province ?? null,
    documentNumber: id?.documents[0]?.number ?? null,
    source: r.personId,
  };
  const names = id?.names ?? [];
  if (names.length === 0) return [{ id: r.personId, ...base }];
  return names.map((n, k) => ({
    id: `${r.personId}#${k}`,
    givenName: n.given ?? null,
    familyName: n.family ?? null,
    fullName: n.full ?? null,
    ...base,
  }));
}

/**
 * A stored birth date the linker can read, or null: identities saved before dates were checked as
 * calendar dates may hold one that is not, and one such record must not fail every run.
 */
function readableDate(date: string | undefined): string | null {
  if (date === undefined) return null;
  try {
    parseBirthDate(date);
    return date;
  } catch {
    return null;
  }
}

/** A level in the reviewer's words. */
function agreementOf(level: string): Agreement {
  if (level === 'missing') return 'missing';
  if (level === 'exact') return 'exact';
  return level === 'else' ? 'differs' : 'compatible';
}
