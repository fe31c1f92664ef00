import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from './host.js';
import type { Resources } from './resources.js';
import {
  placeVm,
  rank,
  rejectHost,
  rejectionText,
  unsuitable,
  type HostView,
  type PlacementRequest,
  type RankPolicy,
} from './scheduler.js';
import { testHost } from '../testing/fixtures.js';

const NO_USE: Resources = { vcpus: 0, memoryMib: 0, diskMib: 0 };

interface ViewOptions {
  used?: Partial<Resources>;
  runningVms?: number;
  host?: Partial<Omit<Host, 'profile'>> & { profile?: Partial<Host['profile']> };
}

function view(id: string, o: ViewOptions = {}): HostView {
  const { profile, ...host } = o.host ?? {};
  return {
    host: testHost(id, {
      name: `${id}-name`,
      capacity: { vcpus: 8, memoryMib: 16_384, diskMib: 100_000 },
      ...host,
      profile: { hypervisorVersion: '8.0', maxVcpusPerVm: 64, maxMemoryMibPerVm: 1_048_576, ...profile },
    }),
    used: { ...NO_USE, ...o.used },
    runningVms: o.runningVms ?? 0,
  };
}

function request(o: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    vmId: 'vm-1',
    demand: { vcpus: 1, memoryMib: 1024, diskMib: 1000 },
    diskFormat: 'qcow2',
    requirements: {},
    ...o,
  };
}

function reasonOf(req: PlacementRequest, hosts: HostView[], policy: RankPolicy = 'packing'): string {
  const r = placeVm(req, hosts, policy);
  if (r.ok) throw new Error(`expected no placement, got ${r.hostId}`);
  return r.reason;
}

function chosen(req: PlacementRequest, hosts: HostView[], policy: RankPolicy = 'packing'): string {
  const r = placeVm(req, hosts, policy);
  if (!r.ok) throw new Error(`expected a placement, got: ${r.reason}`);
  return r.hostId;
}

describe('host state filter', () => {
  it.each([
    ['disabled', 'monitored'],
    ['maintenance', 'monitored'],
    ['enabled', 'init'],
    ['enabled', 'error'],
  ] as const)('rejects a host that is %s and %s', (admin, health) => {
    const v = view('h1', { host: { admin, health } });
    expect(rejectHost(request(), v)).toBe('state');
    expect(reasonOf(request(), [v])).toBe('no host fits: not enabled or not monitored on 1 host');
  });

  it('accepts an enabled, monitored host', () => {
    expect(rejectHost(request(), view('h1'))).toBeUndefined();
  });
});

describe('requirements filter', () => {
  const labelled = view('h1', { host: { labels: { zone: 'a', gpu: 'yes' } } });

  it('accepts when every label matches', () => {
    expect(rejectHost(request({ requirements: { zone: 'a', gpu: 'yes' } }), labelled)).toBeUndefined();
  });

  it('rejects a different value or a missing label', () => {
    expect(rejectHost(request({ requirements: { zone: 'b' } }), labelled)).toBe('label');
    expect(rejectHost(request({ requirements: { zone: 'a', rack: '1' } }), labelled)).toBe('label');
    expect(reasonOf(request({ requirements: { zone: 'b' } }), [labelled])).toBe(
      'no host fits: requirements not matched on 1 host',
    );
  });

  it('matches "hypervisor" against the capability profile, not the labels', () => {
    const xen = view('h2', { host: { profile: { hypervisor: 'xen' }, labels: { hypervisor: 'kvm' } } });
    expect(rejectHost(request({ requirements: { hypervisor: 'xen' } }), xen)).toBeUndefined();
    expect(rejectHost(request({ requirements: { hypervisor: 'kvm' } }), xen)).toBe('label');
  });

  it('matches "host" against the host name, not its id or labels', () => {
    const h = view('h3', { host: { name: 'node-3', labels: { host: 'other' } } });
    expect(rejectHost(request({ requirements: { host: 'node-3' } }), h)).toBeUndefined();
    expect(rejectHost(request({ requirements: { host: 'h3' } }), h)).toBe('label');
    expect(rejectHost(request({ requirements: { host: 'other' } }), h)).toBe('label');
  });
});

