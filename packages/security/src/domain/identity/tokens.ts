// Signed, expiring tokens in a compact form: "v1.<base64url payload>.<base64url signature>",
// the signature an Ed25519 signature over the ASCII text "v1.<base64url payload>". The payload
// names the key that signed it (kid) so keys can rotate: every replica verifies with the keys kept
// in the shared store. Times are epoch seconds, as in JWT.

import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { ReservoirError } from '@reservoir/runtime';
import type { PrincipalKind } from './subjects.js';

export type TokenKind = PrincipalKind;
export const TOKEN_KINDS: readonly TokenKind[] = ['user', 'service', 'peer'];

export interface TokenClaims {
  /** The signing key's id. */
  kid: string;
  /** Principal id, e.g. "user:alice@acme". */
  sub: string;
  /** The principal's organization. */
  org: string;
  /** Role grants at issue time, "<role>@<org>" (a snapshot: authentication reads the current ones). */
  roles: string[];
  /** Issued at, epoch seconds. */
  iat: number;
  /** Expires at, epoch seconds. */
  exp: number;
  /** Unique token id: what the revocation list holds. */
  jti: string;
  kind: TokenKind;
}

export interface DecodedToken {
  claims: TokenClaims;
  /** The signed bytes and the signature, for verifySignature. */
  signed: Buffer;
  signature: Buffer;
}

const VERSION = 'v1';
const MAX_TOKEN_LENGTH = 8192;
const MAX_ROLES = 256;

export function unauthenticated(message: string): ReservoirError {
  return new ReservoirError('UNAUTHENTICATED', message);
}

export function newJti(): string {
  return randomBytes(16).toString('base64url');
}

export function signToken(claims: TokenClaims, privateKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
}

function str(v: unknown, max = 256): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

function seconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function checkClaims(value: unknown): TokenClaims | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  const ok =
    str(c.kid, 64) &&
    str(c.sub) &&
    str(c.org, 64) &&
    Array.isArray(c.roles) &&
    c.roles.length <= MAX_ROLES &&
    c.roles.every((r) => str(r, 160)) &&
    seconds(c.iat) &&
    seconds(c.exp) &&
    c.exp > c.iat &&
    str(c.jti, 64) &&
    TOKEN_KINDS.includes(c.kind as TokenKind);
  if (!ok) return undefined;
  const { kid, sub, org, roles, iat, exp, jti, kind } = c as unknown as TokenClaims;
  return { kid, sub, org, roles, iat, exp, jti, kind };
}

/** Splits and parses a token without trusting it: verifySignature and checkLifetime must follow. */
export function decodeToken(token: string): DecodedToken {
  const malformed = () => unauthenticated('malformed token');
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw malformed();
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) throw malformed();
  let claims: TokenClaims | undefined;
  try {
    claims = checkClaims(JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')));
  } catch {
    claims = undefined;
  }
  const signature = Buffer.from(parts[2] as string, 'base64url');
  if (!claims || signature.length !== 64) throw malformed();
  return { claims, signed: Buffer.from(`${parts[0]}.${parts[1]}`), signature };
}

export function verifySignature(decoded: DecodedToken, publicKey: KeyObject): void {
  let valid: boolean;
  try {
    valid = verify(null, decoded.signed, publicKey, decoded.signature);
  } catch {
    valid = false;
  }
  if (!valid) throw unauthenticated('invalid token signature');
}

/** Refuses a token issued in the future or already expired, allowing skewMs of clock difference. */
export function checkLifetime(claims: TokenClaims, nowMs: number, skewMs: number): void {
  if (claims.iat * 1000 > nowMs + skewMs) throw unauthenticated('token not valid yet');
  if (claims.exp * 1000 <= nowMs - skewMs) throw unauthenticated('token expired');
}
