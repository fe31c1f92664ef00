import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Short, time-ordered identifiers: "<prefix>-<ms since epoch, base36><random>". Sorting by id
 * sorts by creation time (to the millisecond), which keeps listings and page tokens stable.
 */
export function newId(prefix: string, nowMs = Date.now()): string {
  const time = nowMs.toString(36).padStart(9, '0');
  const bytes = randomBytes(6);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 36];
  return `${prefix}-${time}${rand}`;
}
