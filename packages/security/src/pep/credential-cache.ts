import type { Principal } from '../domain/identity/index.js';

/**
 * Remembers who a credential is for a short while, so a busy caller costs the store one lookup
 * every ttlMs instead of one per call. A withdrawn role or a revoked key takes effect within ttlMs;
 * a token's own expiry is still checked on every call.
 */
export function cachedAuthenticator(
  authenticate: (credential: string | undefined) => Promise<Principal>,
  ttlMs = 2_000,
  maxEntries = 10_000,
  clock: () => number = Date.now,
): (credential: string | undefined) => Promise<Principal> {
  const cache = new Map<string, { principal: Principal; until: number }>();
  return async (credential) => {
    if (!credential) return authenticate(credential);
    const now = clock();
    const hit = cache.get(credential);
    const expiresAt = hit?.principal.credential.expiresAt;
    if (hit && hit.until > now && (expiresAt === null || expiresAt === undefined || expiresAt > now))
      return hit.principal;
    const principal = await authenticate(credential);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(credential, { principal, until: now + ttlMs });
    return principal;
  };
}
