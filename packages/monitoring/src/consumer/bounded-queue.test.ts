import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './bounded-queue.js';

describe('BoundedQueue', () => {
  it('keeps order and drops the oldest when full', () => {
    const q = new BoundedQueue<number>(3);
    expect([1, 2, 3].map((i) => q.push(i))).toEqual([false, false, false]);
    expect(q.push(4)).toBe(true);
    expect(q.push(5)).toBe(true);
    expect(q.length).toBe(3);
    expect([q.shift(), q.shift()]).toEqual([3, 4]);
    q.push(6);
    expect([q.shift(), q.shift(), q.shift()]).toEqual([5, 6, undefined]);
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });
});
