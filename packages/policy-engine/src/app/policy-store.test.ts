import { silentLogger } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type PolicySettings } from './policy-settings.js';
import { PolicyStore } from './policy-store.js';
import type { PolicyEvents, PolicyRepository } from './ports.js';

class MemoryRepository implements PolicyRepository {
  stored: PolicySettings | undefined;
  /** Simulates another replica writing just before the next save. */
  raceOnce: ((p: PolicySettings) => PolicySettings) | undefined;

  async load() {
    return this.stored;
  }

  async save(p: PolicySettings, expected: number | undefined) {
    if (this.raceOnce && this.stored) {
      this.stored = this.raceOnce(this.stored);
      this.raceOnce = undefined;
    }
    if ((this.stored?.version ?? undefined) !== expected) return false;
    this.stored = p;
    return true;
  }
}

function events(): PolicyEvents & { sent: number[] } {
  const sent: number[] = [];
  return {
    sent,
    published: (p) => sent.push(p.version),
    subscribe: async () => async () => undefined,
  };
}

describe('PolicyStore', () => {
  it('stores the default on first start and announces each change after it is durable', async () => {
    const repo = new MemoryRepository();
    const ev = events();
    const store = await PolicyStore.open(repo, ev, silentLogger());
    expect(store.get()).toEqual(DEFAULT_POLICY);
    expect(repo.stored).toEqual(DEFAULT_POLICY);
    const seen: number[] = [];
    store.onChange((p) => seen.push(p.version));
    const p = await store.set({ name: 'balance' });
    expect(p).toMatchObject({ name: 'balance', version: 2 });
    expect(repo.stored).toEqual(p);
    expect(ev.sent).toEqual([2]);
    expect(seen).toEqual([2]);
  });

  it('applies a change on top of one another replica made meanwhile', async () => {
    const repo = new MemoryRepository();
    const store = await PolicyStore.open(repo, undefined, silentLogger());
    repo.raceOnce = (p) => ({ ...p, planConcurrency: 9, version: p.version + 1 });
    const p = await store.set({ name: 'profit' });
    expect(p).toMatchObject({ name: 'profit', planConcurrency: 9, version: 3 });
  });

  it('keeps the policy unchanged when a change is refused', async () => {
    const repo = new MemoryRepository();
    const store = await PolicyStore.open(repo, undefined, silentLogger());
    await expect(store.set({ name: 'nope' })).rejects.toMatchObject({ field: 'policy.name' });
    expect(store.get()).toEqual(DEFAULT_POLICY);
    expect((await store.set({ solver: 'heuristic' })).version).toBe(2);
  });
});
