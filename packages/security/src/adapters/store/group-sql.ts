// Groups with their members: one row per group, one per membership, so "which groups is this
// principal in" is an index lookup rather than a scan of every group.

import type { SqlDatabase, SqlExecutor, SqlValue } from '@reservoir/runtime';
import type { Group } from '../../domain/identity/index.js';
import { GROUPS } from './identity-tables.js';
import { getRow, insertRow, listRows, updateRow, type Row } from './sql-table.js';

async function insertMembers(tx: SqlExecutor, g: Group): Promise<void> {
  for (const member of g.members) {
    await tx.exec('INSERT INTO security_group_members (organization, group_id, member) VALUES ($1, $2, $3)', [
      g.organization,
      g.id,
      member,
    ]);
  }
}

/** Fills in the members of groups read from security_groups. */
async function withMembers(db: SqlExecutor, groups: Group[], organization?: string): Promise<Group[]> {
  if (groups.length === 0) return groups;
  const params: SqlValue[] = [];
  let where = '';
  if (organization !== undefined) {
    params.push(organization);
    where = 'WHERE organization = $1';
  } else if (groups.length <= 100) {
    const conds = groups.map((g) => {
      params.push(g.organization, g.id);
      return `(organization = $${params.length - 1} AND group_id = $${params.length})`;
    });
    where = `WHERE ${conds.join(' OR ')}`;
  }
  const rows = await db.query<Row>(
    `SELECT organization, group_id, member FROM security_group_members ${where} ORDER BY member`,
    params,
  );
  const byKey = new Map(groups.map((g) => [`${g.organization}/${g.id}`, g]));
  for (const r of rows)
    byKey.get(`${String(r.organization)}/${String(r.group_id)}`)?.members.push(String(r.member));
  return groups;
}

export async function createGroup(db: SqlDatabase, g: Group): Promise<void> {
  await db.transaction(async (tx) => {
    await insertRow(tx, GROUPS, g, { kind: 'organization', id: g.organization });
    await insertMembers(tx, g);
  });
}

export async function getGroup(
  db: SqlExecutor,
  organization: string,
  id: string,
): Promise<Group | undefined> {
  const g = await getRow(db, GROUPS, [organization, id]);
  return g && (await withMembers(db, [g]))[0];
}

export async function listGroups(db: SqlExecutor, organization?: string): Promise<Group[]> {
  const groups = await listRows(
    db,
    GROUPS,
    organization === undefined ? undefined : { column: 'organization', value: organization },
  );
  return withMembers(db, groups, organization);
}

export async function updateGroup(db: SqlDatabase, g: Group): Promise<void> {
  await db.transaction(async (tx) => {
    await updateRow(tx, GROUPS, g);
    await tx.exec('DELETE FROM security_group_members WHERE organization = $1 AND group_id = $2', [
      g.organization,
      g.id,
    ]);
    await insertMembers(tx, g);
  });
}

export async function deleteGroup(db: SqlDatabase, organization: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.exec('DELETE FROM security_group_members WHERE organization = $1 AND group_id = $2', [
      organization,
      id,
    ]);
    return (
      (await tx.exec('DELETE FROM security_groups WHERE organization = $1 AND id = $2', [organization, id])) >
      0
    );
  });
}

export async function groupsOf(db: SqlExecutor, member: string): Promise<Group[]> {
  const rows = await db.query<Row>(
    `SELECT ${GROUPS.columns.map((c) => `g.${c}`).join(', ')} FROM security_groups g
       JOIN security_group_members m ON m.organization = g.organization AND m.group_id = g.id
      WHERE m.member = $1 ORDER BY g.organization, g.id`,
    [member],
  );
  return withMembers(
    db,
    rows.map((r) => GROUPS.fromRow(r)),
  );
}
