import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isReservoirError } from '../errors.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'reservoir-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isReservoirError(e)) throw new Error(`expected a ReservoirError, got ${String(e)}`);
  return e;
}

describe('openDatabase', () => {
  it.each([
    ['sqlite:<absolute>', (f: string) => `sqlite:${f}`],
    ['sqlite:///<absolute>', (f: string) => `sqlite://${f}`],
    ['sqlite:<relative>', (f: string) => `sqlite:${relative(process.cwd(), f)}`],
    ['a bare .db path', (f: string) => f],
    ['a bare .sqlite path', (f: string) => f.replace(/\.db$/, '.sqlite')],
  ])('opens %s, creating its directory', async (label, toUrl) => {
    const file = join(dir, encodeURIComponent(label), 'sub', 'x.db');
    const url = toUrl(file);
    const db = await openDatabase(url);
    expect(db.dialect).toBe('sqlite');
    await db.exec('CREATE TABLE t (id TEXT)');
    await db.close();
    expect(existsSync(url.endsWith('.sqlite') ? file.replace(/\.db$/, '.sqlite') : file)).toBe(true);
  });

  it('opens an in-memory SQLite database', async () => {
    const db = await openDatabase('sqlite::memory:');
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await db.close();
  });

  it.each(['mysql://user:secret@db.example/x', 'file:x.db', 'notes.txt', 'sqlite:', ''])(
    'refuses %j as INVALID_ARGUMENT naming the URL',
    async (url) => {
      const e = await failure(openDatabase(url));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(`"${url.replace('secret', '***')}"`);
      expect(e.message).not.toContain('secret');
    },
  );

  it('reports an unreachable PostgreSQL as UNAVAILABLE naming the host', async () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const e = await failure(openDatabase(`${scheme}://someone:pw@127.0.0.1:1/nowhere`));
      expect(e.code).toBe('UNAVAILABLE');
      expect(e.message).toContain('127.0.0.1:1/nowhere');
      expect(e.message).not.toContain('pw');
    }
  });
});
