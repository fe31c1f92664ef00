import { errors, isReservoirError, type SqlDatabase, type SqlExecutor } from '@reservoir/runtime';
import type { StoredPolicy } from '../../app/ports.js';

type Row = Record<string, unknown>;

const toPolicy = (r: Row): StoredPolicy => ({
  version: Number(r.version),
  document: String(r.document),
  digest: String(r.digest),
  appliedBy: String(r.applied_by),
  appliedAt: Number(r.applied_at),
});

export async function currentPolicy(db: SqlExecutor): Promise<StoredPolicy | undefined> {
  const rows = await db.query<Row>(
    'SELECT version, document, digest, applied_by, applied_at FROM security_policies ORDER BY version DESC LIMIT 1',
  );
  return rows[0] && toPolicy(rows[0]);
}

export async function policyVersion(db: SqlExecutor): Promise<number> {
  const rows = await db.query<Row>('SELECT MAX(version) AS v FROM security_policies');
  return Number(rows[0]?.v ?? 0);
}

export async function savePolicy(
  db: SqlDatabase,
  input: { document: string; digest: string; appliedBy: string; appliedAt: number },
  expectVersion?: number,
): Promise<StoredPolicy> {
  try {
    return await db.transaction(async (tx) => {
      const current = await policyVersion(tx);
      if (expectVersion !== undefined && current !== expectVersion)
        throw errors.precondition(
          `the policy in force is version ${current}, not ${expectVersion}: someone applied a change meanwhile; check it and apply again`,
        );
      const stored: StoredPolicy = { version: current + 1, ...input };
      await tx.exec(
        'INSERT INTO security_policies (version, document, digest, applied_by, applied_at) VALUES ($1, $2, $3, $4, $5)',
        [stored.version, stored.document, stored.digest, stored.appliedBy, stored.appliedAt],
      );
      return stored;
    });
  } catch (e) {
    // Two applies computed the same next version: the primary key let one through.
    if (isReservoirError(e) && e.code === 'ALREADY_EXISTS')
      throw errors.precondition('another policy version was applied at the same moment; apply again');
    throw e;
  }
}