describe('hypervisor limits per VM', () => {
  const small = view('h1', {
    host: {
      profile: { maxVcpusPerVm: 4, maxMemoryMibPerVm: 4096 },
      capacity: { vcpus: 64, memoryMib: 65_536, diskMib: 100_000 },
    },
  });

  it('accepts a VM exactly at the limits', () => {
    expect(rejectHost(request({ demand: { vcpus: 4, memoryMib: 4096, diskMib: 0 } }), small)).toBeUndefined();
  });

  it('rejects more vCPUs than the family allows in one VM', () => {
    const req = request({ demand: { vcpus: 5, memoryMib: 1024, diskMib: 0 } });
    expect(rejectHost(req, small)).toBe('vcpus-limit');
    expect(reasonOf(req, [small])).toBe('no host fits: vCPUs above the hypervisor limit per VM on 1 host');
  });

  it('rejects more memory than the family allows in one VM', () => {
    const req = request({ demand: { vcpus: 1, memoryMib: 4097, diskMib: 0 } });
    expect(rejectHost(req, small)).toBe('memory-limit');
    expect(reasonOf(req, [small])).toBe('no host fits: memory above the hypervisor limit per VM on 1 host');
  });

  it('treats a limit of 0 as no limit', () => {
    const unlimited = view('h2', {
      host: {
        profile: { maxVcpusPerVm: 0, maxMemoryMibPerVm: 0 },
        capacity: { vcpus: 512, memoryMib: 1 << 22, diskMib: 1000 },
      },
    });
    expect(
      rejectHost(request({ demand: { vcpus: 500, memoryMib: 1 << 21, diskMib: 0 } }), unlimited),
    ).toBeUndefined();
  });
});

describe('disk format filter', () => {
  it('rejects an image format the hypervisor cannot read', () => {
    const hyperv = view('h1', { host: { profile: { hypervisor: 'hyperv', diskFormats: ['vhdx'] } } });
    expect(rejectHost(request({ diskFormat: 'qcow2' }), hyperv)).toBe('format');
    expect(rejectHost(request({ diskFormat: 'vhdx' }), hyperv)).toBeUndefined();
    expect(reasonOf(request({ diskFormat: 'vmdk' }), [hyperv])).toBe(
      'no host fits: disk format not supported on 1 host',
    );
  });

  it('does not filter a VM without an image', () => {
    expect(
      rejectHost(request({ diskFormat: '' }), view('h1', { host: { profile: { diskFormats: [] } } })),
    ).toBeUndefined();
  });
});

