// The audit log (SEC-6): every decision and mutation appended to one hash chain. Appends issued
// together are written together (one transaction, one lock) so an interceptor can append per call
// without a commit per call; verifyChain recomputes the chain and names the first broken entry.

import { errors } from '@reservoir/runtime';
import {
  ChainVerifier,
  GENESIS_HASH,
  toAuditRecord,
  type AuditDraft,
  type AuditEntry,
  type AuditRecord,
  type BreakReason,
  type ChainHead,
} from '../domain/audit/index.js';
import type { AuditFilter, AuditStore } from './ports.js';

export interface AuditLogOptions {
  store: AuditStore;
  clock?: () => number;
  /** Most entries written in one transaction; default 500. */
  maxBatch?: number;
  /** Entries read per query while verifying; default 1000. */
  verifyPageSize?: number;
}

export interface ChainReport {
  ok: boolean;
  /** The range verified. */
  from: number;
  to: number;
  /** Entries found intact before the first break (all of them when ok). */
  checked: number;
  /** The first entry that was edited (reason "hash" or "link") or is missing ("missing"). */
  firstBroken?: number;
  reason?: BreakReason;
  /** The last intact entry: record it elsewhere to detect later removal of the newest entries. */
  head?: ChainHead;
}

interface Pending {
  record: AuditRecord;
  resolve(entry: AuditEntry): void;
  reject(e: unknown): void;
}

export class AuditLog {
  readonly #store: AuditStore;
  readonly #clock: () => number;
  readonly #maxBatch: number;
  readonly #pageSize: number;
  #queue: Pending[] = [];
  #draining: Promise<void> | undefined;

  constructor(options: AuditLogOptions) {
    this.#store = options.store;
    this.#clock = options.clock ?? Date.now;
    this.#maxBatch = options.maxBatch ?? 500;
    this.#pageSize = options.verifyPageSize ?? 1000;
  }

  /**
   * Appends one entry; resolves once it is durable, with its seq and hash. Entries appended in
   * the same turn of the event loop share a transaction. INVALID_ARGUMENT for a bad draft.
   */
  append(draft: AuditDraft): Promise<AuditEntry> {
    let record: AuditRecord;
    try {
      record = toAuditRecord(draft, this.#clock());
    } catch (e) {
      return Promise.reject(e);
    }
    return new Promise<AuditEntry>((resolve, reject) => {
      this.#queue.push({ record, resolve, reject });
      this.#drain();
    });
  }

  /** Appends a batch in one transaction, in order: all of it or none. */
  async appendAll(drafts: readonly AuditDraft[]): Promise<AuditEntry[]> {
    const now = this.#clock();
    const records = drafts.map((d, i) => toAuditRecord(d, now, `entries[${i}]`));
    return this.#store.appendAudit(records);
  }

  /** Resolves when every entry appended so far is durable (or has failed). */
  async flush(): Promise<void> {
    while (this.#draining) await this.#draining;
  }

  query(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    return this.#store.auditEntries(filter);
  }

  head(): Promise<ChainHead | undefined> {
    return this.#store.auditHead();
  }

  /**
   * Recomputes the chain over seq from..to (default: all of it): every entry's hash, every link to
   * its predecessor, no seq missing. Reports the first broken seq.
   */
  async verifyChain(from = 1, to?: number): Promise<ChainReport> {
    if (!Number.isSafeInteger(from) || from < 1) throw errors.invalid('from', 'must be a seq, 1 or more');
    if (to !== undefined && (!Number.isSafeInteger(to) || to < from)) {
      throw errors.invalid('to', 'must be a seq not below from');
    }
    const head = await this.#store.auditHead();
    const last = Math.min(to ?? Number.MAX_SAFE_INTEGER, head?.seq ?? 0);
    if (last < from) return { ok: true, from, to: last, checked: 0 };
    let prevHash: string | undefined = GENESIS_HASH;
    if (from > 1) {
      prevHash = (await this.#store.auditRange(from - 1, from - 1, 1))[0]?.hash;
      if (prevHash === undefined)
        return { ok: false, from, to: last, checked: 0, firstBroken: from - 1, reason: 'missing' };
    }
    const verifier = new ChainVerifier(from, prevHash);
    for (let next = from; next <= last;) {
      const page = await this.#store.auditRange(next, last, this.#pageSize);
      if (page.length === 0) return this.#report(from, last, verifier, next, 'missing');
      for (const entry of page) {
        const broken = verifier.push(entry);
        if (broken) return this.#report(from, last, verifier, broken.seq, broken.reason);
      }
      next = (page.at(-1) as AuditEntry).seq + 1;
    }
    return { ok: true, from, to: last, checked: verifier.checked, head: verifier.head };
  }

  #report(from: number, to: number, v: ChainVerifier, seq: number, reason: BreakReason): ChainReport {
    return { ok: false, from, to, checked: v.checked, firstBroken: seq, reason, head: v.head };
  }

  #drain(): void {
    if (this.#draining) return;
    this.#draining = this.#writeQueued().finally(() => {
      this.#draining = undefined;
      // Entries queued after the last batch was taken, before this callback ran.
      if (this.#queue.length > 0) this.#drain();
    });
  }

  async #writeQueued(): Promise<void> {
    // Let the callers of this turn queue their entries first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      try {
        const entries = await this.#store.appendAudit(batch.map((p) => p.record));
        batch.forEach((p, i) => p.resolve(entries[i] as AuditEntry));
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
  }
}
