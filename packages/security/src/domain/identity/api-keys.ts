// API keys read "rsv_<id>_<secret>": the id finds the stored record, the secret is checked
// against its scrypt hash. The id is public (it appears in listings and redacted logs); the secret
// is shown once, at creation.

import { randomSecret } from './secrets.js';

const PREFIX = 'rsv_';
const ID = /^[a-z0-9-]{4,64}$/;
/** 32 random bytes in base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function formatApiKey(id: string, secret: string): string {
  return `${PREFIX}${id}_${secret}`;
}

/** A new secret for an API key: 256 random bits. */
export function newApiKeySecret(): string {
  return randomSecret(32);
}

export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith(PREFIX);
}

/** The id and secret of a well-formed key, undefined otherwise. */
export function parseApiKey(credential: string): { id: string; secret: string } | undefined {
  if (!credential.startsWith(PREFIX)) return undefined;
  const rest = credential.slice(PREFIX.length);
  const sep = rest.indexOf('_');
  if (sep < 0) return undefined;
  const id = rest.slice(0, sep);
  const secret = rest.slice(sep + 1);
  return ID.test(id) && SECRET.test(secret) ? { id, secret } : undefined;
}
