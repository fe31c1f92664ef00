import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  limit,
  NO_OVERCOMMIT,
  RESOURCE_KEYS,
  RESOURCE_NAMES,
  sub,
  ZERO,
  type Resources,
} from './resources.js';

const resources = fc.record({
  vcpus: fc.integer({ min: 0, max: 1024 }),
  memoryMib: fc.integer({ min: 0, max: 1 << 22 }),
  diskMib: fc.integer({ min: 0, max: 1 << 30 }),
});

describe('resource arithmetic', () => {
  it('adds and subtracts each resource', () => {
    const a: Resources = { vcpus: 4, memoryMib: 4096, diskMib: 100 };
    const b: Resources = { vcpus: 1, memoryMib: 512, diskMib: 50 };
    expect(add(a, b)).toEqual({ vcpus: 5, memoryMib: 4608, diskMib: 150 });
    expect(sub(a, b)).toEqual({ vcpus: 3, memoryMib: 3584, diskMib: 50 });
  });

  it('undoes an addition with a subtraction and leaves its inputs alone', () => {
    fc.assert(
      fc.property(resources, resources, (a, b) => {
        const before = { ...a };
        expect(sub(add(a, b), b)).toEqual(a);
        expect(add(a, ZERO)).toEqual(a);
        expect(a).toEqual(before);
      }),
    );
  });

  it('keeps ZERO and NO_OVERCOMMIT immutable', () => {
    expect(Object.isFrozen(ZERO)).toBe(true);
    expect(Object.isFrozen(NO_OVERCOMMIT)).toBe(true);
  });
});

describe('limit', () => {
  it('is the capacity without overcommit', () => {
    fc.assert(
      fc.property(resources, (c) => {
        expect(limit(c, NO_OVERCOMMIT)).toEqual(c);
      }),
    );
  });

  it('multiplies each resource by its own ratio and rounds down', () => {
    expect(limit({ vcpus: 8, memoryMib: 1000, diskMib: 3 }, { cpu: 4, memory: 1.5, disk: 0.5 })).toEqual({
      vcpus: 32,
      memoryMib: 1500,
      diskMib: 1,
    });
    expect(limit({ vcpus: 3, memoryMib: 7, diskMib: 0 }, { cpu: 1.5, memory: 1.1, disk: 2 })).toEqual({
      vcpus: 4,
      memoryMib: 7,
      diskMib: 0,
    });
  });
});

describe('resource names', () => {
  it('names every key shown in scheduler reasons', () => {
    expect(RESOURCE_KEYS.map((k) => RESOURCE_NAMES[k])).toEqual(['CPU', 'memory', 'disk']);
  });
});