describe('capacity filter', () => {
  const cases = [
    ['vcpus', 'CPU', { vcpus: 6 }, { vcpus: 2 }, { vcpus: 3 }],
    ['memoryMib', 'memory', { memoryMib: 12_288 }, { memoryMib: 4096 }, { memoryMib: 4097 }],
    ['diskMib', 'disk', { diskMib: 90_000 }, { diskMib: 10_000 }, { diskMib: 10_001 }],
  ] as const;

  it.each(cases)(
    'with no overcommit, %s fits exactly up to capacity and not one unit more',
    (key, name, used, fits, tooMuch) => {
      const v = view('h1', { used });
      expect(rejectHost(request({ demand: { ...NO_USE, ...fits } }), v)).toBeUndefined();
      expect(rejectHost(request({ demand: { ...NO_USE, ...tooMuch } }), v)).toBe(key);
      expect(reasonOf(request({ demand: { ...NO_USE, ...tooMuch } }), [v])).toBe(
        `no host fits: not enough free ${name} on 1 host`,
      );
    },
  );

  it('multiplies CPU capacity by a cpu overcommit of 4.0', () => {
    const v = view('h1', { host: { overcommit: { cpu: 4, memory: 1, disk: 1 } }, used: { vcpus: 30 } });
    expect(rejectHost(request({ demand: { vcpus: 2, memoryMib: 0, diskMib: 0 } }), v)).toBeUndefined();
    expect(rejectHost(request({ demand: { vcpus: 3, memoryMib: 0, diskMib: 0 } }), v)).toBe('vcpus');
    // The CPU ratio does not stretch memory.
    expect(
      rejectHost(
        request({ demand: { vcpus: 1, memoryMib: 16_385, diskMib: 0 } }),
        view('h2', { host: { overcommit: { cpu: 4, memory: 1, disk: 1 } } }),
      ),
    ).toBe('memoryMib');
  });

  it('rounds a fractional overcommit limit down', () => {
    // 16384 × 1.5 = 24576; 7 × 1.5 = 10.5 → 10.
    const v = view('h1', {
      host: {
        capacity: { vcpus: 7, memoryMib: 16_384, diskMib: 1000 },
        overcommit: { cpu: 1.5, memory: 1.5, disk: 1 },
      },
    });
    expect(rejectHost(request({ demand: { vcpus: 10, memoryMib: 24_576, diskMib: 0 } }), v)).toBeUndefined();
    expect(rejectHost(request({ demand: { vcpus: 11, memoryMib: 1, diskMib: 0 } }), v)).toBe('vcpus');
    expect(rejectHost(request({ demand: { vcpus: 1, memoryMib: 24_577, diskMib: 0 } }), v)).toBe('memoryMib');
  });

  it('reports the first resource that is short, in CPU, memory, disk order', () => {
    const full = view('h1', { used: { vcpus: 8, memoryMib: 16_384, diskMib: 100_000 } });
    expect(rejectHost(request(), full)).toBe('vcpus');
  });
});

describe('filter order', () => {
  it('reports state before requirements, requirements before limits, limits before capacity', () => {
    const req = request({ requirements: { zone: 'x' }, demand: { vcpus: 40, memoryMib: 1, diskMib: 0 } });
    expect(rejectHost(req, view('h1', { host: { admin: 'disabled' } }))).toBe('state');
    expect(rejectHost(req, view('h1', { host: { profile: { maxVcpusPerVm: 4 } } }))).toBe('label');
    expect(
      rejectHost({ ...req, requirements: {} }, view('h1', { host: { profile: { maxVcpusPerVm: 4 } } })),
    ).toBe('vcpus-limit');
    expect(rejectHost({ ...req, requirements: {} }, view('h1'))).toBe('vcpus');
  });
});

