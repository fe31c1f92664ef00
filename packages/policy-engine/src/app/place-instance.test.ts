import { describe, expect, it } from 'vitest';
import type { PePolicy } from '../domain/model.js';
import { placeInstance, type PlaceHostInput, type PlaceInput, type PlaceVmInput } from './place-instance.js';

const policy: PePolicy = { name: 'consolidate', maxMigrations: Infinity, weights: {} };

const host = (id: string, extra: Partial<PlaceHostInput> = {}): PlaceHostInput => ({
  id,
  capacity: [8, 16384],
  overcommit: [],
  used: [],
  tags: {},
  powerIdle: 0,
  powerPeak: 0,
  cost: 0,
  ...extra,
});
const vm = (id: string, extra: Partial<PlaceVmInput> = {}): PlaceVmInput => ({
  id,
  demand: [1, 1024],
  host: '',
  excluded: [],
  ...extra,
});
const request = (extra: Partial<PlaceInput> = {}): PlaceInput => ({
  resources: ['cpu', 'memory'],
  hosts: [host('h1', { used: [2, 2048], tags: { zone: 'a' } }), host('h2', { overcommit: [4, 0] })],
  vms: [vm('new-1')],
  placed: [],
  constraints: [],
  ...extra,
});

function refusal(input: PlaceInput): unknown {
  try {
    placeInstance(input, policy);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

describe('placeInstance', () => {
  it('turns used capacity into reserved capacity and fills defaults', () => {
    const i = placeInstance(request(), policy);
    expect(i.hosts[0]).toMatchObject({
      id: 'h1',
      reserved: [2, 2048],
      overcommit: [1, 1],
      cost: 1,
      tags: { zone: 'a' },
    });
    expect(i.hosts[1]).toMatchObject({ reserved: [0, 0], overcommit: [4, 1] });
    expect(i.vms).toEqual([{ id: 'new-1', demand: [1, 1024], benefit: 1, moveCost: 1 }]);
    expect(i.policy).toBe(policy);
  });

  it('pins placed VMs, counting their use once', () => {
    const i = placeInstance(
      request({
        placed: [vm('old-1', { host: 'h1', demand: [2, 1024] }), vm('old-2', { host: 'h1', demand: [] })],
        constraints: [
          {
            type: 'anti-affinity',
            vms: ['new-1', 'old-1'],
            scope: '',
            hard: true,
            tag: '',
            min: 0,
            hosts: [],
            tags: {},
          },
        ],
      }),
      policy,
    );
    expect(i.hosts[0]!.reserved).toEqual([0, 1024]);
    expect(i.vms.slice(1)).toEqual([
      { id: 'old-1', demand: [2, 1024], host: 'h1', benefit: 1, moveCost: 1, fixed: true },
      { id: 'old-2', demand: [0, 0], host: 'h1', benefit: 1, moveCost: 1, fixed: true },
    ]);
    expect(i.constraints).toEqual([
      { type: 'anti-affinity', vms: ['new-1', 'old-1'], scope: 'host', hard: true },
    ]);
  });

  it('maps each constraint kind and turns exclusions into forbidden hosts with their reason', () => {
    const c = { scope: '', hard: false, tag: '', min: 0, hosts: [] as string[], tags: {} };
    const i = placeInstance(
      request({
        vms: [
          vm('a', {
            excluded: [
              { host: 'h1', reason: 'disk format not supported' },
              { host: 'h2', reason: 'disk format not supported' },
              { host: 'gone', reason: 'not offered' },
            ],
          }),
          vm('b'),
        ],
        constraints: [
          { ...c, type: 'affinity', vms: ['a', 'b'], scope: 'zone' },
          { ...c, type: 'spread', vms: ['a', 'b'], tag: 'zone', min: 2 },
          { ...c, type: 'allowed', vms: ['a'], tags: { zone: { values: ['a', 'b'] } } },
          { ...c, type: 'forbidden', vms: ['b'], hosts: ['h2'] },
          { ...c, type: 'all-or-nothing', vms: ['a', 'b'] },
        ],
      }),
      policy,
    );
    expect(i.constraints).toEqual([
      { type: 'affinity', vms: ['a', 'b'], scope: 'zone', hard: false },
      { type: 'spread', vms: ['a', 'b'], tag: 'zone', min: 2 },
      { type: 'allowed', vms: ['a'], tags: { zone: ['a', 'b'] } },
      { type: 'forbidden', vms: ['b'], hosts: ['h2'] },
      { type: 'all-or-nothing', vms: ['a', 'b'] },
      { type: 'forbidden', vms: ['a'], hosts: ['h1', 'h2'], reason: 'disk format not supported' },
    ]);
  });

  it('refuses a malformed request naming the field', () => {
    const c = { scope: '', hard: true, tag: '', min: 0, hosts: [] as string[], tags: {} };
    const cases: [PlaceInput, string][] = [
      [request({ resources: [] }), 'resources'],
      [request({ hosts: [host('h1'), host('h2'), host('h3'), host('h4', { used: [1] })] }), 'hosts[3].used'],
      [request({ hosts: [host('h1', { capacity: [1, 2, 3] })] }), 'hosts[0].capacity'],
      [request({ hosts: [host('h1', { capacity: [1, -2] })] }), 'hosts[0].capacity[1]'],
      [request({ hosts: [host('h1'), host('h1')] }), 'hosts[1].id'],
      [request({ vms: [vm('a', { demand: [1] })] }), 'vms[0].demand'],
      [request({ vms: [vm('a'), vm('a')] }), 'vms[1].id'],
      [request({ placed: [vm('p', { host: 'nowhere' })] }), 'placed[0].host'],
      [request({ placed: [vm('p')] }), 'placed[0].host'],
      [request({ constraints: [{ ...c, type: 'near', vms: ['new-1'] }] }), 'constraints[0].type'],
      [request({ constraints: [{ ...c, type: 'affinity', vms: ['new-1', 'x'] }] }), 'constraints[0].vms[1]'],
      [request({ constraints: [{ ...c, type: 'spread', vms: ['new-1'], min: 2 }] }), 'constraints[0].tag'],
      [request({ constraints: [{ ...c, type: 'allowed', vms: ['new-1'] }] }), 'constraints[0]'],
      [
        request({ constraints: [{ ...c, type: 'allowed', vms: ['new-1'], hosts: ['h9'] }] }),
        'constraints[0].hosts[0]',
      ],
    ];
    for (const [input, field] of cases)
      expect(refusal(input), field).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });
});
