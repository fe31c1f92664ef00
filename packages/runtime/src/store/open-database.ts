// Services take one "database" setting; its form picks the adapter, so switching from the
// embedded SQLite file to a shared PostgreSQL is a configuration change only.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ReservoirError } from '../errors.js';
import { PostgresDatabase } from './postgres-database.js';
import type { SqlDatabase } from './sql-database.js';
import { SqliteDatabase } from './sqlite-database.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL only: keep every table in this schema (created if missing). A SQLite file is already private. */
  schema?: string;
}

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/i;
const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const MEMORY = ':memory:';

/** Hides a password so an error message about the URL can be logged. */
function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

/** The file a SQLite URL or path names, or undefined when url is not one. */
function sqlitePath(url: string): string | undefined {
  if (url.toLowerCase().startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    // sqlite:///abs/path.db is the other common spelling of sqlite:/abs/path.db.
    return rest.startsWith('//') ? rest.slice(2) : rest;
  }
  // Any other scheme is refused; a one-letter prefix is a Windows drive, not a scheme.
  if (!/^[a-z][a-z0-9+.-]+:/i.test(url) && SQLITE_FILE.test(url)) return url;
  return undefined;
}

/**
 * Opens "sqlite:<path>", "sqlite::memory:", a bare "<path>.db"/".sqlite" file, or
 * "postgres://…"/"postgresql://…". Relative SQLite paths resolve against the working directory.
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<SqlDatabase> {
  if (POSTGRES_URL.test(url)) return PostgresDatabase.connect(url, options);
  const path = sqlitePath(url);
  if (path === undefined || path === '') {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `unsupported database URL "${redact(url)}": expected sqlite:<path>, sqlite::memory:, a .db or .sqlite file path, or postgres://…`,
      { field: 'database' },
    );
  }
  if (path === MEMORY) return new SqliteDatabase(MEMORY);
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ReservoirError(
      'UNAVAILABLE',
      `cannot create the directory of SQLite database ${file}: ${reason}`,
      {
        cause: e,
      },
    );
  }
  return new SqliteDatabase(file);
}

/** The PostgreSQL schema of one service of one site, e.g. pe_site_a: services share a database, not tables. */
export function siteSchema(service: string, site: string): string {
  return `${service}_${site.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/** Opens a service's database: on PostgreSQL its tables live in the site's own schema (siteSchema). */
export function openSiteDatabase(url: string, service: string, site: string): Promise<SqlDatabase> {
  return POSTGRES_URL.test(url)
    ? openDatabase(url, { schema: siteSchema(service, site) })
    : openDatabase(url);
}
