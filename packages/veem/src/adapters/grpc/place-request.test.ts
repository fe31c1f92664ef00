import { describe, expect, it } from 'vitest';
import type { PlacementPass } from '../../app/ports.js';
import type { Host } from '../../domain/host.js';
import type { Placement } from '../../domain/placement.js';
import { limit, ZERO } from '../../domain/resources.js';
import type { HostView } from '../../domain/scheduler.js';
import { testHost, testVm } from '../../testing/fixtures.js';
import { placeOutcome, placeRequest } from './place-request.js';

const view = (id: string, o: Partial<Host> = {}): HostView => {
  const host = testHost(id, o);
  return { host, used: ZERO, runningVms: 0, limit: limit(host.capacity, host.overcommit) };
};

const placement = (o: Partial<Placement>): Placement => ({
  groups: [],
  allowedHosts: [],
  forbiddenHosts: [],
  allowedLabels: {},
  setId: '',
  ...o,
});

const hosts = [
  view('h1'),
  view('h2', { admin: 'disabled' }),
  view('h3', { profile: { ...testHost('x').profile, diskFormats: ['raw'] } }),
];

describe('placeRequest', () => {
  it('leaves out the hosts that take no VMs, and excludes per VM what its own filters reject', () => {
    const pass: PlacementPass = {
      hosts,
      peers: [],
      vms: [testVm('a', { diskFormat: 'qcow2' }), testVm('b', { deployHost: 'h3' })],
    };
    const req = placeRequest(pass);
    expect(req.hosts!.map((h) => h.id)).toEqual(['h1', 'h3']);
    expect(req.vms).toEqual([
      { id: 'a', demand: [2, 2048, 10_000], excluded: [{ host: 'h3', reason: 'disk format not supported' }] },
      { id: 'b', demand: [2, 2048, 10_000], excluded: [{ host: 'h1', reason: 'not the requested host' }] },
    ]);
  });

  it('excludes every host when none of the allowed hosts takes VMs, rather than allowing all', () => {
    const req = placeRequest({
      hosts,
      peers: [],
      vms: [testVm('a', { placement: placement({ allowedHosts: ['node-h2', 'gone'] }) })],
    });
    expect(req.vms![0]!.excluded).toEqual([
      { host: 'h1', reason: 'not in placement.allowed_hosts' },
      { host: 'h3', reason: 'not in placement.allowed_hosts' },
    ]);
    expect(req.constraints).toEqual([]);
  });

  it('names only the groups the VMs to place name, and sets by their pending members', () => {
    const g = (name: string) => ({ name, type: 'affinity' as const, scope: 'host', hard: true, min: 0 });
    const peer = testVm('p', {
      state: 'running',
      host: 'h1',
      placement: placement({ groups: [g('db'), g('other')] }),
    });
    const req = placeRequest({
      hosts,
      peers: [peer],
      vms: [
        testVm('a', { placement: placement({ groups: [g('db')], setId: 's' }) }),
        testVm('b', { placement: placement({ setId: 's' }) }),
      ],
    });
    expect(req.placed).toEqual([{ id: 'p', demand: [2, 2048, 10_000], host: 'h1' }]);
    expect(req.constraints).toEqual([
      { type: 'affinity', vms: ['a', 'p'], scope: 'host', hard: true },
      { type: 'all-or-nothing', vms: ['a', 'b'] },
    ]);
  });
});

describe('placeOutcome', () => {
  it('keeps answers about the VMs asked, and gives a reason to every VM left out', () => {
    const pass: PlacementPass = { hosts, peers: [], vms: [testVm('a'), testVm('b'), testVm('c')] };
    const out = placeOutcome(pass, {
      assignment: { a: 'h1', zz: 'h1' },
      unplaced: [
        { vm: 'b', reasons: ['no room', 'anti-affinity'] },
        { vm: 'a', reasons: ['late'] },
      ],
    });
    expect(out.assignment).toEqual(new Map([['a', 'h1']]));
    expect(out.unplaced).toEqual(
      new Map([
        ['b', ['no room', 'anti-affinity']],
        ['c', ['the policy engine did not place it']],
      ]),
    );
  });
});
