import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical.ts';

/** The fields of an audit row that its hash commits to. Never an identity value. */
export interface AuditFields {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorOrganisationId: string | null;
  readonly action: string;
  readonly resourceType: string | null;
  readonly resourceId: string | null;
  readonly outcome: 'allowed' | 'denied' | 'error';
  readonly rule: string | null;
  readonly reason: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditRow extends AuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Each row commits to the previous row's hash and to its own sequence number. */
export function auditRowHash(prevHash: string, fields: AuditFields): string {
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonicalJson(fields)}`)));
}

export type ChainVerdict =
  | { readonly ok: true; readonly rows: number; readonly headSeq: number; readonly headHash: string }
  | { readonly ok: false; readonly firstBadSeq: number; readonly problem: string };

/**
 * Streaming verifier: feed rows in ascending seq order. Detects edited rows (hash mismatch),
 * deleted rows (seq gap or broken link) and re-ordered rows (seq out of order or broken link).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private failure: ChainVerdict | null = null;

  push(row: AuditRow): boolean {
    if (this.failure) return false;
    const fail = (problem: string): boolean => {
      this.failure = { ok: false, firstBadSeq: Math.min(row.seq, this.expectedSeq), problem };
      return false;
    };
    if (row.seq !== this.expectedSeq) {
      return fail(`expected sequence ${this.expectedSeq} but found ${row.seq} (row deleted or re-ordered)`);
    }
    if (row.prevHash !== this.prevHash) return fail(`row ${row.seq} does not link to the row before it`);
    const { prevHash: _p, hash, ...fields } = row;
    if (auditRowHash(row.prevHash, fields) !== hash) return fail(`row ${row.seq} was edited (hash mismatch)`);
    this.prevHash = hash;
    this.expectedSeq += 1;
    return true;
  }

  /** The hash of the last verified row, for checking a checkpoint against it. */
  hashAt(): { seq: number; hash: string } {
    return { seq: this.expectedSeq - 1, hash: this.prevHash };
  }

  result(): ChainVerdict {
    if (this.failure) return this.failure;
    return { ok: true, rows: this.expectedSeq - 1, headSeq: this.expectedSeq - 1, headHash: this.prevHash };
  }
}
