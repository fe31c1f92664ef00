import { status, type ServiceError, Metadata } from '@grpc/grpc-js';
import { ReservoirError, isErrorCode, toReservoirError, type ErrorCode } from '../errors.js';

const TO_GRPC: Record<ErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  UNAVAILABLE: status.UNAVAILABLE,
  DEADLINE_EXCEEDED: status.DEADLINE_EXCEEDED,
  ABORTED: status.ABORTED,
  CANCELLED: status.CANCELLED,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
  INTERNAL: status.INTERNAL,
};

const FROM_GRPC = new Map<number, ErrorCode>(Object.entries(TO_GRPC).map(([k, v]) => [v, k as ErrorCode]));

export const ERROR_CODE_KEY = 'reservoir-error-code';
export const ERROR_FIELD_KEY = 'reservoir-error-field';
export const RETRY_AFTER_KEY = 'retry-after-ms';

/** A domain error as grpc-js expects it from a handler. */
export function toServiceError(e: unknown): Partial<ServiceError> {
  const err = toReservoirError(e);
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, err.code);
  if (err.field) metadata.set(ERROR_FIELD_KEY, err.field);
  if (err.retryAfterMs !== undefined) metadata.set(RETRY_AFTER_KEY, String(Math.ceil(err.retryAfterMs)));
  return { code: TO_GRPC[err.code], details: err.message, metadata };
}

/** A failed call back into the domain vocabulary, so callers see the same codes as the server. */
export function fromServiceError(e: ServiceError, what: string): ReservoirError {
  const meta = e.metadata?.get(ERROR_CODE_KEY)[0];
  const field = e.metadata?.get(ERROR_FIELD_KEY)[0];
  const code: ErrorCode =
    typeof meta === 'string' && isErrorCode(meta) ? meta : (FROM_GRPC.get(e.code) ?? 'INTERNAL');
  const retry = Number(e.metadata?.get(RETRY_AFTER_KEY)[0]);
  const message = e.details || e.message;
  return new ReservoirError(code, code === 'UNAVAILABLE' && !meta ? `${what}: ${message}` : message, {
    field: typeof field === 'string' ? field : undefined,
    cause: e,
    ...(Number.isFinite(retry) && retry >= 0 ? { retryAfterMs: retry } : {}),
  });
}
