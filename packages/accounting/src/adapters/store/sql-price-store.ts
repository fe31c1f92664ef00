import type { Migration, SqlDatabase } from '@reservoir/runtime';
import type { PriceStore } from '../../app/billing.js';

// Price lists are policy a site admin edits: kept as the text that was set (after validation), one
// per organization ('' for the site's default list).
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'price lists',
    sql: 'CREATE TABLE IF NOT EXISTS price_lists (organization TEXT PRIMARY KEY, body TEXT NOT NULL);',
  },
];

export class SqlPriceStore implements PriceStore {
  constructor(private readonly db: SqlDatabase) {}

  migrate(): Promise<void> {
    return this.db.migrate('accounting-prices', MIGRATIONS);
  }

  async all(): Promise<{ organization: string; text: string }[]> {
    const rows = await this.db.query<{ organization: string; body: string }>(
      'SELECT organization, body FROM price_lists ORDER BY organization',
    );
    return rows.map((r) => ({ organization: r.organization, text: r.body }));
  }

  async save(organization: string, text: string): Promise<void> {
    await this.db.exec(
      `INSERT INTO price_lists (organization, body) VALUES ($1, $2)
       ON CONFLICT (organization) DO UPDATE SET body = excluded.body`,
      [organization, text],
    );
  }
}
