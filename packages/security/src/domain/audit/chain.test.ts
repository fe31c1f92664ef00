import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { ChainVerifier, GENESIS_HASH, entryHash, sealEntries } from './chain.js';
import { toAuditRecord, type AuditEntry, type AuditRecord } from './entry.js';

const T0 = 1_700_000_000_000;

function record(n: number, o: Partial<AuditRecord> = {}): AuditRecord {
  return toAuditRecord(
    {
      at: T0 + n,
      principal: 'user:alice@acme',
      organization: 'acme',
      action: 'vm.start',
      resource: { type: 'vm', id: `vm-${n}`, organization: 'acme' },
      decision: 'Permit',
      policy: 'rbac/org-admin',
      outcome: { status: 'ok', code: null },
      ...o,
    },
    T0,
  );
}

function verify(entries: readonly AuditEntry[], first = 1, prev: string | undefined = GENESIS_HASH) {
  const v = new ChainVerifier(first, prev);
  for (const e of entries) {
    const broken = v.push(e);
    if (broken) return broken;
  }
  return { checked: v.checked, head: v.head };
}

describe('canonical JSON', () => {
  it('does not depend on key order and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x', { d: 2.5, c: -1 }] })).toBe(
      '{"a":[true,null,"x",{"c":-1,"d":2.5}],"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('audit records', () => {
  it('fills nulls and the time, and names a bad field', () => {
    const r = toAuditRecord({ principal: 'anonymous', organization: 'acme', action: 'login' }, T0);
    expect(r).toEqual({
      at: T0,
      principal: 'anonymous',
      organization: 'acme',
      action: 'login',
      resource: null,
      decision: null,
      policy: null,
      obligations: [],
      outcome: null,
      requestId: null,
      detail: null,
    });
    const field = (d: object) => {
      try {
        toAuditRecord({ principal: 'p', organization: 'o', action: 'a', ...d }, T0);
      } catch (e) {
        if (isReservoirError(e)) return e.field;
      }
      return 'accepted';
    };
    expect(field({ decision: 'Maybe' })).toBe('entry.decision');
    expect(field({ outcome: { status: 'error', code: null } })).toBe('entry.outcome.code');
    expect(field({ detail: { x: Number.POSITIVE_INFINITY } })).toBe('entry.detail');
    expect(field({ action: '' })).toBe('entry.action');
    expect(field({ resource: { type: 'vm', id: 'vm-1' } })).toBe('accepted');
  });
});

describe('hash chain', () => {
  it('links each entry to the one before, from the genesis hash', () => {
    const entries = sealEntries(undefined, [record(1), record(2), record(3)]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(entries[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    const more = sealEntries({ seq: 3, hash: entries[2]?.hash as string }, [record(4)]);
    expect(more[0]).toMatchObject({ seq: 4, prevHash: entries[2]?.hash });
    expect(verify([...entries, ...more])).toEqual({ checked: 4, head: { seq: 4, hash: more[0]?.hash } });
  });

  it('hashes the canonical form, so a round trip through JSON keeps the hash', () => {
    const [e] = sealEntries(undefined, [record(1, { detail: { z: 1, a: { y: [1, 2], b: 'x' } } })]);
    const copy = JSON.parse(JSON.stringify(e)) as AuditEntry;
    const { hash, ...rest } = copy;
    expect(entryHash(rest)).toBe(hash);
  });

  it('finds an edited entry, a forged rehash and a removed entry', () => {
    const entries = sealEntries(
      undefined,
      [1, 2, 3, 4, 5].map((n) => record(n)),
    );
    const edited = entries.map((e) => (e.seq === 3 ? { ...e, decision: 'Deny' as const } : e));
    expect(verify(edited)).toEqual({ seq: 3, reason: 'hash' });
    // Rewriting the hash too moves the break to the next entry's link.
    const rehashed = edited.map((e) => {
      if (e.seq !== 3) return e;
      const { hash: _old, ...rest } = e;
      return { ...rest, hash: entryHash(rest) };
    });
    expect(verify(rehashed)).toEqual({ seq: 4, reason: 'link' });
    expect(verify(entries.filter((e) => e.seq !== 2))).toEqual({ seq: 2, reason: 'missing' });
    expect(verify(entries.slice(1))).toEqual({ seq: 1, reason: 'missing' });
  });

  it('verifies a range from a known predecessor', () => {
    const entries = sealEntries(
      undefined,
      [1, 2, 3, 4].map((n) => record(n)),
    );
    expect(verify(entries.slice(2), 3, entries[1]?.hash)).toMatchObject({ checked: 2 });
    expect(verify(entries.slice(2), 3, entries[0]?.hash)).toEqual({ seq: 3, reason: 'link' });
  });
});
