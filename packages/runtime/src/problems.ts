// Validation of documents people edit (price lists, policies) reports every problem with its path,
// then fails once: a person fixing a file wants the whole list, not one error per attempt.

import { ReservoirError, isReservoirError } from './errors.js';

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
