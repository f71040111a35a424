/** Bit counting and the Dice coefficient on CLKs held as Uint32Array words. */

export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export function popcount(words: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) n += popcount32(words[i]!);
  return n;
}

export function intersectionCount(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('CLK: lengths differ');
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32(a[i]! & b[i]!);
  return n;
}

/** 2 |A ∩ B| / (|A| + |B|); 0 when both are empty. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  const total = popcount(a) + popcount(b);
  return total === 0 ? 0 : (2 * intersectionCount(a, b)) / total;
}
