// Small builders for statements whose size depends on the batch.

/** "($1, $2, $3), ($4, $5, $6)" for rows × columns placeholders starting at $first. */
export function valuesRows(rows: number, columns: number, first = 1): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < columns; c++) cells.push(`$${first + r * columns + c}`);
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}

/** "$1, $2, $3" for an IN list. */
export function placeholders(count: number, first = 1): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

/** A PostgreSQL array literal of text, for unnest(): every element quoted, \ and " escaped. */
export function pgTextArray(values: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += `"${(values[i] as string).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** A PostgreSQL array literal of integers. */
export function pgIntArray(values: readonly (number | bigint)[]): string {
  return `{${values.join(',')}}`;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
