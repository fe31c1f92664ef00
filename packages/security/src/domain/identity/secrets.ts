// Secrets at rest are scrypt hashes (memory-hard), written as a self-describing string
// "scrypt$N$r$p$salt$hash" (salt and hash base64url) so the cost can rise later without breaking
// stored hashes. Secrets handed out (API keys, one-time passwords, tokens) travel as SecretText,
// whose string and JSON forms are redacted, so logging a result never leaks one.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and tens of milliseconds per hash. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** The lowest cost hashSecret accepts: 16 MiB. */
export const MIN_SCRYPT_N = 2 ** 14;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on what a stored hash may ask for, so a tampered row cannot make verification hang.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(secret: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, length, { ...cost, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;
}

/** Hashes a password or API key secret with a fresh 16-byte salt. */
export async function hashSecret(secret: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  if (!isPowerOfTwo(cost.N) || cost.N < MIN_SCRYPT_N || cost.N > MAX_N) {
    throw new RangeError(`scrypt N must be a power of two from 2^14 to 2^20, got ${cost.N}`);
  }
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, cost, KEY_BYTES);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash extends ScryptCost {
  salt: Buffer;
  key: Buffer;
}

export function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] as string, 'base64url');
  const key = Buffer.from(parts[5] as string, 'base64url');
  const ok =
    isPowerOfTwo(N) &&
    N <= MAX_N &&
    Number.isSafeInteger(r) &&
    r >= 1 &&
    r <= MAX_R &&
    Number.isSafeInteger(p) &&
    p >= 1 &&
    p <= MAX_P &&
    salt.length >= SALT_BYTES &&
    key.length >= 16 &&
    key.length <= 64;
  return ok ? { N, r, p, salt, key } : undefined;
}

/** True when secret matches the stored hash; false for a wrong secret or a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (!h) return false;
  const key = await derive(secret, h.salt, h, h.key.length);
  return timingSafeEqual(key, h.key);
}

/** True when the stored hash was made with a lower cost than wanted (rehash it at the next login). */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const h = parseHash(stored);
  return !h || h.N < cost.N || h.r < cost.r || h.p < cost.p;
}

/** URL-safe random text from `bytes` random bytes. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * The printable form of a credential: an API key keeps its public id ("rsv_<id>_…"), a token
 * its version, anything else becomes "[redacted]".
 */
export function redact(credential: string): string {
  const key = /^(rsv_[a-z0-9-]+_)/.exec(credential);
  if (key) return `${key[1]}[redacted]`;
  if (credential.startsWith('v1.')) return 'v1.[redacted]';
  return '[redacted]';
}

/** A secret handed out once: reveal() gives it; toString, JSON and util.inspect show only redact(). */
export class SecretText {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return redact(this.#value);
  }

  toJSON(): string {
    return redact(this.#value);
  }

  [inspect.custom](): string {
    return `SecretText(${redact(this.#value)})`;
  }
}
