import { isReservoirError } from '@reservoir/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Host } from '../domain/host.js';
import { formatIpv4, parseIpv4 } from '../domain/ip-pool.js';
import type { Network } from '../domain/network.js';
import type { PlacementGroup } from '../domain/placement.js';
import type { Quota } from '../domain/quota.js';
import type { Resources } from '../domain/resources.js';
import type { Vm } from '../domain/vm.js';
import { VM_STATES, type VmState } from '../domain/vm-state.js';
import { Inventory } from './inventory.js';
import type { VeemSnapshot } from './ports.js';
import { testHost, testVm } from '../testing/fixtures.js';

const ZERO: Resources = { vcpus: 0, memoryMib: 0, diskMib: 0 };
const SIZE: Resources = { vcpus: 2, memoryMib: 2048, diskMib: 10_000 };

const vm = (id: string, o: Partial<Vm> = {}): Vm => testVm(id, { resources: SIZE, ...o });
const host = (id: string, o: Partial<Host> = {}): Host =>
  testHost(id, { profile: { diskFormats: ['qcow2'] }, ...o });

function network(id: string, cidr: string, rangeStart = '', rangeEnd = ''): Network {
  return {
    id,
    name: `net-${id}`,
    cidr,
    gateway: '',
    rangeStart,
    rangeEnd,
    organization: 'acme',
    scope: 'organization',
    vlan: 0,
    createdAtMs: 0,
  };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e)) return e.code;
    throw e;
  }
  throw new Error('expected a ReservoirError, nothing was thrown');
}

const HOSTS = ['h1', 'h2', 'h3'];

/** The reservations every host should show, recomputed from the VMs alone. */
function expectedUsage(vms: Iterable<Vm>): Map<string, { used: Resources; vms: string[] }> {
  const free: VmState[] = ['pending', 'hold', 'stopped', 'done'];
  const out = new Map<string, { used: Resources; vms: string[] }>();
  const reserve = (h: string, v: Vm) => {
    const u = out.get(h) ?? { used: ZERO, vms: [] };
    out.set(h, {
      used: {
        vcpus: u.used.vcpus + v.resources.vcpus,
        memoryMib: u.used.memoryMib + v.resources.memoryMib,
        diskMib: u.used.diskMib + v.resources.diskMib,
      },
      vms: [...u.vms, v.id].sort(),
    });
  };
  for (const v of vms) {
    if (free.includes(v.state) || !v.host) continue;
    reserve(v.host, v);
    if (v.state === 'migrating' && v.migrationTarget) reserve(v.migrationTarget, v);
  }
  return out;
}

function expectDerived(inv: Inventory, vms: Iterable<Vm>, hostIds: readonly string[] = HOSTS): void {
  const want = expectedUsage(vms);
  for (const h of hostIds) {
    expect(inv.usedOn(h), `used on ${h}`).toEqual(want.get(h)?.used ?? ZERO);
    expect(
      inv
        .vmsOn(h)
        .map((v) => v.id)
        .sort(),
      `VMs on ${h}`,
    ).toEqual(want.get(h)?.vms ?? []);
  }
}

function expectOrgUsage(inv: Inventory, vms: Iterable<Vm>, org: string): void {
  const mine = [...vms].filter((v) => v.organization === org && v.state !== 'done');
  expect(inv.orgUsage(org)).toEqual({
    vms: mine.length,
    resources: mine.reduce(
      (a, v) => ({
        vcpus: a.vcpus + v.resources.vcpus,
        memoryMib: a.memoryMib + v.resources.memoryMib,
        diskMib: a.diskMib + v.resources.diskMib,
      }),
      ZERO,
    ),
  });
}

