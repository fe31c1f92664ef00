import { describe, expect, it } from 'vitest';
import type { Host } from '../domain/host.js';
import type { Placement, PlacementGroup } from '../domain/placement.js';
import { limit, ZERO } from '../domain/resources.js';
import type { HostView, RankPolicy } from '../domain/scheduler.js';
import type { Vm } from '../domain/vm.js';
import { testHost, testVm } from '../testing/fixtures.js';
import { BuiltinPlacer } from './builtin-placer.js';
import type { PlacementPass } from './ports.js';

const view = (id: string, o: Partial<Host> = {}, used = ZERO): HostView => {
  const host = testHost(id, {
    name: `node-${id}`,
    capacity: { vcpus: 8, memoryMib: 8192, diskMib: 100_000 },
    ...o,
  });
  return { host, used, runningVms: 0, limit: limit(host.capacity, host.overcommit) };
};

const placement = (o: Partial<Placement>): Placement => ({
  groups: [],
  allowedHosts: [],
  forbiddenHosts: [],
  allowedLabels: {},
  setId: '',
  ...o,
});

const g = (name: string, type: PlacementGroup['type'], o: Partial<PlacementGroup> = {}): PlacementGroup => ({
  name,
  type,
  scope: 'host',
  hard: true,
  min: 0,
  ...o,
});

const vm = (id: string, p?: Partial<Placement>, o: Partial<Vm> = {}): Vm =>
  testVm(id, {
    resources: { vcpus: 2, memoryMib: 2048, diskMib: 1000 },
    ...(p ? { placement: placement(p) } : {}),
    ...o,
  });

function place(pass: Partial<PlacementPass> & { vms: Vm[] }, policy: RankPolicy = 'packing') {
  const placer = new BuiltinPlacer(() => ({ policy, maxCandidates: 0 }));
  return placer.placeNow({ hosts: [view('h1'), view('h2'), view('h3')], peers: [], ...pass });
}

