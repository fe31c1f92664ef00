import type { Migration, SqlDatabase } from '@reservoir/runtime';
import { DEFAULT_POLICY, type PolicySettings } from '../../app/policy-settings.js';
import type { PolicyRepository } from '../../app/ports.js';

export const POLICY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'policy',
    sql: `CREATE TABLE IF NOT EXISTS pe_policy (
  id INTEGER PRIMARY KEY,
  version BIGINT NOT NULL,
  body TEXT NOT NULL
)`,
  },
];

interface Row extends Record<string, unknown> {
  version: number;
  body: string;
}

/** The site's policy as one row: a JSON document and the version compare-and-set checks. */
export class SqlPolicyRepository implements PolicyRepository {
  constructor(private readonly db: SqlDatabase) {}

  async migrate(): Promise<void> {
    await this.db.migrate('policy-engine', POLICY_MIGRATIONS);
  }

  async load(): Promise<PolicySettings | undefined> {
    const [row] = await this.db.query<Row>('SELECT version, body FROM pe_policy WHERE id = 1');
    if (!row) return undefined;
    // Fields added after the row was written take their defaults.
    return {
      ...DEFAULT_POLICY,
      ...(JSON.parse(row.body) as Partial<PolicySettings>),
      version: Number(row.version),
    };
  }

  async save(p: PolicySettings, expectedVersion: number | undefined): Promise<boolean> {
    const body = JSON.stringify({ ...p, version: undefined });
    const changed =
      expectedVersion === undefined
        ? await this.db.exec(
            'INSERT INTO pe_policy (id, version, body) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
            [p.version, body],
          )
        : await this.db.exec('UPDATE pe_policy SET version = $1, body = $2 WHERE id = 1 AND version = $3', [
            p.version,
            body,
            expectedVersion,
          ]);
    return changed === 1;
  }
}