describe('host reservations', () => {
  it('a pending or held VM holds nothing, even if it names a host', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1'));
    inv.putVm(vm('v2', { state: 'hold', host: 'h1' }));
    expect(inv.usedOn('h1')).toEqual(ZERO);
    expect(inv.vmsOn('h1')).toEqual([]);
    expect(inv.reservations(inv.vm('v2'))).toEqual([]);
  });

  it.each([
    'prolog',
    'boot',
    'running',
    'poweroff',
    'suspended',
    'unknown',
    'saving',
    'shutdown',
    'epilog',
    'failed',
  ] as const)('a %s VM holds its size on its host', (state) => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state, host: 'h1' }));
    expect(inv.usedOn('h1')).toEqual(SIZE);
    expect(inv.vmsOn('h1').map((v) => v.id)).toEqual(['v1']);
    expect(inv.usedOn('h2')).toEqual(ZERO);
  });

  it('a failed VM without a host holds nothing', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'failed', host: '' }));
    expect(inv.reservations(inv.vm('v1'))).toEqual([]);
    expect(inv.hostViews()).toEqual([]);
  });

  it('a migrating VM holds on both its host and the migration target', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'running', host: 'h1' }));
    inv.putVm(vm('v1', { state: 'migrating', host: 'h1', migrationTarget: 'h2' }));
    expect(inv.usedOn('h1')).toEqual(SIZE);
    expect(inv.usedOn('h2')).toEqual(SIZE);
    expect(inv.vmsOn('h2').map((v) => v.id)).toEqual(['v1']);
    // Landing on the target frees the source.
    inv.putVm(vm('v1', { state: 'running', host: 'h2', migrationTarget: '' }));
    expect(inv.usedOn('h1')).toEqual(ZERO);
    expect(inv.vmsOn('h1')).toEqual([]);
    expect(inv.usedOn('h2')).toEqual(SIZE);
  });

  it('a migration target is ignored outside migrating', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'failed', host: 'h1', migrationTarget: 'h2' }));
    expect(inv.usedOn('h2')).toEqual(ZERO);
  });

  it.each(['stopped', 'done'] as const)('moving to %s releases the host', (state) => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'running', host: 'h1' }));
    inv.putVm(
      vm('v2', { state: 'running', host: 'h1', resources: { vcpus: 1, memoryMib: 512, diskMib: 0 } }),
    );
    inv.putVm(vm('v1', { state, host: 'h1' }));
    expect(inv.usedOn('h1')).toEqual({ vcpus: 1, memoryMib: 512, diskMib: 0 });
    expect(inv.vmsOn('h1').map((v) => v.id)).toEqual(['v2']);
  });

  it('follows a whole life cycle exactly', () => {
    const inv = new Inventory();
    const steps: Partial<Vm>[] = [
      { state: 'pending' },
      { state: 'prolog', host: 'h1' },
      { state: 'boot', host: 'h1' },
      { state: 'running', host: 'h1' },
      { state: 'running', host: 'h1', resources: { vcpus: 4, memoryMib: 4096, diskMib: 10_000 } },
      {
        state: 'migrating',
        host: 'h1',
        migrationTarget: 'h2',
        resources: { vcpus: 4, memoryMib: 4096, diskMib: 10_000 },
      },
      { state: 'running', host: 'h2', resources: { vcpus: 4, memoryMib: 4096, diskMib: 10_000 } },
      { state: 'shutdown', host: 'h2' },
      { state: 'epilog', host: 'h2' },
      { state: 'stopped', host: 'h2' },
      { state: 'pending', host: '' },
      { state: 'prolog', host: 'h3' },
      { state: 'failed', host: 'h3' },
      { state: 'epilog', host: 'h3' },
    ];
    const other = vm('bystander', {
      state: 'running',
      host: 'h2',
      resources: { vcpus: 1, memoryMib: 1, diskMib: 1 },
    });
    inv.putVm(other);
    for (const s of steps) {
      const next = vm('v1', s);
      inv.putVm(next);
      expectDerived(inv, [next, other]);
      expectOrgUsage(inv, [next, other], 'acme');
    }
    inv.putVm(vm('v1', { state: 'done', host: 'h3' }));
    expectDerived(inv, [other]);
    expectOrgUsage(inv, [other], 'acme');
    expect(inv.vms.has('v1')).toBe(false);
  });

  it('shows reservations and VM counts in host views', () => {
    const inv = new Inventory({
      vms: [],
      hosts: [host('h1'), host('h2')],
      images: [],
      networks: [],
      leases: [],
      quotas: [],
    });
    inv.putVm(vm('v1', { state: 'running', host: 'h1' }));
    inv.putVm(vm('v2', { state: 'running', host: 'h1' }));
    const views = new Map(inv.hostViews().map((v) => [v.host.id, v]));
    expect(views.get('h1')).toMatchObject({
      used: { vcpus: 4, memoryMib: 4096, diskMib: 20_000 },
      runningVms: 2,
    });
    expect(views.get('h2')).toMatchObject({ used: ZERO, runningVms: 0 });
  });

  it('keeps reservations equal to a recomputation over random state changes', () => {
    const change = fc.record({
      vm: fc.constantFrom('v0', 'v1', 'v2', 'v3'),
      state: fc.constantFrom(...VM_STATES),
      host: fc.constantFrom('', ...HOSTS),
      target: fc.constantFrom('', ...HOSTS),
      vcpus: fc.integer({ min: 1, max: 8 }),
      memoryMib: fc.integer({ min: 1, max: 8192 }),
      org: fc.constantFrom('acme', 'globex'),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const inv = new Inventory();
        const model = new Map<string, Vm>();
        for (const c of changes) {
          const next = vm(c.vm, {
            state: c.state,
            host: c.host,
            migrationTarget: c.target === c.host ? '' : c.target,
            organization: c.org,
            resources: { vcpus: c.vcpus, memoryMib: c.memoryMib, diskMib: 100 },
          });
          inv.putVm(next);
          if (next.state === 'done') model.delete(next.id);
          else model.set(next.id, next);
          expectDerived(inv, model.values());
        }
        expectOrgUsage(inv, model.values(), 'acme');
        expectOrgUsage(inv, model.values(), 'globex');
        expect([...inv.vms.keys()].sort()).toEqual([...model.keys()].sort());
        // Rebuilding from the surviving VMs gives the same derived state.
        const rebuilt = new Inventory({
          vms: [...model.values()],
          hosts: [],
          images: [],
          networks: [],
          leases: [],
          quotas: [],
        });
        for (const h of HOSTS) expect(rebuilt.usedOn(h)).toEqual(inv.usedOn(h));
        for (const o of ['acme', 'globex']) expect(rebuilt.orgUsage(o)).toEqual(inv.orgUsage(o));
      }),
      { numRuns: 300 },
    );
  });
});

