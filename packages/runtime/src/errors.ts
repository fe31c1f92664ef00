// One error vocabulary for every service. Codes follow gRPC's closed set so the mapping
// at the transport edge is one table; domain code throws these and never transport errors.

export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'ABORTED',
  'CANCELLED',
  'UNIMPLEMENTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorOptions {
  /** Where in the input the problem is: a field path such as "resources.vcpus" or "hosts[3].capacity". */
  field?: string;
  cause?: unknown;
  /** With RESOURCE_EXHAUSTED or UNAVAILABLE: when trying again may succeed. */
  retryAfterMs?: number;
}

export class ReservoirError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReservoirError';
    this.code = code;
    this.field = options.field;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** "CODE: message" — what a person sees in a CLI or a log line. */
  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function isReservoirError(e: unknown): e is ReservoirError {
  return (
    e instanceof Error &&
    (e as { name?: string }).name === 'ReservoirError' &&
    typeof (e as ReservoirError).code === 'string'
  );
}

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

export const errors = {
  invalid: (field: string, message: string) =>
    new ReservoirError('INVALID_ARGUMENT', `${field}: ${message}`, { field }),
  notFound: (kind: string, id: string) => new ReservoirError('NOT_FOUND', `${kind} "${id}" not found`),
  exists: (kind: string, id: string) =>
    new ReservoirError('ALREADY_EXISTS', `${kind} "${id}" already exists`),
  precondition: (message: string) => new ReservoirError('FAILED_PRECONDITION', message),
  exhausted: (message: string) => new ReservoirError('RESOURCE_EXHAUSTED', message),
  unavailable: (message: string, cause?: unknown) => new ReservoirError('UNAVAILABLE', message, { cause }),
  aborted: (message: string) => new ReservoirError('ABORTED', message),
  /** The caller (or someone on its behalf) stopped the operation. */
  cancelled: (message: string) => new ReservoirError('CANCELLED', message),
  internal: (message: string, cause?: unknown) => new ReservoirError('INTERNAL', message, { cause }),
  unimplemented: (message: string) => new ReservoirError('UNIMPLEMENTED', message),
};

/** Normalises anything caught into a ReservoirError, keeping the original as cause. */
export function toReservoirError(e: unknown): ReservoirError {
  if (isReservoirError(e)) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ReservoirError('INTERNAL', message, { cause: e });
}
