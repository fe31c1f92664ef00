import { describe, expect, it } from 'vitest';
import { LoginLockedError, lockedFor } from './lockout.js';

const policy = { maxFailures: 3, windowMs: 60_000 };

describe('lockout', () => {
  it('locks after maxFailures within the window until the oldest of them leaves it', () => {
    const now = 1_000_000;
    expect(lockedFor([], now, policy)).toBe(0);
    expect(lockedFor([now - 1000, now - 2000], now, policy)).toBe(0);
    expect(lockedFor([now - 1000, now - 2000, now - 50_000], now, policy)).toBe(10_000);
    // Failures older than the window do not count.
    expect(lockedFor([now - 1000, now - 2000, now - 61_000], now, policy)).toBe(0);
    // With more failures than the limit, the lock lasts until enough of them age out.
    expect(lockedFor([now - 50_000, now - 1000, now - 40_000, now - 2000], now, policy)).toBe(20_000);
  });

  it('is RESOURCE_EXHAUSTED with the time to wait', () => {
    const e = new LoginLockedError(12_345);
    expect(e.code).toBe('RESOURCE_EXHAUSTED');
    expect(e.retryAfterMs).toBe(12_345);
    expect(e.message).toBe('too many failed logins: try again in 13 s');
  });
});
