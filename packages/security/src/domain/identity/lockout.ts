// Lockout after repeated failed logins: at most maxFailures failures per (organization, user) in a
// sliding window. While locked, attempts are refused before the password is even checked, so a
// guesser learns nothing; the lock lifts as failures age out of the window.

import { ReservoirError } from '@reservoir/runtime';

export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

/** The counter a login attempt is charged to; unknown users count too, so locking reveals nothing. */
export function loginSubject(organization: string, user: string): string {
  return `${organization}/${user}`.slice(0, 300);
}

/**
 * How long (ms) the subject must wait before its next attempt, 0 when it may try now.
 * failures are the epoch-ms times of its failed attempts, in any order.
 */
export function lockedFor(failures: readonly number[], now: number, policy: LockoutPolicy): number {
  const recent = failures.filter((t) => t > now - policy.windowMs).sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return 0;
  // The lock lifts when the maxFailures-th most recent failure leaves the window.
  return Math.max(1, (recent[policy.maxFailures - 1] as number) + policy.windowMs - now);
}

/** RESOURCE_EXHAUSTED with the wait, for a Retry-After header or grpc metadata. */
export class LoginLockedError extends ReservoirError {
  declare readonly retryAfterMs: number;

  constructor(retryAfterMs: number) {
    super('RESOURCE_EXHAUSTED', `too many failed logins: try again in ${Math.ceil(retryAfterMs / 1000)} s`, {
      retryAfterMs,
    });
  }
}
