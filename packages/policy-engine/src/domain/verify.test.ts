import { describe, expect, it } from 'vitest';
import { parseInstance } from './instance.js';
import { hardViolations } from './verify.js';

// The independent checker every solver test relies on: it must see each kind of hard violation,
// and nothing else (soft rules, unplaced VMs).

const hosts = [
  { id: 'h1', capacity: [8, 16], tags: { zone: 'z1', rack: 'r1' }, overcommit: [2, 1] },
  { id: 'h2', capacity: [8, 16], tags: { zone: 'z1', rack: 'r2' }, reserved: [2, 4] },
  { id: 'h3', capacity: [8, 16], tags: { zone: 'z2', rack: 'r3' } },
  { id: 'h4', capacity: [8, 16], tags: { rack: 'r4' } },
];
const vms = ['a', 'b', 'c', 'd'].map((id) => ({ id, demand: [2, 4] }));
const check = (extra: Record<string, unknown>, assignment: Record<string, string>) =>
  hardViolations(parseInstance({ resources: ['cpu', 'memory'], hosts, vms, ...extra }), assignment);

describe('hardViolations', () => {
  it('accepts a valid answer, with VMs left out', () => {
    expect(check({}, { a: 'h1', b: 'h1', c: 'h3' })).toEqual([]);
    expect(check({}, {})).toEqual([]);
  });

  it('reports unknown VMs and hosts', () => {
    expect(check({}, { a: 'h9' })).toEqual(['a → h9: unknown VM or host']);
    expect(check({}, { zz: 'h1' })).toEqual(['zz → h1: unknown VM or host']);
    expect(check({ constraints: [{ type: 'allowed', vms: ['a'], hosts: ['h1'] }] }, { a: 'h9' })).toEqual([
      'a → h9: unknown VM or host',
    ]);
  });

  it('measures capacity × overcommit, plus reserved capacity', () => {
    const big = (cpu: number) => [{ id: 'big', demand: [cpu, 1] }];
    const on = (host: string, cpu: number) =>
      hardViolations(parseInstance({ resources: ['cpu', 'memory'], hosts, vms: big(cpu) }), { big: host });
    expect(on('h1', 16)).toEqual([]);
    expect(on('h1', 17)).toEqual(['h1: cpu 17 > 16']);
    expect(on('h2', 6)).toEqual([]);
    expect(on('h2', 7)).toEqual(['h2: cpu 9 > 8']);
    expect(check({}, { a: 'h3', b: 'h3', c: 'h3', d: 'h3' })).toEqual([]);
    expect(check({}, { a: 'h2', b: 'h2', c: 'h2' })).toEqual([]);
    expect(check({}, { a: 'h2', b: 'h2', c: 'h2', d: 'h2' })).toEqual([
      'h2: cpu 10 > 8',
      'h2: memory 20 > 16',
    ]);
  });

  it('checks hard anti-affinity and affinity at host and tag scope, ignoring soft ones', () => {
    const anti = (scope: string, hard = true) => ({
      constraints: [{ type: 'anti-affinity', vms: ['a', 'b'], scope, hard }],
    });
    expect(check(anti('host'), { a: 'h1', b: 'h1' })).toEqual([
      'constraints[0]: anti-affinity members share a host',
    ]);
    expect(check(anti('host'), { a: 'h1', b: 'h2' })).toEqual([]);
    expect(check(anti('zone'), { a: 'h1', b: 'h2' })).toEqual([
      'constraints[0]: anti-affinity members share a zone',
    ]);
    expect(check(anti('zone'), { a: 'h1', b: 'h3' })).toEqual([]);
    expect(check(anti('zone', false), { a: 'h1', b: 'h2' })).toEqual([]);
    const aff = (scope: string) => ({ constraints: [{ type: 'affinity', vms: ['a', 'b', 'c'], scope }] });
    expect(check(aff('zone'), { a: 'h1', b: 'h2' })).toEqual([]);
    expect(check(aff('zone'), { a: 'h1', b: 'h3' })).toEqual(['constraints[0]: affinity members on 2 zones']);
    expect(check(aff('host'), { a: 'h1', b: 'h2', c: 'h3' })).toEqual([
      'constraints[0]: affinity members on 3 hosts',
    ]);
  });

  it('refuses a member of a hard tag-scoped rule on a host without the tag', () => {
    expect(check({ constraints: [{ type: 'affinity', vms: ['a'], scope: 'zone' }] }, { a: 'h4' })).toEqual([
      'constraints[0]: a member is on a host without tag zone',
    ]);
    expect(
      check({ constraints: [{ type: 'spread', vms: ['a', 'b'], tag: 'zone', min: 1 }] }, { a: 'h4' }),
    ).toEqual(['constraints[0]: a member is on a host without tag zone']);
    expect(
      check(
        { constraints: [{ type: 'anti-affinity', vms: ['a'], scope: 'zone', hard: false }] },
        { a: 'h4' },
      ),
    ).toEqual([]);
  });

  it('requires a spread over min(min, placed members) values', () => {
    const spread = { constraints: [{ type: 'spread', vms: ['a', 'b', 'c'], tag: 'zone', min: 2 }] };
    expect(check(spread, { a: 'h1' })).toEqual([]);
    expect(check(spread, { a: 'h1', b: 'h2' })).toEqual([
      'constraints[0]: spread over 1 zone values, needs 2',
    ]);
    expect(check(spread, { a: 'h1', b: 'h3' })).toEqual([]);
    expect(check(spread, { a: 'h1', b: 'h2', c: 'h3' })).toEqual([]);
  });

  it('requires all members of an all-or-nothing set or none', () => {
    const set = { constraints: [{ type: 'all-or-nothing', vms: ['a', 'b', 'c'] }] };
    expect(check(set, {})).toEqual([]);
    expect(check(set, { a: 'h1', b: 'h1', c: 'h1' })).toEqual([]);
    expect(check(set, { a: 'h1', c: 'h1' })).toEqual(['constraints[0]: 2 of 3 members placed']);
  });

  it('reads a VM named twice in a constraint as one member', () => {
    expect(
      check({ constraints: [{ type: 'anti-affinity', vms: ['a', 'a', 'b'] }] }, { a: 'h1', b: 'h2' }),
    ).toEqual([]);
    expect(
      check({ constraints: [{ type: 'all-or-nothing', vms: ['a', 'b', 'a'] }] }, { a: 'h1', b: 'h2' }),
    ).toEqual([]);
  });

  it('checks allowed and forbidden hosts and tag values', () => {
    const rules = {
      constraints: [
        { type: 'allowed', vms: ['a'], hosts: ['h1', 'h2'] },
        { type: 'allowed', vms: ['b'], tags: { zone: ['z2'] } },
        { type: 'forbidden', vms: ['c'], hosts: ['h1'] },
        { type: 'forbidden', vms: ['d'], tags: { zone: ['z1'] } },
      ],
    };
    expect(check(rules, { a: 'h2', b: 'h3', c: 'h2', d: 'h4' })).toEqual([]);
    expect(check(rules, { a: 'h3', b: 'h4', c: 'h1', d: 'h2' })).toEqual([
      'constraints[0]: a on h3 (allowed)',
      'constraints[1]: b on h4 (allowed)',
      'constraints[2]: c on h1 (forbidden)',
      'constraints[3]: d on h2 (forbidden)',
    ]);
  });

  it('keeps fixed VMs where they are and counts migrations against the budget', () => {
    const running = {
      vms: [
        { id: 'a', demand: [1, 1], host: 'h1', fixed: true },
        { id: 'b', demand: [1, 1], host: 'h1' },
        { id: 'c', demand: [1, 1], host: 'h2' },
      ],
      policy: { maxMigrations: 1 },
    };
    expect(check(running, { a: 'h1', b: 'h3' })).toEqual([]);
    expect(check(running, { a: 'h3', b: 'h1' })).toEqual(['a: fixed on h1, answer h3']);
    expect(check(running, { a: 'h1', b: 'h3', c: 'h3' })).toEqual(['policy.maxMigrations: 2 moves > 1']);
    expect(check(running, { b: 'h3' })).toEqual(['a: fixed on h1, answer undefined']);
  });
});
