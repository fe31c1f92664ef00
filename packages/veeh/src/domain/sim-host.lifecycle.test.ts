import { describe, expect, it } from 'vitest';
import type { ReservoirError } from '@reservoir/runtime';
import type { Domain, DomainState } from './driver.js';
import type { SimHost } from './sim-host.js';
import { simHost, spec } from '../testing/fixtures.js';

/** A fresh host with domain "vm" brought into `state` by the operations that lead there. */
async function hostWith(state: DomainState): Promise<SimHost> {
  const { host } = simHost();
  if (state === 'incoming') {
    await host.prepareIncoming(spec('vm'), true);
    return host;
  }
  await host.create(spec('vm'));
  if (state === 'defined') return host;
  await host.start('vm');
  if (state === 'paused') host.pauseDomain('vm');
  if (state === 'suspended') await host.suspend('vm');
  if (state === 'shutoff') await host.shutdown('vm');
  if (state === 'crashed') host.crashDomain('vm');
  if (state === 'migrating') await host.beginOutgoing('vm', true);
  return host;
}

const STATES: DomainState[] = [
  'defined',
  'running',
  'paused',
  'suspended',
  'shutoff',
  'crashed',
  'incoming',
  'migrating',
];
type Outcome = DomainState | 'same' | 'refused' | 'gone';
const R = 'refused' as const;

// Written out by hand, independently of the driver's rule table: what each VHI operation does from each state.
const EXPECTED: Record<
  string,
  { run: (h: SimHost) => Promise<unknown>; from: Record<DomainState, Outcome> }
