import { describe, expect, it } from 'vitest';
import { pseudonym } from './pseudonym.ts';

const key = new Uint8Array(32).fill(9);

describe('pseudonyms', () => {
  it('are stable within a domain, differ across domains and keys, and hide the id', () => {
    const id = '0190b7a4-0000-7000-8000-000000000001';
    expect(pseudonym(key, 'national', id)).toBe(pseudonym(key, 'national', id));
    expect(pseudonym(key, 'national', id)).not.toBe(pseudonym(key, 'ngo-export', id));
    expect(pseudonym(new Uint8Array(32).fill(1), 'national', id)).not.toBe(pseudonym(key, 'national', id));
    expect(pseudonym(key, 'national', id)).toMatch(/^p_[0-9a-f]{20}$/);
    expect(pseudonym(key, 'national', id)).not.toContain('0190b7a4');
  });
});
