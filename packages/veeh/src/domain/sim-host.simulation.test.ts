import { describe, expect, it } from 'vitest';
import { LATENCY_PROFILES } from './latency.js';
import { LOAD_PERIOD_MS } from './load-model.js';
import { simHost, spec } from '../testing/fixtures.js';
import { ManualClock } from '../testing/manual-clock.js';

async function outcomes(run: () => Promise<unknown>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    out.push(
      await run().then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    );
  return out;
}

describe('failure injection', () => {
  it('fails the next N matching operations, changing nothing', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    host.inject({ op: 'start', count: 2 });
    expect(await outcomes(() => host.start('vm'), 3)).toEqual(['UNAVAILABLE', 'UNAVAILABLE', 'ok']);
    host.inject({ op: 'suspend', error: 'INTERNAL' });
    await expect(host.suspend('vm')).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'injected fault: suspend on host h1',
    });
    expect((await host.get('vm')).state).toBe('running');
    host.inject({ op: '*', count: 1 });
    await expect(host.get('vm')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(host.get('vm')).resolves.toMatchObject({ state: 'running' });
  });

  it('fails a seeded-random share, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const { host } = simHost({}, { seed });
      await host.create(spec('vm'));
      host.inject({ op: 'get', probability: 0.3 });
      return outcomes(() => host.get('vm'), 200);
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    const failures = a.filter((x) => x !== 'ok').length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });

  it('with count and probability, stops after count failures; clearFaults ends all rules', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    host.inject({ op: 'get', probability: 0.5, count: 3 });
    const out = await outcomes(() => host.get('vm'), 100);
    expect(out.filter((x) => x !== 'ok')).toHaveLength(3);
    host.inject({ op: 'get', probability: 1 });
    await expect(host.get('vm')).rejects.toBeDefined();
    host.clearFaults();
    await expect(host.get('vm')).resolves.toBeDefined();
    expect(() => host.inject({ op: 'get', probability: 2 })).toThrow(/probability/);
  });

  it("phase 'after' applies the operation but loses the reply, so the retry must be idempotent", async () => {
    const { host } = simHost();
    host.inject({ op: 'create', phase: 'after' });
    await expect(host.create(spec('vm'))).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: /reply lost/,
    });
    expect((await host.create(spec('vm'))).state).toBe('defined');
    expect(host.usage().used.diskMib).toBe(10_240);
  });

  it('a silent host answers UNAVAILABLE to everything until it speaks again', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    await host.start('vm');
    host.setReachable(false);
    for (const call of [
      () => host.get('vm'),
      () => host.shutdown('vm'),
      () => host.status(),
      () => host.destroy('vm'),
      () => host.list(),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: 'host h1 is not answering',
      });
    }
    host.setReachable(true);
    expect((await host.get('vm')).state).toBe('running');
  });

  it('a crashed domain releases compute and memory and can be started again', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    await host.start('vm');
    expect(host.crashDomain('vm').state).toBe('crashed');
    expect(host.usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 10_240 });
    expect(() => host.crashDomain('nope')).toThrow(/not found/);
    expect((await host.start('vm')).state).toBe('running');
  });
});

describe('latencies', () => {
  it('each operation takes its configured time on the injected clock', async () => {
    const clock = new ManualClock();
    const { host } = simHost(
      {},
      { clock, latencies: { ops: { create: 100, start: 800 }, migrationTimeScale: 0 } },
    );
    let done = false;
    const creating = host.create(spec('vm')).then(() => (done = true));
    await clock.advance(99);
    expect(done).toBe(false);
    await clock.advance(1);
    await creating;
    expect(done).toBe(true);
    const starting = host.start('vm');
    await clock.advance(800);
    expect((await starting).stateSinceMs).toBe(clock.now());
    expect(clock.sleeping).toBe(0);
  });

  it('concurrent operations never overbook: the check happens when each takes effect', async () => {
    const clock = new ManualClock();
    const { host } = simHost({}, { clock, latencies: LATENCY_PROFILES.realistic });
    const creates = Promise.all([host.create(spec('a', 2, 10_000)), host.create(spec('b', 2, 10_000))]);
    await clock.advance(1500);
    await creates;
    const starts = Promise.allSettled([host.start('a'), host.start('b')]);
    await clock.advance(800);
    const results = await starts;
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(host.usage().used.memoryMib).toBe(10_000);
  });
});

describe('monitoring', () => {
  async function loaded(seed: number, clock = new ManualClock()) {
    const { host } = simHost({ cores: 16, memoryMib: 65_536 }, { seed, clock });
    for (const [i, vm] of ['a', 'b', 'c', 'd'].entries()) {
      await host.create(spec(vm, 1 + i, 2048 * (i + 1)));
      if (vm !== 'd') await host.start(vm);
    }
    host.pauseDomain('c');
    return host;
  }

  it('is deterministic for a seed and a clock, and sums its domains', async () => {
    const clock = new ManualClock();
    const a = await (await loaded(42, clock)).status();
    const b = await (await loaded(42, clock)).status();
    expect(a).toEqual(b);
    const other = await (await loaded(43, clock)).status();
    expect(other.domains.map((d) => d.cpuUsedPercent)).not.toEqual(a.domains.map((d) => d.cpuUsedPercent));

    const sum = (f: (d: (typeof a.domains)[number]) => number) => a.domains.reduce((s, d) => s + f(d), 0);
    expect(a.cpuUsedPercent).toBeCloseTo(
      sum((d) => d.cpuUsedPercent),
      5,
    );
    expect(a.memoryUsedMib).toBe(sum((d) => d.memoryUsedMib));
    expect(a.allocated).toEqual({ vcpus: 1 + 2 + 3, memoryMib: 2048 * 6, diskMib: 4 * 10_240 });
    expect(a.reachable).toBe(true);

    const byVm = new Map(a.domains.map((d) => [d.vmId, d]));
    for (const vm of ['a', 'b']) {
      const d = byVm.get(vm)!;
      expect(d.cpuUsedPercent).toBeGreaterThan(0);
      expect(d.cpuUsedPercent).toBeLessThanOrEqual(d.spec.resources.vcpus * 100);
      expect(d.memoryUsedMib).toBeGreaterThan(0);
      expect(d.memoryUsedMib).toBeLessThanOrEqual(d.spec.resources.memoryMib);
    }
    expect(byVm.get('c')).toMatchObject({ state: 'paused', cpuUsedPercent: 0 });
    expect(byVm.get('c')!.memoryUsedMib).toBeGreaterThan(0);
    expect(byVm.get('d')).toMatchObject({ state: 'defined', cpuUsedPercent: 0, memoryUsedMib: 0 });
  });

  it('changes once per sampling period', async () => {
    const clock = new ManualClock(0);
    const host = await loaded(1, clock);
    const first = await host.status();
    await clock.advance(LOAD_PERIOD_MS - 1);
    expect(await host.status()).toEqual(first);
    await clock.advance(1);
    const next = await host.status();
    expect(next.domains.map((d) => d.cpuUsedPercent)).not.toEqual(first.domains.map((d) => d.cpuUsedPercent));
  });
});