describe('rank policies', () => {
  it('packing picks the fullest host that still fits', () => {
    const hosts = [
      view('a', { used: { vcpus: 2 } }),
      view('b', { used: { vcpus: 6 } }),
      view('c', { used: { vcpus: 4 } }),
    ];
    expect(chosen(request(), hosts, 'packing')).toBe('b');
  });

  it('packing skips a fuller host the VM does not fit on', () => {
    const hosts = [
      view('a', { used: { vcpus: 2 } }),
      view('b', { used: { vcpus: 8 } }),
      view('c', { used: { vcpus: 4 } }),
    ];
    expect(chosen(request(), hosts, 'packing')).toBe('c');
  });

  it('packing measures fullness by the tightest of CPU and memory, relative to the overcommitted size', () => {
    // a: 25 % CPU, 75 % memory; b: 50 % CPU, 10 % memory; c: 6/32 of a 4× overcommitted CPU = 19 %.
    const hosts = [
      view('a', { used: { vcpus: 2, memoryMib: 12_288 } }),
      view('b', { used: { vcpus: 4, memoryMib: 1638 } }),
      view('c', { used: { vcpus: 6 }, host: { overcommit: { cpu: 4, memory: 1, disk: 1 } } }),
    ];
    expect(rank('packing', hosts[0]!)).toBeCloseTo(0.75);
    expect(rank('packing', hosts[2]!)).toBeCloseTo(6 / 32);
    expect(chosen(request(), hosts, 'packing')).toBe('a');
  });

  it('striping picks the host with the fewest VMs', () => {
    const hosts = [
      view('a', { runningVms: 3 }),
      view('b', { runningVms: 1, used: { vcpus: 7 } }),
      view('c', { runningVms: 2 }),
    ];
    expect(chosen(request(), hosts, 'striping')).toBe('b');
  });

  it('load-aware picks the most measured free CPU', () => {
    const hosts = [
      // Free CPU in ONE's units (100 per CPU): a 800 − 500 = 300, b 400 − 100 = 300, c 800 − 350 = 450.
      view('a', { host: { cpuUsedPercent: 500 } }),
      view('b', {
        host: { cpuUsedPercent: 100, capacity: { vcpus: 4, memoryMib: 16_384, diskMib: 100_000 } },
      }),
      view('c', { host: { cpuUsedPercent: 350 } }),
    ];
    expect(chosen(request(), hosts, 'load-aware')).toBe('c');
  });

  it('load-aware breaks ties between unmeasured hosts by allocated CPU', () => {
    const hosts = [
      view('a', { used: { vcpus: 4 } }),
      view('b', { used: { vcpus: 1 } }),
      view('c', { used: { vcpus: 2 } }),
    ];
    expect(chosen(request(), hosts, 'load-aware')).toBe('b');
  });

  it.each(['packing', 'striping', 'load-aware'] as const)(
    '%s breaks exact ties by the lowest host id, whatever the input order',
    (policy) => {
      const hosts = [view('h3'), view('h1'), view('h2')];
      expect(chosen(request(), hosts, policy)).toBe('h1');
      expect(chosen(request(), [...hosts].reverse(), policy)).toBe('h1');
    },
  );
});

describe('reason when nothing fits', () => {
  it('says so when no host is registered', () => {
    expect(reasonOf(request(), [])).toBe('no hosts are registered');
  });

  it('counts hosts per cause, most common first', () => {
    const hosts = [
      view('a', { host: { admin: 'disabled' } }),
      view('b', { used: { memoryMib: 16_000 } }),
      view('c', { host: { health: 'error' } }),
      view('d', { used: { memoryMib: 16_000 } }),
      view('e', { used: { memoryMib: 16_000 } }),
    ];
    expect(reasonOf(request(), hosts)).toBe(
      'no host fits: not enough free memory on 3 hosts; not enabled or not monitored on 2 hosts',
    );
  });

  it('mentions excluded hosts', () => {
    const hosts = [view('a'), view('b', { used: { vcpus: 8 } })];
    expect(reasonOf(request({ exclude: new Set(['a']) }), hosts)).toBe(
      'no host fits: excluded on 1 host; not enough free CPU on 1 host',
    );
  });
});

describe('exclude', () => {
  it('never chooses an excluded host', () => {
    const hosts = [view('a', { used: { vcpus: 6 } }), view('b')];
    expect(chosen(request(), hosts, 'packing')).toBe('a');
    expect(chosen(request({ exclude: new Set(['a']) }), hosts, 'packing')).toBe('b');
  });
});

describe('onlyHost', () => {
  const hosts = [view('a', { used: { vcpus: 6 } }), view('b'), view('c', { used: { memoryMib: 16_384 } })];

  it('places on that host, named by id or by name, even when another ranks better', () => {
    expect(chosen(request({ onlyHost: 'b' }), hosts, 'packing')).toBe('b');
    expect(chosen(request({ onlyHost: 'b-name' }), hosts, 'packing')).toBe('b');
  });

  it('says an unknown host does not exist', () => {
    expect(reasonOf(request({ onlyHost: 'zz' }), hosts)).toBe('host zz does not exist');
  });

  it('explains why the named host does not fit, without counting the others', () => {
    expect(reasonOf(request({ onlyHost: 'c' }), hosts)).toBe(
      'host c does not fit: not enough free memory on 1 host',
    );
    expect(reasonOf(request({ onlyHost: 'a', demand: { vcpus: 4, memoryMib: 1, diskMib: 0 } }), hosts)).toBe(
      'host a does not fit: not enough free CPU on 1 host',
    );
  });

  it('says the named host is excluded rather than missing when it is also in exclude', () => {
    expect(reasonOf(request({ onlyHost: 'b', exclude: new Set(['b']) }), hosts)).toBe(
      'host b does not fit: excluded on 1 host',
    );
  });
});

