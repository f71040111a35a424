import { InputError, assertCompatible, linkTwo } from '@ctis/core';
import { logger, parseThreshold, readEncodings, writePairs } from './linkage-pprl.ts';

export interface LinkageMatchOptions {
  a: string;
  b: string;
  out: string;
  threshold?: string;
  quiet?: boolean;
}

/**
 * `ctis linkage match --a enc-a --b enc-b --out pairs.csv [--threshold d]`: links two parties'
 * encodings one-to-one by Dice similarity (all pairs, no blocking) and writes
 * record_id_a,record_id_b,dice. Without --threshold the threshold is chosen from the scores. Files
 * made with different secrets or parameters are refused: they would silently match nothing.
 */
export async function linkageMatch(opts: LinkageMatchOptions): Promise<void> {
  const log = logger(opts.quiet);
  const threshold = parseThreshold(opts.threshold);
  const started = performance.now();
  const a = await readEncodings(opts.a, '--a', log);
  const b = await readEncodings(opts.b, '--b', log);
  try {
    assertCompatible(a.header, b.header, [opts.a, opts.b]);
  } catch (err) {
    throw new InputError('--b', (err as Error).message);
  }
  const r = linkTwo(a.clks, b.clks, { threshold, onProgress: log });
  await writePairs(opts.out, a.ids, b.ids, r.pairs);
  log(
    `${r.pairs.length} pairs linked one-to-one at Dice ${r.threshold}${r.chosen ? ' (chosen from the scores)' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s; wrote ${opts.out}`,
  );
}
