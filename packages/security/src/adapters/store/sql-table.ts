// A small row mapper for the identity tables: each is a list of columns, a key (its first
// columns), and conversions both ways. Insert, get, list and update are then one function each.

import { errors, isReservoirError, type SqlExecutor, type SqlValue } from '@reservoir/runtime';

export type Row = Record<string, unknown>;

export interface Table<T> {
  name: string;
  /** Singular noun for errors: "user", "organization". */
  kind: string;
  columns: readonly string[];
  /** How many of the first columns form the primary key. */
  keyColumns: number;
  /** Columns update leaves alone. */
  immutable: readonly string[];
  orderBy: string;
  toRow(value: T): SqlValue[];
  fromRow(row: Row): T;
}

const FOREIGN_KEY = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

export function isForeignKeyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FOREIGN_KEY.has(code);
}

function keyText<T>(table: Table<T>, values: readonly SqlValue[]): string {
  return values.slice(0, table.keyColumns).join('/');
}

/**
 * ALREADY_EXISTS when the key is taken; NOT_FOUND naming `parent` when a referenced row (the
 * organization) is missing.
 */
export async function insertRow<T>(
  db: SqlExecutor,
  table: Table<T>,
  value: T,
  parent: { kind: string; id: string },
): Promise<void> {
  const row = table.toRow(value);
  const marks = table.columns.map((_, i) => `$${i + 1}`).join(', ');
  try {
    await db.exec(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${marks})`, row);
  } catch (e) {
    if (isReservoirError(e) && e.code === 'ALREADY_EXISTS')
      throw errors.exists(table.kind, keyText(table, row));
    if (isForeignKeyError(e)) throw errors.notFound(parent.kind, parent.id);
    throw e;
  }
}

function keyWhere<T>(table: Table<T>, first = 1): string {
  return table.columns
    .slice(0, table.keyColumns)
    .map((c, i) => `${c} = $${first + i}`)
    .join(' AND ');
}

export async function getRow<T>(
  db: SqlExecutor,
  table: Table<T>,
  key: readonly SqlValue[],
): Promise<T | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${table.columns.join(', ')} FROM ${table.name} WHERE ${keyWhere(table)}`,
    key,
  );
  return rows[0] && table.fromRow(rows[0]);
}

/** Rows where column = value (every row without a filter), in the table's order. */
export async function listRows<T>(
  db: SqlExecutor,
  table: Table<T>,
  filter?: { column: string; value: SqlValue },
): Promise<T[]> {
  const where = filter ? `WHERE ${filter.column} = $1` : '';
  const rows = await db.query<Row>(
    `SELECT ${table.columns.join(', ')} FROM ${table.name} ${where} ORDER BY ${table.orderBy}`,
    filter ? [filter.value] : [],
  );
  return rows.map((r) => table.fromRow(r));
}

/** Replaces every column but the key and the immutable ones; NOT_FOUND when there is no such row. */
export async function updateRow<T>(
  db: SqlExecutor,
  table: Table<T>,
  value: T,
  parent?: { kind: string; id: string },
): Promise<void> {
  const row = table.toRow(value);
  const sets: string[] = [];
  const params: SqlValue[] = row.slice(0, table.keyColumns);
  table.columns.forEach((c, i) => {
    if (i < table.keyColumns || table.immutable.includes(c)) return;
    params.push(row[i] as SqlValue);
    sets.push(`${c} = $${params.length}`);
  });
  let changed: number;
  try {
    changed = await db.exec(`UPDATE ${table.name} SET ${sets.join(', ')} WHERE ${keyWhere(table)}`, params);
  } catch (e) {
    if (parent && isForeignKeyError(e)) throw errors.notFound(parent.kind, parent.id);
    throw e;
  }
  if (changed === 0) throw errors.notFound(table.kind, keyText(table, row));
}

export function json(value: unknown): string {
  return JSON.stringify(value);
}

export function parse<T>(value: unknown): T {
  return JSON.parse(String(value)) as T;
}

export function num(value: unknown): number {
  return Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
