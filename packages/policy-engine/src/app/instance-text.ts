import { isReservoirError, ReservoirError } from '@reservoir/runtime';
import { parseInstance } from '../domain/instance.js';
import type { PeInstance } from '../domain/model.js';

/** JSON.parse's complaint and the offset it names (undefined: the end, or not said). */
function complaint(e: unknown): { message: string; at: number | undefined } {
  const message = (e as Error).message;
  const m = /at position (\d+)/.exec(message);
  return { message, at: m ? Number(m[1]) : undefined };
}

function jsonError(text: string): { message: string; at: number | undefined } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return complaint(e);
  }
}

/** Whether JSON.parse rejects this prefix for a reason other than running out of input. */
function brokenPrefix(text: string, length: number): boolean {
  const e = jsonError(text.slice(0, length));
  if (!e) return false;
  return !/end of JSON input/.test(e.message) && (e.at === undefined || e.at < length);
}

/**
 * The offset of the first character that makes the text invalid JSON. Some engine messages do
 * not say it; since a broken prefix stays broken when it grows, the shortest one is searched.
 */
function errorOffset(text: string, said: number | undefined): number {
  if (said !== undefined) return said;
  let lo = 0;
  let hi = text.length;
  if (!brokenPrefix(text, hi)) return text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (brokenPrefix(text, mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * An instance document from its JSON text; `source` (a file path, a request field) prefixes
 * every error, which names the line and column of bad JSON or the path of a bad field.
 */
export function parseInstanceText(text: string, source: string): PeInstance {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const bad = complaint(e);
    // V8 appends the whole text to some messages; the position says more.
    const reason = bad.message
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/( in JSON)? at position \d+.*$/s, '');
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${source}: not valid JSON: ${reason} (${lineColumn(text, errorOffset(text, bad.at))})`,
      { field: source },
    );
  }
  try {
    return parseInstance(json);
  } catch (e) {
    if (!isReservoirError(e)) throw e;
    throw new ReservoirError(e.code, `${source}: ${e.message}`, { field: e.field ?? source, cause: e });
  }
}