> = {
  start: {
    run: (h) => h.start('vm'),
    from: {
      defined: 'running',
      running: 'same',
      paused: R,
      suspended: R,
      shutoff: 'running',
      crashed: 'running',
      incoming: R,
      migrating: R,
    },
  },
  shutdown: {
    run: (h) => h.shutdown('vm'),
    from: {
      defined: 'same',
      running: 'shutoff',
      paused: R,
      suspended: R,
      shutoff: 'same',
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  'shutdown (hard)': {
    run: (h) => h.shutdown('vm', true),
    from: {
      defined: 'same',
      running: 'shutoff',
      paused: 'shutoff',
      suspended: 'shutoff',
      shutoff: 'same',
      crashed: 'shutoff',
      incoming: R,
      migrating: R,
    },
  },
  suspend: {
    run: (h) => h.suspend('vm'),
    from: {
      defined: R,
      running: 'suspended',
      paused: 'suspended',
      suspended: 'same',
      shutoff: R,
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  resume: {
    run: (h) => h.resume('vm'),
    from: {
      defined: R,
      running: 'same',
      paused: 'running',
      suspended: 'running',
      shutoff: R,
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  reboot: {
    run: (h) => h.reboot('vm'),
    from: {
      defined: R,
      running: 'same',
      paused: R,
      suspended: R,
      shutoff: R,
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  destroy: {
    run: (h) => h.destroy('vm'),
    from: {
      defined: 'gone',
      running: 'gone',
      paused: 'gone',
      suspended: 'gone',
      shutoff: 'gone',
      crashed: 'gone',
      incoming: 'gone',
      migrating: R,
    },
  },
  snapshot: {
    run: (h) => h.snapshot('vm', 's1'),
    from: {
      defined: 'same',
      running: 'same',
      paused: 'same',
      suspended: 'same',
      shutoff: 'same',
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  'resize (grow)': {
    run: (h) => h.resize('vm', { vcpus: 4 }),
    from: {
      defined: 'same',
      running: 'same',
      paused: R,
      suspended: R,
      shutoff: 'same',
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  attachNic: {
    run: (h) => h.attachNic('vm', { id: 'n1', networkId: 'net', ip: '', mac: '' }),
    from: {
      defined: 'same',
      running: 'same',
      paused: 'same',
      suspended: R,
      shutoff: 'same',
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  'live migration out': {
    run: (h) => h.beginOutgoing('vm', true),
    from: {
      defined: R,
      running: 'migrating',
      paused: R,
      suspended: R,
      shutoff: R,
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
  'cold migration out': {
    run: (h) => h.beginOutgoing('vm', false),
    from: {
      defined: 'migrating',
      running: 'migrating',
      paused: 'migrating',
      suspended: 'migrating',
      shutoff: 'migrating',
      crashed: R,
      incoming: R,
      migrating: R,
    },
  },
};

describe('sim host life cycle', () => {
  for (const [name, { run, from }] of Object.entries(EXPECTED)) {
    for (const state of STATES) {
      const outcome = from[state];
      it(`${name} from ${state}: ${outcome}`, async () => {
        const host = await hostWith(state);
        const before = { domains: await host.list(), usage: host.usage() };
        if (outcome === 'refused') {
          const err = (await run(host).catch((e: unknown) => e)) as ReservoirError;
          expect(err.code).toBe('FAILED_PRECONDITION');
          expect(err.message).toContain(`it is ${state}`);
          expect({ domains: await host.list(), usage: host.usage() }).toEqual(before);
          return;
        }
        await run(host);
        if (outcome === 'gone') {
          await expect(host.get('vm')).rejects.toMatchObject({ code: 'NOT_FOUND' });
          expect(host.usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
          return;
        }
        const after = await host.get('vm');
        expect(after.state).toBe(outcome === 'same' ? state : outcome);
      });
    }
  }

  it('names the current state and a way out when refusing', async () => {
    const host = await hostWith('paused');
    await expect(host.shutdown('vm')).rejects.toThrow(/it is paused .*use a hard shutdown/);
    await expect(host.start('vm')).rejects.toThrow(/resume it/);
  });

  it('answers NOT_FOUND for an unknown domain, and false when destroying one', async () => {
    const { host } = simHost();
    for (const call of [
      () => host.get('x'),
      () => host.start('x'),
      () => host.suspend('x'),
      () => host.resize('x', { vcpus: 2 }),
    ]) {
      await expect(call()).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'domain "x" not found on host h1',
      });
    }
    expect(await host.destroy('x')).toBe(false);
    expect(await host.abortIncoming('x')).toBe(false);
  });

  it('keeps the time a domain entered its state', async () => {
    const { host, clock } = simHost();
    await host.create(spec('vm'));
    await clock.advance(5_000);
    const running = await host.start('vm');
    expect(running.stateSinceMs).toBe(clock.now());
    await clock.advance(5_000);
    const again = await host.start('vm');
    const rebooted = await host.reboot('vm');
    expect(again.stateSinceMs).toBe(running.stateSinceMs);
    expect(rebooted.stateSinceMs).toBe(running.stateSinceMs);
  });
});

describe('idempotent retries', () => {
  it('create with the same spec returns the existing domain; a different spec is ALREADY_EXISTS', async () => {
    const { host } = simHost();
    const first = await host.create(spec('vm', 2, 4096, 10_240, { context: { a: '1', b: '2' } }));
    await host.start('vm');
    const again = await host.create(spec('vm', 2, 4096, 10_240, { context: { b: '2', a: '1' } }));
    expect(again.vmId).toBe(first.vmId);
    expect(again.state).toBe('running');
    expect(host.usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    await expect(host.create(spec('vm', 4))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('repeats of start, shutdown, suspend and resume answer the domain unchanged', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    const pairs: [() => Promise<Domain>, DomainState][] = [
      [() => host.start('vm'), 'running'],
      [() => host.resume('vm'), 'running'],
      [() => host.suspend('vm'), 'suspended'],
      [() => host.resume('vm'), 'running'],
      [() => host.shutdown('vm'), 'shutoff'],
      [() => host.shutdown('vm', true), 'shutoff'],
    ];
    for (const [call, state] of pairs) {
      const once = await call();
      const usage = host.usage();
      const twice = await call();
      expect(once.state).toBe(state);
      expect(twice).toEqual(once);
      expect(host.usage()).toEqual(usage);
    }
  });

  it('attach and detach, snapshot and delete are safe to repeat', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    const disk = { id: 'd1', imageId: 'img', format: 'qcow2', sizeMib: 2048, target: 'vdb' };
    await host.attachDisk('vm', disk);
    await host.attachDisk('vm', disk);
    expect(host.usage().used.diskMib).toBe(10_240 + 2048);
    await expect(host.attachDisk('vm', { ...disk, sizeMib: 1 })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    await host.detachDisk('vm', 'd1');
    await host.detachDisk('vm', 'd1');
    expect(host.usage().used.diskMib).toBe(10_240);
    await host.snapshot('vm', 's');
    expect((await host.snapshot('vm', 's')).snapshots).toEqual(['s']);
    await host.deleteSnapshot('vm', 's');
    expect((await host.deleteSnapshot('vm', 's')).snapshots).toEqual([]);
    await host.attachNic('vm', { id: 'n', networkId: 'net', ip: '10.0.0.2', mac: '' });
    await host.attachNic('vm', { id: 'n', networkId: 'net', ip: '10.0.0.2', mac: '' });
    expect((await host.get('vm')).spec.nics).toHaveLength(1);
    await host.detachNic('vm', 'n');
    expect((await host.detachNic('vm', 'n')).spec.nics).toHaveLength(0);
  });

  it('destroy twice: true then false', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    expect(await host.destroy('vm')).toBe(true);
    expect(await host.destroy('vm')).toBe(false);
  });

  it('prepareIncoming and the hand-over are safe to repeat', async () => {
    const { host } = simHost();
    await host.prepareIncoming(spec('vm'), true);
    await host.prepareIncoming(spec('vm'), true);
    expect(host.usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    await expect(host.prepareIncoming(spec('vm', 4), true)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(host.create(spec('vm'))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const image = {
      vmId: 'vm',
      live: true,
      sourceState: 'running' as const,
      snapshots: [],
      memoryImageMib: 4096,
    };
    expect((await host.completeIncoming(image)).state).toBe('running');
    expect((await host.completeIncoming(image)).state).toBe('running');
    await expect(host.abortIncoming('vm')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
  });
});