describe('placement constraint', () => {
  const hosts = [view('a', { used: { vcpus: 6 } }), view('b'), view('c', { used: { vcpus: 8 } })];
  const notA = (h: Host) => (h.id === 'a' ? 'in placement.forbidden_hosts' : undefined);

  it('rules out the hosts it names, and only after the filters', () => {
    expect(chosen(request({ constraint: notA }), hosts)).toBe('b');
    expect(rejectHost(request({ constraint: notA, requirements: { zone: 'x' } }), hosts[0]!)).toBe('label');
    expect(rejectHost(request({ constraint: notA }), hosts[0]!)).toEqual({
      constraint: 'in placement.forbidden_hosts',
    });
  });

  it('counts its text in the reason beside the filters', () => {
    const none = (h: Host) => (h.id === 'c' ? undefined : `no ${h.id}`);
    expect(reasonOf(request({ constraint: notA }), [hosts[0]!, hosts[2]!])).toBe(
      'no host fits: not enough free CPU on 1 host; in placement.forbidden_hosts on 1 host',
    );
    expect(reasonOf(request({ constraint: none }), hosts)).toBe(
      'no host fits: not enough free CPU on 1 host; no a on 1 host; no b on 1 host',
    );
  });
});

describe('unsuitable', () => {
  it('applies the filters a host fails for this VM whatever its capacity and state', () => {
    const h = view('a', { host: { admin: 'disabled', labels: { zone: 'a' } }, used: { vcpus: 8 } }).host;
    expect(unsuitable(request(), h)).toBeUndefined();
    expect(unsuitable(request({ requirements: { zone: 'b' } }), h)).toBe('label');
    expect(unsuitable(request({ diskFormat: 'vhdx' }), h)).toBe('format');
    expect(rejectionText('format')).toBe('disk format not supported');
  });
});

// --- Property: placement agrees with an oracle written from the specification -------------

/** Whether a host may take the VM, restated from the rules rather than from rejectHost. */
function oracleFits(req: PlacementRequest, v: HostView): boolean {
  const h = v.host;
  if (req.onlyHost !== undefined && req.onlyHost !== h.id && req.onlyHost !== h.name) return false;
  if (req.exclude?.has(h.id)) return false;
  if (h.admin !== 'enabled' || h.health !== 'monitored') return false;
  for (const [k, want] of Object.entries(req.requirements)) {
    const have = k === 'hypervisor' ? h.profile.hypervisor : k === 'host' ? h.name : h.labels[k];
    if (have !== want) return false;
  }
  if (h.profile.maxVcpusPerVm !== 0 && req.demand.vcpus > h.profile.maxVcpusPerVm) return false;
  if (h.profile.maxMemoryMibPerVm !== 0 && req.demand.memoryMib > h.profile.maxMemoryMibPerVm) return false;
  if (req.diskFormat !== '' && !h.profile.diskFormats.includes(req.diskFormat)) return false;
  return (
    v.used.vcpus + req.demand.vcpus <= Math.floor(h.capacity.vcpus * h.overcommit.cpu) &&
    v.used.memoryMib + req.demand.memoryMib <= Math.floor(h.capacity.memoryMib * h.overcommit.memory) &&
    v.used.diskMib + req.demand.diskMib <= Math.floor(h.capacity.diskMib * h.overcommit.disk)
  );
}

