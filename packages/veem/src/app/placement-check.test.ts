import { isReservoirError, type ReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import type { PlacementGroup } from '../domain/placement.js';
import { checkGroupsAgree, checkPlacement, type PlacementInput } from './placement-check.js';

function refusal(fn: () => unknown): ReservoirError {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e)) return e;
    throw e;
  }
  throw new Error('expected a ReservoirError, nothing was thrown');
}

const group = (o: Partial<NonNullable<PlacementInput['groups']>[number]> = {}) => ({
  name: 'web',
  type: 'anti-affinity',
  scope: '',
  hard: true,
  min: 0,
  ...o,
});

describe('checkPlacement', () => {
  it('is undefined when there is nothing to constrain', () => {
    expect(checkPlacement('placement', undefined)).toBeUndefined();
    expect(
      checkPlacement('placement', { groups: [], allowedHosts: [], forbiddenHosts: [], allowedLabels: {} }),
    ).toBeUndefined();
  });

  it('returns the canonical form: affinity scope defaults to the host, spread is always hard', () => {
    expect(
      checkPlacement('placement', {
        groups: [group(), group({ name: 'spread-me', type: 'spread', scope: 'zone', min: 2, hard: false })],
        allowedHosts: ['h1'],
        forbiddenHosts: ['node-2'],
        allowedLabels: { zone: ['a', 'b', 'a'] },
      }),
    ).toEqual({
      groups: [
        { name: 'web', type: 'anti-affinity', scope: 'host', hard: true, min: 0 },
        { name: 'spread-me', type: 'spread', scope: 'zone', hard: true, min: 2 },
      ],
      allowedHosts: ['h1'],
      forbiddenHosts: ['node-2'],
      allowedLabels: { zone: ['a', 'b'] },
      setId: '',
    });
  });

  it.each<[string, PlacementInput, string, RegExp]>([
    [
      'an unknown group type',
      { groups: [group({ type: 'near' })] },
      'placement.groups[0].type',
      /"near" is not one of affinity, anti-affinity, spread/,
    ],
    [
      'a group without a name',
      { groups: [group({ name: '' })] },
      'placement.groups[0].name',
      /must be 1-128 characters/,
    ],
    ['a group named twice', { groups: [group(), group()] }, 'placement.groups[1].name', /named twice/],
    [
      'a scope that is no label',
      { groups: [group({ scope: 'Rack Row' })] },
      'placement.groups[0].scope',
      /"host" or a host label/,
    ],
    [
      'a spread without its label',
      { groups: [group({ type: 'spread', min: 2 })] },
      'placement.groups[0].scope',
      /names the host label/,
    ],
    [
      'a spread without min',
      { groups: [group({ type: 'spread', scope: 'zone' })] },
      'placement.groups[0].min',
      /out of range/,
    ],
    [
      'min on an affinity group',
      { groups: [group({ type: 'affinity', min: 2 })] },
      'placement.groups[0].min',
      /only spread groups take min/,
    ],
    ['an empty host name', { allowedHosts: ['h1', ''] }, 'placement.allowed_hosts[1]', /must be 1-128/],
    ['a host listed twice', { forbiddenHosts: ['h1', 'h1'] }, 'placement.forbidden_hosts[1]', /listed twice/],
    [
      'a host both allowed and forbidden',
      { allowedHosts: ['h1'], forbiddenHosts: ['h2', 'h1'] },
      'placement.forbidden_hosts[1]',
      /also in allowed_hosts/,
    ],
    [
      'a label without values',
      { allowedLabels: { zone: [] } },
      'placement.allowed_labels.zone',
      /at least one/,
    ],
    ['a bad label key', { allowedLabels: { Zone: ['a'] } }, 'placement.allowed_labels.Zone', /lower-case/],
    ['a set id chosen by the client', { setId: 'set-1' }, 'placement.set_id', /assigned by CreateVmSet/],
  ])('refuses %s, naming the field', (_what, input, field, message) => {
    const e = refusal(() => checkPlacement('placement', input));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`${field}: `)).toBe(true);
  });

  it('prefixes the field of a set member', () => {
    const e = refusal(() => checkPlacement('vms[2].placement', { groups: [group({ type: 'x' })] }));
    expect(e.field).toBe('vms[2].placement.groups[0].type');
  });
});

describe('checkGroupsAgree', () => {
  const existing: PlacementGroup = { name: 'web', type: 'anti-affinity', scope: 'host', hard: true, min: 0 };
  const known = (name: string) => (name === 'web' ? existing : undefined);

  it('accepts a new group and one defined as its members define it', () => {
    const p = checkPlacement('placement', { groups: [group(), group({ name: 'db', type: 'affinity' })] });
    expect(() => checkGroupsAgree('placement', 'acme', p, known)).not.toThrow();
  });

  it('refuses a group its organization already defines differently, saying both definitions', () => {
    const p = checkPlacement('placement', { groups: [group({ name: 'db' }), group({ hard: false })] });
    const e = refusal(() => checkGroupsAgree('placement', 'acme', p, known));
    expect(e.code).toBe('FAILED_PRECONDITION');
    expect(e.field).toBe('placement.groups[1]');
    expect(e.message).toBe(
      'placement.groups[1]: group "web" of organization acme is hard anti-affinity over host; this request defines it as soft anti-affinity over host',
    );
  });
});
