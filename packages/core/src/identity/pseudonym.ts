import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A stable pseudonym for a person within one sharing domain (e.g. "national-statistics"): the
 * same person always gets the same pseudonym there, different domains cannot be joined, and
 * without the key it cannot be turned back into the person's id.
 */
export function pseudonym(key: Uint8Array, domain: string, id: string): string {
  return `p_${bytesToHex(hmac(sha256, key, utf8ToBytes(`pseudonym\x00${domain}\x00${id}`))).slice(0, 20)}`;
}