/** The host counts in a reason such as "no host fits: a on 3 hosts; b on 1 host". */
function countsIn(reason: string): number[] {
  const list = reason.slice(reason.indexOf(': ') + 2);
  return list.split('; ').map((part) => {
    const m = / on (\d+) hosts?$/.exec(part);
    if (!m) throw new Error(`unexpected reason part "${part}" in "${reason}"`);
    return Number(m[1]);
  });
}

const hostArb = fc.record({
  admin: fc.constantFrom('enabled', 'enabled', 'enabled', 'disabled', 'maintenance'),
  health: fc.constantFrom('monitored', 'monitored', 'monitored', 'init', 'error'),
  zone: fc.constantFrom('a', 'b'),
  hypervisor: fc.constantFrom('kvm', 'xen'),
  maxVcpusPerVm: fc.constantFrom(0, 4, 16),
  maxMemoryMibPerVm: fc.constantFrom(0, 8192),
  diskFormats: fc.subarray(['qcow2', 'raw', 'vhdx']),
  capacity: fc.record({
    vcpus: fc.integer({ min: 1, max: 16 }),
    memoryMib: fc.integer({ min: 1024, max: 32_768 }),
    diskMib: fc.integer({ min: 0, max: 100_000 }),
  }),
  overcommit: fc.record({
    cpu: fc.constantFrom(1, 2, 4),
    memory: fc.constantFrom(1, 1.5),
    disk: fc.constant(1),
  }),
  used: fc.record({
    vcpus: fc.integer({ min: 0, max: 40 }),
    memoryMib: fc.integer({ min: 0, max: 40_000 }),
    diskMib: fc.integer({ min: 0, max: 100_000 }),
  }),
  runningVms: fc.integer({ min: 0, max: 5 }),
  cpuUsedPercent: fc.integer({ min: 0, max: 1600 }),
});

type HostSpec = typeof hostArb extends fc.Arbitrary<infer T> ? T : never;

function toView(s: HostSpec, i: number): HostView {
  return view(`h${i}`, {
    used: s.used,
    runningVms: s.runningVms,
    host: {
      name: `node-${i}`,
      admin: s.admin as Host['admin'],
      health: s.health as Host['health'],
      labels: { zone: s.zone },
      capacity: s.capacity,
      overcommit: s.overcommit,
      cpuUsedPercent: s.cpuUsedPercent,
      profile: {
        hypervisor: s.hypervisor,
        maxVcpusPerVm: s.maxVcpusPerVm,
        maxMemoryMibPerVm: s.maxMemoryMibPerVm,
        diskFormats: s.diskFormats,
      },
    },
  });
}

const scenarioArb = fc.array(hostArb, { minLength: 0, maxLength: 8 }).chain((specs) => {
  const ids = specs.map((_, i) => `h${i}`);
  const names = specs.map((_, i) => `node-${i}`);
  return fc.record({
    hosts: fc.constant(specs.map(toView)),
    policy: fc.constantFrom<RankPolicy>('packing', 'striping', 'load-aware'),
    req: fc.record({
      demand: fc.record({
        vcpus: fc.integer({ min: 1, max: 8 }),
        memoryMib: fc.integer({ min: 256, max: 9000 }),
        diskMib: fc.integer({ min: 0, max: 50_000 }),
      }),
      diskFormat: fc.constantFrom('', 'qcow2', 'vhdx'),
      requirements: fc.record(
        {
          zone: fc.constantFrom('a', 'b'),
          hypervisor: fc.constantFrom('kvm', 'xen'),
          host: fc.constantFrom('node-0', 'node-1', 'h0'),
        },
        { requiredKeys: [] },
      ),
      exclude: fc.option(
        fc.subarray(ids).map((xs) => new Set(xs)),
        { nil: undefined },
      ),
      onlyHost: fc.option(fc.constantFrom(...ids, ...names, 'missing'), { nil: undefined, freq: 3 }),
    }),
  });
});

