import { describe, expect, it } from 'vitest';
import { chooseVictims } from './victims.js';

const pool = [
  { id: 'b', startedAtMs: 2000 },
  { id: 'a', startedAtMs: 1000 },
  { id: 'd', startedAtMs: 3000 },
  { id: 'c', startedAtMs: 2000 },
];

describe('chooseVictims', () => {
  it('removes the youngest first', () => {
    expect(chooseVictims(pool, 1, 'youngest')).toEqual(['d']);
    expect(chooseVictims(pool, 3, 'youngest')).toEqual(['d', 'b', 'c']);
  });

  it('removes the oldest first', () => {
    expect(chooseVictims(pool, 2, 'oldest')).toEqual(['a', 'b']);
  });

  it('breaks equal ages by id, and never returns more than exist', () => {
    expect(chooseVictims(pool, 10, 'oldest')).toEqual(['a', 'b', 'c', 'd']);
    expect(chooseVictims(pool, 0, 'oldest')).toEqual([]);
  });

  it('does not reorder the caller’s list', () => {
    const copy = [...pool];
    chooseVictims(pool, 2, 'youngest');
    expect(pool).toEqual(copy);
  });
});
