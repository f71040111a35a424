/**
 * One name as agencies write it: its usual Latin spelling first, then other spellings met in passports,
 * ministry registers and NGO files, and for Khmer names the Khmer script.
 */
export interface NameEntry {
  readonly latin: readonly [string, ...string[]];
  readonly khmer?: string;
}

export type WeightedNames = readonly (readonly [NameEntry, number])[];

export const latin = (...spellings: [string, ...string[]]): NameEntry => ({ latin: spellings });
export const khmer = (script: string, ...spellings: [string, ...string[]]): NameEntry => ({
  latin: spellings,
  khmer: script,
});

/** Names listed most common first, weighted by rank (Zipf-like) where real frequencies are not known. */
export const byRank = (entries: readonly NameEntry[], exponent = 1): WeightedNames =>
  entries.map((e, k) => [e, 1 / (k + 1) ** exponent] as const);