describe('placement property', () => {
  it('chooses a host that passes every filter and ranks best, and never rejects one that passes', () => {
    fc.assert(
      fc.property(scenarioArb, ({ hosts, policy, req: r }) => {
        const req: PlacementRequest = { vmId: 'vm-p', ...r, requirements: { ...r.requirements } };
        if (req.exclude === undefined) delete req.exclude;
        if (req.onlyHost === undefined) delete req.onlyHost;
        const passing = hosts.filter((v) => oracleFits(req, v));
        for (const v of hosts) expect(rejectHost(req, v) === undefined, v.host.id).toBe(oracleFits(req, v));

        const result = placeVm(req, hosts, policy);
        if (result.ok) {
          const best = hosts.find((v) => v.host.id === result.hostId);
          expect(best).toBeDefined();
          expect(oracleFits(req, best!)).toBe(true);
          for (const v of passing) {
            const [a, b] = [rank(policy, best!), rank(policy, v)];
            expect(a >= b).toBe(true);
            if (a === b) expect(best!.host.id <= v.host.id).toBe(true);
          }
          return;
        }
        expect(passing).toEqual([]);
        if (hosts.length === 0) {
          expect(result.reason).toBe('no hosts are registered');
          return;
        }
        const named =
          req.onlyHost === undefined
            ? hosts
            : hosts.filter((v) => v.host.id === req.onlyHost || v.host.name === req.onlyHost);
        if (named.length === 0) {
          expect(result.reason).toBe(`host ${req.onlyHost} does not exist`);
          return;
        }
        // Every considered host is counted under exactly one cause.
        expect(
          result.reason.startsWith(
            req.onlyHost === undefined ? 'no host fits: ' : `host ${req.onlyHost} does not fit: `,
          ),
        ).toBe(true);
        expect(countsIn(result.reason).reduce((a, b) => a + b, 0)).toBe(named.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bounded scoring (maxCandidates, start)', () => {
  const req: PlacementRequest = {
    vmId: 'vm',
    demand: { vcpus: 1, memoryMib: 1024, diskMib: 0 },
    diskFormat: '',
    requirements: {},
  };

  it('stops scoring after the given number of hosts that fit', () => {
    const hosts = [view('a'), view('b', { used: { vcpus: 4 } }), view('c', { used: { vcpus: 7 } })];
    // Scoring every host, packing prefers c (the fullest); two candidates see only a and b.
    expect(placeVm(req, hosts, 'packing')).toEqual({ ok: true, hostId: 'c' });
    expect(placeVm(req, hosts, 'packing', { maxCandidates: 2 })).toEqual({ ok: true, hostId: 'b' });
  });

  it('skips hosts that do not fit without counting them as candidates', () => {
    const hosts = [
      view('full', { used: { vcpus: 8 } }),
      view('x', { used: { vcpus: 2 } }),
      view('y', { used: { vcpus: 3 } }),
    ];
    expect(placeVm(req, hosts, 'packing', { maxCandidates: 1 })).toEqual({ ok: true, hostId: 'x' });
  });

  it('starts where told and wraps around', () => {
    const hosts = [view('a'), view('b'), view('c')];
    expect(placeVm(req, hosts, 'striping', { maxCandidates: 1, start: 1 })).toEqual({
      ok: true,
      hostId: 'b',
    });
    expect(placeVm(req, hosts, 'striping', { maxCandidates: 1, start: 5 })).toEqual({
      ok: true,
      hostId: 'c',
    });
  });

  it('still counts every host in the reason when none fits', () => {
    const hosts = [view('a', { used: { vcpus: 8 } }), view('b', { used: { vcpus: 8 } })];
    expect(placeVm(req, hosts, 'packing', { maxCandidates: 1 })).toEqual({
      ok: false,
      reason: 'no host fits: not enough free CPU on 2 hosts',
    });
  });
});
