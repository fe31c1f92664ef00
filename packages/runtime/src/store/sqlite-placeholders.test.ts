import { describe, expect, it } from 'vitest';
import { toSqlitePlaceholders } from './sqlite-placeholders.js';

describe('toSqlitePlaceholders', () => {
  it('rewrites $n to ?n, keeping $1 and $10 apart', () => {
    const sql = 'SELECT $1, $10, $2, $3, $4, $5, $6, $7, $8, $9, $11, $1';
    expect(toSqlitePlaceholders(sql)).toEqual({
      sql: 'SELECT ?1, ?10, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?11, ?1',
      parameterCount: 11,
    });
  });

  it('leaves strings, quoted identifiers and comments alone', () => {
    const sql = `SELECT '$1 it''s', "col$2", \`b$3\`, [c$4] -- $5
      /* $6 */ FROM t WHERE a = $1 AND b$1 = 'x'`;
    const out = toSqlitePlaceholders(sql);
    expect(out.parameterCount).toBe(1);
    expect(out.sql).toBe(sql.replace('a = $1', 'a = ?1'));
  });

  it('reports statements without placeholders as taking none', () => {
    expect(toSqlitePlaceholders('SELECT 1')).toEqual({ sql: 'SELECT 1', parameterCount: 0 });
  });

  it('refuses gaps and $0, as PostgreSQL does', () => {
    expect(() => toSqlitePlaceholders('SELECT $1, $3')).toThrow(/uses \$3 but not \$2/);
    expect(() => toSqlitePlaceholders('SELECT $0')).toThrow(/start at \$1/);
  });
});
