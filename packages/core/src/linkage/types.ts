import type { Identity } from '../persons/identity.ts';

/**
 * Record linkage: which person records, made by different agencies (or twice by one), are one person.
 * The seam: a MatchProposer turns records into proposed pairs with reasons; people decide each pair in
 * the review queue; confirmed pairs are links, and clusters over the links give "one person, one count".
 * The deterministic proposer (deterministic.ts) is the first proposer; a probabilistic one replaces it
 * behind the same interface.
 */

/** What a proposer may know of a person record: blind indexes and statistical attributes, never a name. */
export interface LinkageRecord {
  readonly personId: string;
  /**
   * Blind indexes (truncated HMACs) of the record's folded name tokens, as stored in person_name_index:
   * one per token of every name and alias (and per joined pair of adjacent tokens), and one per whole
   * folded name. Values only: the proposer cannot tell which is which, nor read them.
   */
  readonly tokens: readonly string[];
  readonly birthYear: number | null;
  /** 'female' | 'male' | 'other'; 'unknown' and null both mean "not recorded". */
  readonly sex: string | null;
  /** ISO 3166-1 alpha-3, or null when not recorded. */
  readonly nationality: string | null;
  /**
   * The person's province (persons.province: where they come from, or the recording unit's when not
   * known); null or absent when not recorded.
   */
  readonly province?: string | null;
  /** The organisation that recorded the person (shown to reviewers; not a matching field). */
  readonly organisationId: string;
  /**
   * The decrypted identity, given only to a proposer that `reads: 'identities'`, in the memory of the
   * job that may decrypt it; never stored, logged or returned by a proposer.
   */
  readonly identity?: Identity | null;
}

/**
 * How one field compares: `exact` the same, `compatible` close enough to be the same person (e.g. a
 * birth year one apart when one is an estimate), `differs`, or `missing` on at least one side.
 */
export type Agreement = 'exact' | 'compatible' | 'differs' | 'missing';

/** One field's part in a pair's score: shown to the reviewer as the pair's explanation. */
export interface LinkageReason {
  /** 'name', 'birthYear', 'sex', 'nationality', 'province' for the deterministic proposer; others may add fields. */
  readonly field: string;
  readonly agreement: Agreement;
  /** What this field added to the score (0 when it added nothing). */
  readonly weight: number;
  /** For names: how many blind indexes the two records share, of how many the shorter one has. */
  readonly shared?: number;
  readonly of?: number;
}

export interface ProposedPair {
  /** Person ids, a < b (code-unit order). */
  readonly a: string;
  readonly b: string;
  /** 0..1: higher is more likely the same person. */
  readonly score: number;
  readonly reasons: readonly LinkageReason[];
}

/** The seam: anything that proposes pairs from linkage records, named and versioned for the audit trail. */
export interface MatchProposer {
  readonly id: string;
  readonly version: number;
  /** The settings that, with id and version, reproduce its output (stored with each run). */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  /** What it compares: blind indexes and attributes (the default), or decrypted identities as well. */
  readonly reads?: 'blind-indexes' | 'identities';
  /**
   * Pure: the same records give the same pairs, sorted by (a, b), each pair once, a !== b. May answer
   * later, so that a heavy proposer can compare in a worker thread while the server keeps answering.
   */
  propose(records: readonly LinkageRecord[]): ProposedPair[] | Promise<ProposedPair[]>;
}

/** A proposer that answers at once, in the caller's thread (scripts, tests and the worker itself use these). */
export interface SyncMatchProposer extends MatchProposer {
  propose(records: readonly LinkageRecord[]): ProposedPair[];
}

/** A pair of persons decided to be one (an active link), for clustering. */
export interface PersonLink {
  readonly a: string;
  readonly b: string;
}
