// Ed25519 token-signing keys as the store keeps them: SPKI PEM public halves, PKCS#8 PEM private
// halves, the latter encrypted with a passphrase (AES-256-CBC, node's PKCS#8 encryption) when one is
// configured, so a copy of the database alone cannot mint tokens.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { errors, newId } from '@reservoir/runtime';
import type { SigningKey } from './model.js';

export function generateSigningKey(now: number, passphrase?: string): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const encryption = passphrase === undefined ? {} : { cipher: 'aes-256-cbc', passphrase };
  return {
    kid: newId('sk', now),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem', ...encryption }).toString(),
    createdAt: now,
    retiredAt: null,
  };
}

export function publicKeyOf(pem: string): KeyObject {
  return createPublicKey(pem);
}

/** FAILED_PRECONDITION when the key is encrypted and the passphrase is missing or wrong. */
export function privateKeyOf(key: SigningKey, passphrase?: string): KeyObject {
  const encrypted = key.privateKey.includes('ENCRYPTED PRIVATE KEY');
  if (encrypted && passphrase === undefined) {
    throw errors.precondition(
      `signing key ${key.kid} is encrypted: configure the key passphrase to issue tokens`,
    );
  }
  try {
    return createPrivateKey(encrypted ? { key: key.privateKey, passphrase } : key.privateKey);
  } catch (e) {
    throw errors.precondition(
      `signing key ${key.kid} cannot be read (wrong passphrase?): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
