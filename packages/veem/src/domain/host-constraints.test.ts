import { describe, expect, it } from 'vitest';
import { testHost, testVm } from '../testing/fixtures.js';
import { GroupHosts, hostRules } from './host-constraints.js';
import { groupKey, type Placement, type PlacementGroup } from './placement.js';

const group = (o: Partial<PlacementGroup> = {}): PlacementGroup => ({
  name: 'web',
  type: 'anti-affinity',
  scope: 'host',
  hard: true,
  min: 0,
  ...o,
});
const placement = (o: Partial<Placement>): Placement => ({
  groups: [],
  allowedHosts: [],
  forbiddenHosts: [],
  allowedLabels: {},
  setId: '',
  ...o,
});

describe('GroupHosts', () => {
  it('counts a migrating VM on both hosts, and nothing for a VM that holds no host', () => {
    const p = placement({ groups: [group()] });
    const g = GroupHosts.of([
      testVm('a', { state: 'migrating', host: 'h1', migrationTarget: 'h2', placement: p }),
      testVm('b', { state: 'running', host: 'h1', placement: p }),
      testVm('c', { state: 'pending', placement: p }),
    ]);
    const key = groupKey('acme', 'web');
    expect([g.count(key, 'h1'), g.count(key, 'h2'), g.count(key, 'h3'), g.hostCount(key)]).toEqual([
      2, 1, 0, 2,
    ]);
    g.remove(testVm('b', { placement: p }), 'h1');
    g.remove(testVm('a', { placement: p }), 'h2');
    expect([g.count(key, 'h1'), g.hostCount(key)]).toEqual([1, 1]);
  });
});

describe('hostRules', () => {
  const h1 = testHost('h1', { name: 'node-1', labels: { zone: 'a' } });

  it('has no rules for a VM without placement', () => {
    expect(hostRules(testVm('a'), new GroupHosts())).toEqual({});
  });

  it('reports every kind it cannot evaluate, and still gives the rules it can', () => {
    const rules = hostRules(
      testVm('a', {
        placement: placement({
          groups: [
            group({ name: 's', type: 'spread', scope: 'zone', min: 2 }),
            group({ name: 'z', scope: 'zone' }),
            group({ name: 'r', type: 'affinity', scope: 'rack' }),
          ],
          forbiddenHosts: ['node-1'],
        }),
      }),
      new GroupHosts(),
    );
    expect(rules.unsupported).toBe(
      'needs the policy engine for spread, tag-scoped anti-affinity and tag-scoped affinity constraints',
    );
    expect(rules.hard?.(h1)).toBe('in placement.forbidden_hosts');
    expect(rules.preferred).toBeUndefined();
  });

  it('matches allowed labels on the host tags, site and host name included', () => {
    const rule = (allowedLabels: Record<string, string[]>) =>
      hostRules(testVm('a', { placement: placement({ allowedLabels }) }), new GroupHosts()).hard!(h1);
    expect(rule({ zone: ['a', 'b'] })).toBeUndefined();
    expect(rule({ site: ['site-a'], host: ['node-1'] })).toBeUndefined();
    expect(rule({ rack: ['1'] })).toBe('rack not in placement.allowed_labels');
  });
});
