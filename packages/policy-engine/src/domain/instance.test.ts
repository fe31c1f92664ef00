import { describe, expect, it } from 'vitest';
import { parseInstance } from './instance.js';

const minimal = {
  resources: ['cpu', 'memory', 'disk'],
  hosts: [{ id: 'h1', capacity: [32, 131072, 2000], tags: { site: 's1', zone: 'z1' } }],
  vms: [
    { id: 'v1', demand: [2, 4096, 40], host: 'h1' },
    { id: 'v2', demand: [1, 1024, 10] },
  ],
};

describe('parseInstance', () => {
  it('fills documented defaults', () => {
    const i = parseInstance(minimal);
    expect(i.hosts[0]).toMatchObject({ overcommit: [1, 1, 1], power: { idle: 0, peak: 0 }, cost: 1 });
    expect(i.vms[0]).toMatchObject({ host: 'h1', benefit: 1, moveCost: 1 });
    expect(i.vms[1]).not.toHaveProperty('host');
    expect(i.constraints).toEqual([]);
    expect(i.policy).toEqual({ name: 'consolidate', maxMigrations: Infinity, weights: {} });
  });

  it('reads every constraint kind of the documented example', () => {
    const i = parseInstance({
      ...minimal,
      constraints: [
        { type: 'anti-affinity', vms: ['v1', 'v2'], scope: 'host', hard: true },
        { type: 'affinity', vms: ['v1', 'v2'], scope: 'zone', hard: false },
        { type: 'spread', vms: ['v1', 'v2'], tag: 'zone', min: 2 },
        { type: 'allowed', vms: ['v1'], hosts: ['h1'] },
        { type: 'allowed', vms: ['v2'], tags: { site: ['s1', 's2'] } },
        { type: 'forbidden', vms: ['v2'], hosts: ['h1'] },
        { type: 'all-or-nothing', vms: ['v1', 'v2'] },
      ],
      policy: { name: 'weighted', maxMigrations: 100, weights: { consolidate: 2, balance: 1 } },
    });
    expect(i.constraints).toHaveLength(7);
    expect(i.policy).toEqual({
      name: 'weighted',
      maxMigrations: 100,
      weights: { consolidate: 2, balance: 1 },
    });
  });

  it('refuses a malformed instance with the path of each offending field', () => {
    const bad = {
      ...minimal,
      hosts: [...minimal.hosts, { id: 'h1', capacity: [1, 2] }],
      vms: [{ id: 'v1', demand: [2, -1, 40], host: 'h9' }],
      constraints: [{ type: 'spread', vms: ['v1'], tag: 'zone', min: 0 }],
    };
    expect(() => parseInstance(bad)).toThrowError(/vms\[0\]\.demand\[1\]: /);
    expect(() => parseInstance(bad)).toThrowError(/constraints\[0\]\.min: /);
    const cross = {
      ...minimal,
      hosts: [...minimal.hosts, { id: 'h1', capacity: [1, 2] }],
      vms: [{ id: 'v1', demand: [2, 1, 40], host: 'h9' }],
      constraints: [{ type: 'allowed', vms: ['v7'], hosts: ['h8'] }],
    };
    let err: unknown;
    try {
      parseInstance(cross);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'hosts[1].id' });
    const msg = (err as Error).message;
    expect(msg).toContain('hosts[1].id: duplicate host id "h1"');
    expect(msg).toContain('hosts[1].capacity: has 2 values for 3 resources');
    expect(msg).toContain('vms[0].host: unknown host "h9"');
    expect(msg).toContain('constraints[0].vms[0]: unknown VM "v7"');
    expect(msg).toContain('constraints[0].hosts[0]: unknown host "h8"');
    expect(() =>
      parseInstance({ ...minimal, constraints: [{ type: 'teleport', vms: ['v1'] }] }),
    ).toThrowError(/constraints\[0\]\.type/);
    expect(() => parseInstance('not an object')).toThrowError(/\(root\)/);
  });
});
