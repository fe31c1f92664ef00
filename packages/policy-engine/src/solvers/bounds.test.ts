import { describe, expect, it } from 'vitest';
import { hostLowerBound } from '../domain/bounds.js';
import { parseInstance } from '../domain/instance.js';
import { Placement } from '../domain/placement.js';
import { compileProblem, type Problem } from '../domain/problem.js';
import { policyLowerBound, provedInfeasible } from './bounds.js';

// Policy bounds (what the gap is measured against) and proofs that no complete answer exists
// (what makes a status "infeasible" rather than "partial").

const problem = (json: Record<string, unknown>): Problem =>
  compileProblem(parseInstance({ resources: ['cpu'], ...json }));
const hosts = (...cpu: number[]) =>
  cpu.map((c, i) => ({ id: `h${i + 1}`, capacity: [c], tags: { zone: `z${i % 2}` } }));
const vms = (...cpu: number[]) => cpu.map((c, i) => ({ id: `v${i + 1}`, demand: [c] }));
const lb = (p: Problem) => policyLowerBound(p, hostLowerBound(p));
/** Nothing placed: what a solver that placed nothing would have to prove. */
const nothingPlaced = (p: Problem) => provedInfeasible(new Placement(p), hostLowerBound(p));

describe('policyLowerBound', () => {
  it('consolidate: the host bound', () => {
    expect(lb(problem({ hosts: hosts(10, 10, 10), vms: vms(6, 6, 6) }))).toEqual({
      value: 3,
      primary: 'hosts',
    });
  });

  it('balance: the fluid load of the fullest resource', () => {
    const p = problem({ hosts: hosts(10, 10), vms: vms(6, 6, 3), policy: { name: 'balance' } });
    expect(lb(p).value).toBeCloseTo(15 / 20, 12);
  });

  it('min-migrations: the move cost of VMs their host cannot keep even alone', () => {
    const p = problem({
      hosts: hosts(10, 10, 10),
      vms: [
        { id: 'fits', demand: [4], host: 'h1', moveCost: 7 },
        { id: 'too-big', demand: [12], host: 'h2', moveCost: 3 },
        { id: 'banned', demand: [1], host: 'h3', moveCost: 5 },
        { id: 'new', demand: [1], moveCost: 9 },
      ],
      constraints: [{ type: 'forbidden', vms: ['banned'], hosts: ['h3'] }],
      policy: { name: 'min-migrations' },
    });
    expect(lb(p)).toEqual({ value: 3 + 5, primary: 'migration cost' });
  });

  it('profit: minus every benefit', () => {
    const p = problem({
      hosts: hosts(10),
      vms: [
        { id: 'a', demand: [1], benefit: 4 },
        { id: 'b', demand: [1], benefit: 2.5 },
      ],
      policy: { name: 'profit' },
    });
    expect(lb(p).value).toBe(-6.5);
  });

  it('weighted: the weighted sum of the normalised bounds', () => {
    const p = problem({
      hosts: hosts(10, 10, 10, 10),
      vms: vms(6, 6),
      policy: { name: 'weighted', weights: { consolidate: 2, balance: 1, profit: 0.5 } },
    });
    expect(lb(p).value).toBeCloseTo(2 * (2 / 4) + 1 * (12 / 40) - 0.5, 12);
  });
});

describe('provedInfeasible', () => {
  it('proves nothing for an instance that has a complete answer', () => {
    expect(nothingPlaced(problem({ hosts: hosts(10, 10), vms: vms(6, 4, 6) }))).toBe(false);
  });

  it('proves a VM larger than every host', () => {
    expect(nothingPlaced(problem({ hosts: hosts(10, 10), vms: vms(11) }))).toBe(true);
  });

  it('proves a VM every host is excluded for', () => {
    const p = problem({
      hosts: hosts(10, 10),
      vms: vms(1),
      constraints: [{ type: 'allowed', vms: ['v1'], tags: { zone: ['z9'] } }],
    });
    expect(nothingPlaced(p)).toBe(true);
  });

  it('proves more demand than capacity, and more hosts needed than there are', () => {
    expect(nothingPlaced(problem({ hosts: hosts(10, 10), vms: vms(8, 8, 8) }))).toBe(true);
    expect(nothingPlaced(problem({ hosts: hosts(10, 10), vms: vms(3, 3, 3, 3, 3, 3, 3) }))).toBe(true);
  });

  it('proves hard affinity and anti-affinity over the same VMs, at host scope or one tag', () => {
    const both = (affinity: string, anti: string) =>
      nothingPlaced(
        problem({
          hosts: hosts(10, 10, 10, 10),
          vms: vms(1, 1, 1),
          constraints: [
            { type: 'affinity', vms: ['v1', 'v2', 'v3'], scope: affinity },
            { type: 'anti-affinity', vms: ['v2', 'v3'], scope: anti },
          ],
        }),
      );
    expect(both('host', 'host')).toBe(true);
    expect(both('host', 'zone')).toBe(true);
    expect(both('zone', 'zone')).toBe(true);
    // Same zone, different hosts: possible.
    expect(both('zone', 'host')).toBe(false);
  });

  it('proves a spread over more values than exist', () => {
    const spread = (min: number, members: string[]) =>
      nothingPlaced(
        problem({
          hosts: hosts(10, 10, 10),
          vms: vms(1, 1, 1),
          constraints: [{ type: 'spread', vms: members, tag: 'zone', min }],
        }),
      );
    expect(spread(3, ['v1', 'v2', 'v3'])).toBe(true);
    expect(spread(2, ['v1', 'v2', 'v3'])).toBe(false);
    // Two members need only two values, whatever the minimum.
    expect(spread(3, ['v1', 'v2'])).toBe(false);
  });

  it('does not count VMs that are placed', () => {
    const p = problem({ hosts: hosts(10, 10), vms: vms(11, 1) });
    const pl = new Placement(p);
    pl.assign(1, 0);
    expect(provedInfeasible(pl, hostLowerBound(p))).toBe(true);
    const q = problem({ hosts: hosts(10, 10), vms: vms(5, 1) });
    const ql = new Placement(q);
    ql.assign(1, 0);
    expect(provedInfeasible(ql, hostLowerBound(q))).toBe(false);
  });
});
