// Services write PostgreSQL-style $1..$n; SQLite's equivalent is ?1..?n ("?NNN"), where the
// same number names the same slot. Rewriting is lexical, so quoted text and comments are skipped.

import { errors } from '../errors.js';

export interface SqliteStatementText {
  sql: string;
  /** How many values the statement takes: the highest placeholder number. */
  parameterCount: number;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_$]/.test(c);

/** Index just past the quoted run that opens at start; a doubled quote is an escaped one. */
function skipQuoted(sql: string, start: number, close: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

function skipUntil(sql: string, start: number, terminator: string): number {
  const end = sql.indexOf(terminator, start);
  return end === -1 ? sql.length : end + terminator.length;
}

export function toSqlitePlaceholders(sql: string): SqliteStatementText {
  let out = '';
  const used = new Set<number>();
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    let end = i;
    if (c === "'" || c === '"' || c === '`') end = skipQuoted(sql, i, c);
    else if (c === '[') end = skipQuoted(sql, i, ']');
    else if (c === '-' && next === '-') end = skipUntil(sql, i + 2, '\n');
    else if (c === '/' && next === '*') end = skipUntil(sql, i + 2, '*/');
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === '$' && isDigit(next) && !isWordChar(sql[i - 1])) {
      let j = i + 1;
      while (isDigit(sql[j])) j++;
      const n = Number(sql.slice(i + 1, j));
      if (n === 0) throw errors.internal(`SQL placeholders start at $1, found $0 in: ${sql}`);
      used.add(n);
      out += `?${n}`;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  const parameterCount = used.size === 0 ? 0 : Math.max(...used);
  if (used.size !== parameterCount) {
    // PostgreSQL rejects an unused number too (it cannot infer its type); refuse it here alike.
    const missing = Array.from({ length: parameterCount }, (_, k) => k + 1).filter((n) => !used.has(n));
    throw errors.internal(
      `SQL uses $${parameterCount} but not ${missing.map((n) => `$${n}`).join(', ')}: ${sql}`,
    );
  }
  return { sql: out, parameterCount };
}
