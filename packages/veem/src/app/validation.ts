import { errors } from '@reservoir/runtime';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const LABEL_KEY = /^[a-z][a-z0-9._/-]{0,62}$/;

export function checkName(field: string, name: string): void {
  if (!NAME.test(name)) {
    throw errors.invalid(
      field,
      `"${name}" must be 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}

export function checkInt(field: string, value: number, min: number, max: number, unit = ''): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw errors.invalid(
      field,
      `${value}${unit} is out of range: must be a whole number from ${min} to ${max}${unit}`,
    );
  }
}

export function isLabelKey(k: string): boolean {
  return LABEL_KEY.test(k);
}

export function checkLabels(field: string, labels: Record<string, string>): void {
  for (const [k, v] of Object.entries(labels)) {
    if (!LABEL_KEY.test(k))
      throw errors.invalid(
        `${field}.${k}`,
        'label keys are lower-case letters, digits, ".", "_", "/" or "-"',
      );
    if (v.length > 256) throw errors.invalid(`${field}.${k}`, 'label values are at most 256 characters');
  }
}

/** Context for the guest: at most 64 KiB in all; the "reservoir." keys are the platform's own. */
export function checkContext(field: string, context: Record<string, string>): void {
  let bytes = 0;
  for (const [k, v] of Object.entries(context)) {
    if (!CONTEXT_KEY.test(k))
      throw errors.invalid(`${field}.${k}`, 'context keys are letters, digits, ".", "_" or "-" (1-128)');
    if (k.startsWith('reservoir.'))
      throw errors.invalid(`${field}.${k}`, '"reservoir." keys are set by the platform');
    bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (bytes > MAX_CONTEXT_BYTES) throw errors.invalid(field, `${bytes} bytes; at most ${MAX_CONTEXT_BYTES}`);
}

const CONTEXT_KEY = /^[A-Za-z0-9._-]{1,128}$/;
const MAX_CONTEXT_BYTES = 64 * 1024;

export function checkRatio(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0.1 || value > 64)
    throw errors.invalid(field, `${value} must be between 0.1 and 64`);
}
