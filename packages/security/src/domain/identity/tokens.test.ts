import { generateKeyPairSync } from 'node:crypto';
import { isReservoirError } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import {
  checkLifetime,
  decodeToken,
  newJti,
  signToken,
  verifySignature,
  type TokenClaims,
} from './tokens.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const NOW = 1_700_000_000_000;

function claims(o: Partial<TokenClaims> = {}): TokenClaims {
  return {
    kid: 'sk-1',
    sub: 'user:alice@acme',
    org: 'acme',
    roles: ['viewer@acme'],
    iat: NOW / 1000,
    exp: NOW / 1000 + 3600,
    jti: newJti(),
    kind: 'user',
    ...o,
  };
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'ok';
}

describe('tokens', () => {
  it('signs v1.<payload>.<signature> and verifies it', () => {
    const c = claims();
    const token = signToken(c, privateKey);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    const decoded = decodeToken(token);
    expect(decoded.claims).toEqual(c);
    expect(code(() => verifySignature(decoded, publicKey))).toBe('ok');
    expect(code(() => checkLifetime(decoded.claims, NOW + 1000, 0))).toBe('ok');
  });

  it('refuses a signature by another key and a tampered payload', () => {
    const token = signToken(claims(), privateKey);
    expect(code(() => verifySignature(decodeToken(token), other.publicKey))).toBe(
      'UNAUTHENTICATED: invalid token signature',
    );
    const [v, payload, sig] = token.split('.') as [string, string, string];
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
    forged.roles = ['system-admin@*'];
    const tampered = `${v}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    expect(code(() => verifySignature(decodeToken(tampered), publicKey))).toBe(
      'UNAUTHENTICATED: invalid token signature',
    );
  });

  it('refuses expired and future tokens beyond the clock skew', () => {
    const c = claims();
    const exp = c.exp * 1000;
    expect(code(() => checkLifetime(c, exp + 59_000, 60_000))).toBe('ok');
    expect(code(() => checkLifetime(c, exp + 60_000, 60_000))).toBe('UNAUTHENTICATED: token expired');
    expect(code(() => checkLifetime(c, NOW - 59_000, 60_000))).toBe('ok');
    expect(code(() => checkLifetime(c, NOW - 61_000, 60_000))).toBe('UNAUTHENTICATED: token not valid yet');
  });

  it('refuses malformed tokens without trusting any part', () => {
    const good = signToken(claims(), privateKey);
    const [, payload, sig] = good.split('.') as [string, string, string];
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const bad of [
      '',
      'v1',
      `v2.${payload}.${sig}`,
      `v1.${payload}`,
      `v1.${payload}.${sig}.x`,
      `v1.not-json.${sig}`,
      `v1.${payload}.c2hvcnQ`,
      `v1.${enc({ ...claims(), kind: 'admin' })}.${sig}`,
      `v1.${enc({ ...claims(), exp: 1 })}.${sig}`,
      `v1.${enc({ ...claims(), roles: 'viewer@acme' })}.${sig}`,
      `v1.${'a'.repeat(9000)}.${sig}`,
    ]) {
      expect(code(() => decodeToken(bad))).toBe('UNAUTHENTICATED: malformed token');
    }
  });
});
