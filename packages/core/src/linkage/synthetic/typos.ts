import type { Rng } from './rng.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One keying error in a Latin word: a letter inserted, deleted or replaced, or two adjacent letters
 * swapped. Upper case is kept where the replaced letter had it. Words of one letter are left alone.
 */
export function typo(rng: Rng, word: string): string {
  if (word.length < 2) return word;
  const k = rng.int(0, word.length - 1);
  const letter = () => {
    const c = rng.pick([...LETTERS]);
    return word[k] === word[k]!.toUpperCase() && word[k] !== word[k]!.toLowerCase() ? c.toUpperCase() : c;
  };
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, k) + letter() + word.slice(k);
    case 1:
      return word.length > 2 ? word.slice(0, k) + word.slice(k + 1) : word + letter();
    case 2: {
      let c = letter();
      for (let tries = 0; c.toLowerCase() === word[k]!.toLowerCase() && tries < 5; tries++) c = letter();
      return word.slice(0, k) + c + word.slice(k + 1);
    }
    default: {
      const at = Math.min(k, word.length - 2);
      if (word[at] === word[at + 1]) return word.slice(0, at) + word.slice(at + 1);
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    }
  }
}
