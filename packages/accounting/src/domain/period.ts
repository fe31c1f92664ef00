import { errors } from '@reservoir/runtime';

/** A billing period: the half-open interval [start, end) of epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

export function checkPeriod(period: Period, field = 'period'): void {
  if (!Number.isSafeInteger(period.start) || !Number.isSafeInteger(period.end) || period.end <= period.start)
    throw errors.invalid(field, 'must have integer start < end (ms since the epoch)');
}
