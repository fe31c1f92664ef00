import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatApiKey, looksLikeApiKey, newApiKeySecret, parseApiKey } from './api-keys.js';
import {
  DEFAULT_SCRYPT_COST,
  SecretText,
  hashSecret,
  needsRehash,
  parseHash,
  redact,
  verifySecret,
} from './secrets.js';

const FAST = { N: 2 ** 14, r: 8, p: 1 };

describe('secret hashing', () => {
  it('round-trips a password and refuses a wrong one', async () => {
    const hash = await hashSecret('correct horse battery staple', FAST);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifySecret('correct horse battery staple', hash)).toBe(true);
    expect(await verifySecret('correct horse battery stapl', hash)).toBe(false);
    expect(await verifySecret('', hash)).toBe(false);
  });

  it('uses N=2^15 by default, a fresh salt each time, and reads the cost from the hash', async () => {
    const [a, b] = await Promise.all([hashSecret('same secret text'), hashSecret('same secret text')]);
    expect(a.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(a).not.toBe(b);
    expect(parseHash(a)?.salt).toHaveLength(16);
    expect(await verifySecret('same secret text', b)).toBe(true);
  });

  it('treats a malformed or extravagant stored hash as a mismatch', async () => {
    const good = await hashSecret('password-1234', FAST);
    const parts = good.split('$');
    for (const bad of [
      '',
      'plain',
      good.replace('scrypt', 'bcrypt'),
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'),
      [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 4), 'c2FsdA', parts[5]].join('$'),
    ]) {
      expect(await verifySecret('password-1234', bad)).toBe(false);
    }
  });

  it('refuses a cost below 2^14 and says when a stored hash is weaker than wanted', async () => {
    await expect(hashSecret('x', { N: 2 ** 10, r: 8, p: 1 })).rejects.toThrow(/2\^14/);
    const weak = await hashSecret('password-1234', FAST);
    expect(needsRehash(weak, DEFAULT_SCRYPT_COST)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
  });
});

describe('credentials never print', () => {
  it('redacts API keys, tokens and anything else', () => {
    expect(redact('rsv_ak-0abc_secretsecret')).toBe('rsv_ak-0abc_[redacted]');
    expect(redact('v1.eyJzdWIi.c2ln')).toBe('v1.[redacted]');
    expect(redact('hunter2hunter2')).toBe('[redacted]');
  });

  it('keeps a SecretText out of strings, JSON and util.inspect', () => {
    const s = new SecretText('rsv_ak-0abc_topsecretvalue');
    expect(s.reveal()).toBe('rsv_ak-0abc_topsecretvalue');
    expect(String(s)).toBe('rsv_ak-0abc_[redacted]');
    expect(`${s}`).not.toContain('topsecret');
    expect(JSON.stringify({ key: s })).toBe('{"key":"rsv_ak-0abc_[redacted]"}');
    expect(inspect({ key: s })).not.toContain('topsecret');
  });
});

describe('API key format', () => {
  it('formats rsv_<id>_<secret> and parses it back, secret underscores included', () => {
    const secret = newApiKeySecret();
    expect(secret).toHaveLength(43);
    const key = formatApiKey('ak-0lrx2k9zz1abc', secret);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(parseApiKey(key)).toEqual({ id: 'ak-0lrx2k9zz1abc', secret });
    expect(parseApiKey(formatApiKey('ak-0001', `_${'a'.repeat(42)}`))?.secret).toBe(`_${'a'.repeat(42)}`);
  });

  it('refuses malformed keys', () => {
    for (const bad of [
      'rsv_',
      'rsv_abc',
      'rsv_AK-0001_x',
      `rsv_ak-0001_${'a'.repeat(42)}`,
      `key_ak-0001_${'a'.repeat(43)}`,
    ]) {
      expect(parseApiKey(bad)).toBeUndefined();
    }
  });
});
