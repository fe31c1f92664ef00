// Driver errors differ between better-sqlite3 and pg; services must see one vocabulary, so
// both adapters pass every failure through here before it leaves the store.

import { ReservoirError, isReservoirError } from '../errors.js';

const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const PG_UNIQUE = '23505';
/** Serialization failure and deadlock: the transaction lost a race and may be retried as a whole. */
const PG_CONFLICT = new Set(['40001', '40P01']);
const PG_IN_FAILED_TRANSACTION = '25P02';
/** Admin shutdown, crash shutdown, cannot connect now. */
const PG_SERVER_GONE = new Set(['57P01', '57P02', '57P03']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
// pg raises these without a code when a connection dies or the pool cannot hand one out.
const PG_CONNECTION_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/];

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when e says the database could not be reached, as opposed to a statement being wrong. */
export function isConnectionError(e: unknown): boolean {
  const code = codeOf(e);
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('08') || PG_SERVER_GONE.has(code))) {
    return true;
  }
  const message = e instanceof Error ? e.message : '';
  return PG_CONNECTION_MESSAGES.some((re) => re.test(message));
}

/**
 * Maps the failures services branch on to ReservoirError codes, keeping the driver error as
 * cause; anything else is returned unchanged so its driver details stay inspectable.
 */
export function toStoreError(e: unknown): unknown {
  if (isReservoirError(e)) return e;
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (code !== undefined && (SQLITE_UNIQUE.has(code) || code === PG_UNIQUE)) {
    const detail = (e as { detail?: unknown }).detail;
    const what = typeof detail === 'string' && detail !== '' ? `${message} (${detail})` : message;
    return new ReservoirError('ALREADY_EXISTS', `unique constraint violated: ${what}`, { cause: e });
  }
  if (code !== undefined && PG_CONFLICT.has(code)) {
    return new ReservoirError('ABORTED', `transaction conflict: ${message}`, { cause: e });
  }
  if (code === PG_IN_FAILED_TRANSACTION) return transactionAbortedError(e);
  if (code?.startsWith('SQLITE_BUSY') || isConnectionError(e)) {
    return new ReservoirError('UNAVAILABLE', `database unavailable: ${message}`, { cause: e });
  }
  return e;
}

/**
 * A statement inside the transaction failed and the caller carried on. PostgreSQL refuses
 * everything after that until rollback; SQLite is made to refuse too, so code that would
 * break on one dialect breaks on both.
 */
export function transactionAbortedError(cause?: unknown): ReservoirError {
  return new ReservoirError(
    'ABORTED',
    'transaction aborted: an earlier statement in it failed, so it can only roll back (run the statement that may fail in a nested transaction to recover from it)',
    { cause },
  );
}