describe('BuiltinPlacer', () => {
  it('packs VMs without constraints as the scheduler always has, counting its own reservations', () => {
    const out = place({ vms: [vm('a'), vm('b'), vm('c'), vm('d'), vm('e')] });
    expect([...out.assignment.values()]).toEqual(['h1', 'h1', 'h1', 'h1', 'h2']);
    expect(out.unplaced.size).toBe(0);
  });

  it('never puts two VMs of a hard host anti-affinity group on one host, placed peers included', () => {
    const peer = vm('p', { groups: [g('web', 'anti-affinity')] }, { state: 'running', host: 'h1' });
    const vms = ['a', 'b', 'c'].map((id) => vm(id, { groups: [g('web', 'anti-affinity')] }));
    const out = place({ vms, peers: [peer] });
    expect(out.assignment.get('a')).toBe('h2');
    expect(out.assignment.get('b')).toBe('h3');
    expect(out.unplaced.get('c')).toEqual([
      'no host fits: anti-affinity group "web" has a VM there on 3 hosts',
    ]);
  });

  it('keeps groups of different organizations apart', () => {
    const peer = vm(
      'p',
      { groups: [g('web', 'anti-affinity')] },
      { state: 'running', host: 'h1', organization: 'other' },
    );
    const out = place({ vms: [vm('a', { groups: [g('web', 'anti-affinity')] })], peers: [peer] });
    expect(out.assignment.get('a')).toBe('h1');
  });

  it('puts a hard affinity group on the host of its first VM, and refuses when that host is full', () => {
    const vms = ['a', 'b', 'c', 'd', 'e'].map((id) => vm(id, { groups: [g('db', 'affinity')] }));
    const out = place({ vms }, 'striping');
    expect(new Set([...out.assignment.values()])).toEqual(new Set([out.assignment.get('a')]));
    expect(out.assignment.size).toBe(4);
    expect(out.unplaced.get('e')?.[0]).toMatch(/affinity group "db" is on another host on 2 hosts/);
  });

  it('tries soft groups first, then places without them', () => {
    const vms = ['a', 'b', 'c', 'd'].map((id) =>
      vm(id, { groups: [g('web', 'anti-affinity', { hard: false })] }),
    );
    const out = place({ vms });
    expect(out.assignment.get('a')).toBe('h1');
    expect(out.assignment.get('b')).toBe('h2');
    expect(out.assignment.get('c')).toBe('h3');
    expect(out.assignment.get('d')).toBe('h1');
  });

  it('honours allowed and forbidden hosts by id or name, and allowed labels', () => {
    const hosts = [view('h1', { labels: { zone: 'a' } }), view('h2', { labels: { zone: 'b' } }), view('h3')];
    const out = place({
      hosts,
      vms: [
        vm('a', { allowedHosts: ['node-h3'] }),
        vm('b', { forbiddenHosts: ['h1', 'node-h2'] }),
        vm('c', { allowedLabels: { zone: ['b', 'c'] } }),
        vm('d', { allowedLabels: { site: ['elsewhere'] } }),
      ],
    });
    expect(out.assignment.get('a')).toBe('h3');
    expect(out.assignment.get('b')).toBe('h3');
    expect(out.assignment.get('c')).toBe('h2');
    expect(out.unplaced.get('d')).toEqual(['no host fits: site not in placement.allowed_labels on 3 hosts']);
  });

  it('leaves VMs with constraints only the policy engine evaluates pending, saying which', () => {
    const out = place({
      vms: [
        vm('a', { groups: [g('web', 'anti-affinity', { scope: 'zone' })] }),
        vm('b', {
          groups: [g('s', 'spread', { scope: 'zone', min: 2 }), g('x', 'affinity', { scope: 'rack' })],
        }),
        vm('c', { groups: [g('soft', 'anti-affinity', { scope: 'zone', hard: false })] }),
      ],
    });
    expect(out.unplaced.get('a')).toEqual([
      'needs the policy engine for tag-scoped anti-affinity constraints',
    ]);
    expect(out.unplaced.get('b')).toEqual([
      'needs the policy engine for spread and tag-scoped affinity constraints',
    ]);
    // A soft preference it cannot weigh does not hold the VM back.
    expect(out.assignment.get('c')).toBe('h1');
  });

  it('places a pinned VM on its host whatever constraints it cannot evaluate, but not against a hard rule', () => {
    const peer = vm('p', { groups: [g('web', 'anti-affinity')] }, { state: 'running', host: 'h2' });
    const out = place({
      peers: [peer],
      vms: [
        vm('a', { groups: [g('s', 'spread', { scope: 'zone', min: 2 })] }, { deployHost: 'h3' }),
        vm('b', { groups: [g('web', 'anti-affinity')] }, { deployHost: 'h2' }),
      ],
    });
    expect(out.assignment.get('a')).toBe('h3');
    expect(out.unplaced.get('b')).toEqual([
      'host h2 does not fit: anti-affinity group "web" has a VM there on 1 host',
    ]);
  });

  it('places a set whole, or rolls every tentative reservation back', () => {
    const fits = place({ vms: [vm('a', { setId: 's1' }), vm('b', { setId: 's1' })] });
    expect([...fits.assignment.keys()]).toEqual(['a', 'b']);

    const big = { resources: { vcpus: 8, memoryMib: 8192, diskMib: 1000 } };
    const out = place({
      vms: [
        vm('a', { setId: 's1' }, big),
        vm('b', { setId: 's1' }, big),
        vm('c', { setId: 's1' }, big),
        vm('d', { setId: 's1' }, { ...big, name: 'db-1' }),
        vm('e'),
      ],
    });
    expect(out.unplaced.get('d')?.[0]).toMatch(/^no host fits: not enough free CPU on 3 hosts/);
    expect(out.unplaced.get('a')).toEqual([
      'its set is placed whole or not at all, and db-1 cannot be placed',
    ]);
    expect(out.unplaced.has('b') && out.unplaced.has('c')).toBe(true);
    // Nothing of the refused set stays reserved: the next VM gets the first host.
    expect(out.assignment).toEqual(new Map([['e', 'h1']]));
  });
});
