// Validation of policy documents (price lists, SLA credits) reports every problem with its path,
// then fails once: a person fixing a file wants the whole list, not one error per attempt.

import { ReservoirError, isReservoirError } from '@reservoir/runtime';

export interface Problem {
  /** Path in the document, e.g. "rules[2].tiers[1].upTo". */
  field: string;
  message: string;
}

export class Problems {
  readonly list: Problem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** Runs a check that throws INVALID_ARGUMENT; records its problem and returns undefined instead. */
  attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT' && e.field !== undefined) {
        const prefix = `${e.field}: `;
        this.add(e.field, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
        return undefined;
      }
      throw e;
    }
  }

  /** INVALID_ARGUMENT naming the first problem's field, with every problem in the message. */
  throwIfAny(): void {
    const first = this.list[0];
    if (!first) return;
    const message = this.list.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('\n');
    throw new ReservoirError('INVALID_ARGUMENT', message, { field: first.field });
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "rules" + 2 → "rules[2]"; "rules[2]" + "rate" → "rules[2].rate". */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Reports keys a document should not have: a misspelt optional field must not vanish silently. */
export function checkKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  base: string,
  problems: Problems,
): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key))
      problems.add(at(base, key), `unknown field (expected one of: ${allowed.join(', ')})`);
}

/**
 * A decimal as text. Strings are taken as written; numbers only when they are safe integers,
 * because any other number already went through a float.
 */
export function decimalText(v: unknown, field: string, problems: Problems): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'number')
    problems.add(field, `write ${String(v)} as a quoted decimal string so that it is read exactly`);
  else problems.add(field, 'must be a decimal number');
  return undefined;
}

/** A non-negative integer given as a number or as digits. */
export function integerValue(v: unknown, field: string, problems: Problems): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  problems.add(field, 'must be a whole number, 0 or more');
  return undefined;
}

export function stringValue(v: unknown, field: string, problems: Problems): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  problems.add(field, 'must be a non-empty string');
  return undefined;
}
