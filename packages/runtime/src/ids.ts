import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Short, time-ordered identifiers: "<prefix>-<ms since epoch, base36><random>". Sorting by id
 * sorts by creation time (to the millisecond), which keeps listings and page tokens stable.
 */
// Random bytes are drawn 4 KiB at a time: one system call per ~680 ids instead of one each.
let pool = Buffer.alloc(0);
let offset = 0;

function random6(): Buffer {
  if (offset + 6 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  offset += 6;
  return pool.subarray(offset - 6, offset);
}

export function newId(prefix: string, nowMs = Date.now()): string {
  const time = nowMs.toString(36).padStart(9, '0');
  let rand = '';
  for (const b of random6()) rand += ALPHABET[b % 36];
  return `${prefix}-${time}${rand}`;
}