describe('organization usage', () => {
  it('counts every VM not done, placed or not, per organization', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'pending' }));
    inv.putVm(vm('v2', { state: 'stopped', resources: { vcpus: 1, memoryMib: 100, diskMib: 5 } }));
    inv.putVm(vm('v3', { state: 'running', host: 'h1', organization: 'globex' }));
    expect(inv.orgUsage('acme')).toEqual({
      vms: 2,
      resources: { vcpus: 3, memoryMib: 2148, diskMib: 10_005 },
    });
    expect(inv.orgUsage('globex')).toEqual({ vms: 1, resources: SIZE });
    expect(inv.orgUsage('nobody')).toEqual({ vms: 0, resources: ZERO });
  });

  it('follows a resize, a done VM, and a replaced VM without double counting', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { state: 'running', host: 'h1' }));
    inv.putVm(
      vm('v1', { state: 'running', host: 'h1', resources: { vcpus: 8, memoryMib: 8192, diskMib: 10_000 } }),
    );
    inv.putVm(
      vm('v1', { state: 'running', host: 'h1', resources: { vcpus: 8, memoryMib: 8192, diskMib: 10_000 } }),
    );
    expect(inv.orgUsage('acme')).toEqual({
      vms: 1,
      resources: { vcpus: 8, memoryMib: 8192, diskMib: 10_000 },
    });
    expect(inv.usedOn('h1')).toEqual({ vcpus: 8, memoryMib: 8192, diskMib: 10_000 });
    inv.putVm(vm('v1', { state: 'done', host: 'h1' }));
    expect(inv.orgUsage('acme')).toEqual({ vms: 0, resources: ZERO });
  });
});

