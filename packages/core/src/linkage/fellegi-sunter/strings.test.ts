import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, soundex, withinOneEdit } from './strings.ts';

describe('jaroWinkler', () => {
  it('matches the published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
  });
  it('is 1 for equal strings, 0 with nothing in common or one side empty, and symmetric', () => {
    expect(jaroWinkler('sok', 'sok')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('dicksonx', 'dixon')).toBeCloseTo(jaroWinkler('dixon', 'dicksonx'), 12);
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or adjacent swap', () => {
    expect(withinOneEdit('19560409', '19560409')).toBe(true);
    expect(withinOneEdit('19560409', '19560403')).toBe(true);
    expect(withinOneEdit('19560409', '19650409')).toBe(true);
    expect(withinOneEdit('abc', 'abxc')).toBe(true);
    expect(withinOneEdit('abxc', 'abc')).toBe(true);
    expect(withinOneEdit('abc', 'ab')).toBe(true);
  });
  it('rejects two edits', () => {
    expect(withinOneEdit('19560409', '19560311')).toBe(false);
    expect(withinOneEdit('abc', 'a')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });
});

describe('soundex', () => {
  it('codes names as American Soundex', () => {
    expect(soundex('robert')).toBe('r163');
    expect(soundex('rupert')).toBe('r163');
    expect(soundex('ashcraft')).toBe('a261');
    expect(soundex('tymczak')).toBe('t522');
    expect(soundex('pfister')).toBe('p236');
    expect(soundex('lee')).toBe('l000');
    expect(soundex('')).toBe('');
  });
});
