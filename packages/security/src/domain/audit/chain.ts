// The hash chain over audit entries: each entry's hash covers its fields and the previous entry's
// hash, so editing or removing an entry breaks the chain at that point. Removing the newest
// entries is only visible against a head recorded elsewhere (see docs/security-identities.md).

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditEntry, AuditRecord } from './entry.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainHead {
  seq: number;
  hash: string;
}

export type BreakReason = 'missing' | 'hash' | 'link';

export interface ChainBreak {
  seq: number;
  reason: BreakReason;
}

/** SHA-256 (hex) of the canonical JSON of the entry without its hash (prevHash included). */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, prevHash, ...record } = entry;
  return createHash('sha256')
    .update(canonicalJson({ ...record, seq, prevHash }))
    .digest('hex');
}

/** Numbers and links records after head (undefined for an empty log). */
export function sealEntries(head: ChainHead | undefined, records: readonly AuditRecord[]): AuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return records.map((record) => {
    seq += 1;
    const unsealed = { ...record, seq, prevHash };
    const entry: AuditEntry = { ...unsealed, hash: entryHash(unsealed) };
    prevHash = entry.hash;
    return entry;
  });
}

/**
 * Checks entries as they stream by, in seq order: no seq skipped, each hash its content's, each
 * prevHash the hash before it. Returns the first break; later entries are not looked at.
 */
export class ChainVerifier {
  #nextSeq: number;
  #prevHash: string | undefined;
  #checked = 0;

  /** prevHash undefined: trust the first entry's link (verifying a range whose predecessor is unknown). */
  constructor(firstSeq: number, prevHash: string | undefined) {
    this.#nextSeq = firstSeq;
    this.#prevHash = prevHash;
  }

  get checked(): number {
    return this.#checked;
  }

  /** The hash of the last entry accepted. */
  get head(): ChainHead | undefined {
    return this.#prevHash === undefined || this.#checked === 0
      ? undefined
      : { seq: this.#nextSeq - 1, hash: this.#prevHash };
  }

  push(entry: AuditEntry): ChainBreak | undefined {
    if (entry.seq !== this.#nextSeq) return { seq: this.#nextSeq, reason: 'missing' };
    const { hash, ...unsealed } = entry;
    if (entryHash(unsealed) !== hash) return { seq: entry.seq, reason: 'hash' };
    if (this.#prevHash !== undefined && entry.prevHash !== this.#prevHash)
      return { seq: entry.seq, reason: 'link' };
    this.#checked += 1;
    this.#nextSeq = entry.seq + 1;
    this.#prevHash = hash;
    return undefined;
  }
}