describe('VMs and request ids', () => {
  it('finds a VM by id and by request id until it is done', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1', { requestId: 'req-1' }));
    expect(inv.vm('v1').id).toBe('v1');
    expect(inv.vmByRequest('req-1')?.id).toBe('v1');
    expect(inv.vmByRequest('req-2')).toBeUndefined();
    inv.putVm(vm('v1', { requestId: 'req-1', state: 'done' }));
    expect(inv.vmByRequest('req-1')).toBeUndefined();
    expect(code(() => inv.vm('v1'))).toBe('NOT_FOUND');
  });

  it('does not index an empty request id', () => {
    const inv = new Inventory();
    inv.putVm(vm('v1'));
    expect(inv.vmByRequest('')).toBeUndefined();
  });

  it('finds hosts by id or name', () => {
    const inv = new Inventory({
      vms: [],
      hosts: [host('h1')],
      images: [],
      networks: [],
      leases: [],
      quotas: [],
    });
    expect(inv.host('h1').id).toBe('h1');
    expect(inv.host('node-h1').id).toBe('h1');
    expect(code(() => inv.host('h9'))).toBe('NOT_FOUND');
  });
});

describe('addresses', () => {
  it('hands out addresses in order from the start of the range', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/24', '10.0.0.10', '10.0.0.20'));
    expect(formatIpv4(inv.takeAddress('n1', 'v1'))).toBe('10.0.0.10');
    expect(formatIpv4(inv.takeAddress('n1', 'v1'))).toBe('10.0.0.11');
    expect(formatIpv4(inv.takeAddress('n1', 'v2'))).toBe('10.0.0.12');
    expect(inv.poolSize('n1')).toEqual({ size: 11, used: 3 });
    expect(inv.leases('n1').map((l) => [l.ip, l.vmId])).toEqual([
      ['10.0.0.10', 'v1'],
      ['10.0.0.11', 'v1'],
      ['10.0.0.12', 'v2'],
    ]);
  });

  it('uses the whole subnet without a range', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/30'));
    expect(inv.poolSize('n1')).toEqual({ size: 2, used: 0 });
    expect(formatIpv4(inv.takeAddress('n1', 'v1'))).toBe('10.0.0.1');
    expect(formatIpv4(inv.takeAddress('n1', 'v1'))).toBe('10.0.0.2');
  });

  it('reuses a released address only after the range wraps', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/29'));
    const a = inv.takeAddress('n1', 'v1');
    inv.takeAddress('n1', 'v2');
    inv.releaseLeases('v1', [{ networkId: 'n1', ip: formatIpv4(a) }]);
    const taken = [1, 2, 3, 4].map(() => formatIpv4(inv.takeAddress('n1', 'v3')));
    expect(taken).toEqual(['10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
    expect(formatIpv4(inv.takeAddress('n1', 'v3'))).toBe('10.0.0.1');
  });

  it('refuses with RESOURCE_EXHAUSTED when the pool is full, naming the network', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/30'));
    inv.takeAddress('n1', 'v1');
    inv.takeAddress('n1', 'v2');
    let err: unknown;
    try {
      inv.takeAddress('n1', 'v3');
    } catch (e) {
      err = e;
    }
    expect(isReservoirError(err) && err.code).toBe('RESOURCE_EXHAUSTED');
    expect((err as Error).message).toBe('network net-n1 has no free address (2 of 2 leased)');
    expect(inv.poolSize('n1')).toEqual({ size: 2, used: 2 });
  });

  it('refuses an unknown network', () => {
    expect(code(() => new Inventory().takeAddress('nope', 'v1'))).toBe('NOT_FOUND');
  });

  it('releases only the leases the VM holds', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/29'));
    const a = formatIpv4(inv.takeAddress('n1', 'v1'));
    inv.releaseLeases('v2', [{ networkId: 'n1', ip: a }]);
    expect(inv.leases('n1').map((l) => l.vmId)).toEqual(['v1']);
    inv.releaseLeases('v1', [{ networkId: 'gone', ip: a }]);
    expect(inv.poolSize('n1').used).toBe(1);
  });

  it('frees the leases of a VM that reaches done', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/29'));
    inv.addNetwork(network('n2', '10.0.1.0/29'));
    const nics = ['n1', 'n2'].map((n) => ({
      networkId: n,
      ip: formatIpv4(inv.takeAddress(n, 'v1')),
      mac: '',
    }));
    inv.takeAddress('n1', 'v2');
    inv.putVm(vm('v1', { state: 'running', host: 'h1', nics }));
    inv.putVm(vm('v1', { state: 'done', host: 'h1', nics }));
    expect(inv.leases('n1').map((l) => l.vmId)).toEqual(['v2']);
    expect(inv.leases('n2')).toEqual([]);
  });

  it('keeps leases and the cursor when a network is saved again', () => {
    const inv = new Inventory();
    inv.addNetwork(network('n1', '10.0.0.0/29'));
    inv.takeAddress('n1', 'v1');
    inv.addNetwork({ ...network('n1', '10.0.0.0/29'), name: 'renamed' });
    expect(inv.network('renamed').id).toBe('n1');
    expect(formatIpv4(inv.takeAddress('n1', 'v2'))).toBe('10.0.0.2');
    expect(inv.poolSize('n1').used).toBe(2);
  });

  it('never hands out the same address twice over random takes and releases', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('take' as const), vm: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kind: fc.constant('release' as const), vm: fc.integer({ min: 0, max: 3 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const inv = new Inventory();
        // /29: six usable addresses, so sequences fill the pool often.
        inv.addNetwork(network('n1', '192.168.7.0/29'));
        const owner = new Map<number, string>();
        for (const o of ops) {
          const vmId = `v${o.vm}`;
          if (o.kind === 'take') {
            if (owner.size === 6) {
              expect(code(() => inv.takeAddress('n1', vmId))).toBe('RESOURCE_EXHAUSTED');
              continue;
            }
            const ip = inv.takeAddress('n1', vmId);
            expect(owner.has(ip), `${formatIpv4(ip)} handed out twice`).toBe(false);
            expect(ip).toBeGreaterThanOrEqual(parseIpv4('192.168.7.1', 'ip'));
            expect(ip).toBeLessThanOrEqual(parseIpv4('192.168.7.6', 'ip'));
            owner.set(ip, vmId);
          } else {
            const mine = [...owner]
              .filter(([, v]) => v === vmId)
              .map(([ip]) => ({ networkId: 'n1', ip: formatIpv4(ip) }));
            inv.releaseLeases(vmId, mine);
            for (const { ip } of mine) owner.delete(parseIpv4(ip, 'ip'));
          }
          expect(inv.poolSize('n1').used).toBe(owner.size);
        }
        expect(inv.leases('n1').map((l) => [l.ip, l.vmId])).toEqual(
          [...owner].sort((a, b) => a[0] - b[0]).map(([ip, v]) => [formatIpv4(ip), v]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('loading a snapshot', () => {
  it('rebuilds the same derived state as the incremental updates', () => {
    const live = new Inventory();
    const hosts = [host('h1'), host('h2')];
    const quotas: Quota[] = [
      { organization: 'acme', maxVms: 10, maxVcpus: 0, maxMemoryMib: 0, maxDiskMib: 0 },
    ];
    const net = network('n1', '10.0.0.0/28');
    live.addNetwork(net);
    const vms: Vm[] = [];
    const put = (v: Vm) => {
      live.putVm(v);
      const i = vms.findIndex((x) => x.id === v.id);
      if (v.state === 'done') {
        if (i >= 0) vms.splice(i, 1);
      } else if (i >= 0) vms[i] = v;
      else vms.push(v);
    };
    const nicsOf = new Map<string, Vm['nics']>();
    for (const id of ['v1', 'v2', 'v3', 'v4']) {
      nicsOf.set(id, [{ networkId: 'n1', ip: formatIpv4(live.takeAddress('n1', id)), mac: '' }]);
      put(
        vm(id, {
          nics: nicsOf.get(id)!,
          requestId: `req-${id}`,
          organization: id === 'v4' ? 'globex' : 'acme',
        }),
      );
    }
    put(vm('v1', { state: 'running', host: 'h1', nics: nicsOf.get('v1')!, requestId: 'req-v1' }));
    put(
      vm('v2', {
        state: 'migrating',
        host: 'h1',
        migrationTarget: 'h2',
        nics: nicsOf.get('v2')!,
        requestId: 'req-v2',
      }),
    );
    put(vm('v3', { state: 'done', host: 'h2', nics: nicsOf.get('v3')!, requestId: 'req-v3' }));
    put(
      vm('v4', {
        state: 'poweroff',
        host: 'h2',
        nics: nicsOf.get('v4')!,
        requestId: 'req-v4',
        organization: 'globex',
      }),
    );
    expect(live.leases('n1').map((l) => l.vmId)).toEqual(['v1', 'v2', 'v4']);

    const snapshot: VeemSnapshot = {
      vms,
      hosts,
      images: [],
      networks: [net],
      leases: live.leases('n1').concat([{ networkId: 'deleted-net', ip: '10.9.9.9', mac: '', vmId: 'v9' }]),
      quotas,
    };
    const loaded = new Inventory(snapshot);
    for (const h of HOSTS) {
      expect(loaded.usedOn(h)).toEqual(live.usedOn(h));
      expect(
        loaded
          .vmsOn(h)
          .map((v) => v.id)
          .sort(),
      ).toEqual(
        live
          .vmsOn(h)
          .map((v) => v.id)
          .sort(),
      );
    }
    expectDerived(loaded, vms);
    for (const o of ['acme', 'globex']) expect(loaded.orgUsage(o)).toEqual(live.orgUsage(o));
    expect(loaded.leases('n1')).toEqual(live.leases('n1'));
    expect(loaded.poolSize('n1')).toEqual({ size: 14, used: 3 });
    expect(loaded.vmByRequest('req-v2')?.id).toBe('v2');
    expect(loaded.vmByRequest('req-v3')).toBeUndefined();
    expect(loaded.quotas.get('acme')).toEqual(quotas[0]);
    expect(loaded.hostViews().map((v) => [v.host.id, v.runningVms])).toEqual([
      ['h1', 2],
      ['h2', 2],
    ]);
    // Loaded leases are not handed out again.
    const next = loaded.takeAddress('n1', 'v5');
    expect(live.leases('n1').map((l) => l.ip)).not.toContain(formatIpv4(next));
  });
});

describe('placement groups and sets', () => {
  const web: PlacementGroup = { name: 'web', type: 'anti-affinity', scope: 'host', hard: true, min: 0 };
  const member = (id: string, o: Partial<Vm> = {}, setId = '') =>
    vm(id, {
      placement: { groups: [web], allowedHosts: [], forbiddenHosts: [], allowedLabels: {}, setId },
      ...o,
    });

  it('knows a group while one of its VMs lives, per organization', () => {
    const inv = new Inventory();
    inv.putVm(member('v1'));
    inv.putVm(member('v2', { state: 'running', host: 'h1' }));
    expect(inv.group('acme', 'web')).toEqual(web);
    expect(inv.group('globex', 'web')).toBeUndefined();
    inv.putVm(member('v1', { state: 'done' }));
    expect(inv.group('acme', 'web')).toEqual(web);
    inv.putVm(member('v2', { state: 'done', host: 'h1' }));
    expect(inv.group('acme', 'web')).toBeUndefined();
  });

  it('finds the placed peers of VMs by group and by set, never the VMs themselves', () => {
    const inv = new Inventory();
    const pending = member('v1', {}, 's1');
    inv.putVm(pending);
    inv.putVm(member('v2', { state: 'running', host: 'h1' }));
    inv.putVm(member('v3', { state: 'migrating', host: 'h1', migrationTarget: 'h2' }));
    inv.putVm(member('v4')); // pending: holds no host
    inv.putVm(member('v5', { state: 'running', host: 'h2', organization: 'globex' }));
    inv.putVm(vm('v6', { state: 'running', host: 'h3', placement: { ...pending.placement!, groups: [] } }));
    inv.putVm(vm('v7', { state: 'running', host: 'h3' }));
    expect(inv.placementPeers([pending]).map((v) => v.id)).toEqual(['v2', 'v3', 'v6']);
    expect(inv.placementPeers([vm('v9')])).toEqual([]);
    expect(inv.setMembers('s1').map((v) => v.id)).toEqual(['v1', 'v6']);
  });
});
