// Who holds which roles, per organization, on casbin's RBAC-with-domains role manager: users join
// groups, groups hold roles (and groups may nest), each link inside an organization (casbin's
// domain) or globally. A global link applies in every organization, so "root → system-admin"
// granted once holds everywhere, and an organization's group may inherit a global role.
// Groups and roles share one namespace, as in casbin; rolesOf returns every name a user inherits.

import { DefaultRoleManager } from 'casbin';
import { errors } from '@reservoir/runtime';
// The casbin domain of links that hold in every organization: the same mark as a global grant.
import { GLOBAL } from '../identity/roles.js';
/** Longest chain user → group → … → role that is followed (casbin's hierarchy level). */
const MAX_HIERARCHY = 10;
/** Cached answers; cleared on every change and when it grows past this. */
const CACHE_LIMIT = 100_000;

export interface Grouping {
  /** A user, or a group that joins another group or role. */
  member: string;
  /** A group or a role. */
  group: string;
  /** Omitted: a global link, valid in every organization. */
  organization?: string;
}

export class RoleDirectory {
  /** Link targets per domain: the only names rolesOf has to ask casbin about. */
  private readonly targets = new Map<string, Map<string, number>>();
  private readonly links = new Set<string>();
  private readonly cache = new Map<string, string[]>();

  private constructor(private readonly manager: DefaultRoleManager) {}

  static async create(groupings: readonly Grouping[] = []): Promise<RoleDirectory> {
    const manager = new DefaultRoleManager(MAX_HIERARCHY);
    // A request in organization O sees O's links and the global ones.
    await manager.addDomainMatchingFunc(
      (requested: string, stored: string) => stored === requested || stored === GLOBAL,
    );
    const directory = new RoleDirectory(manager);
    for (const g of groupings) await directory.addGrouping(g);
    return directory;
  }

  /** Adds member → group; adding an existing link changes nothing. */
  async addGrouping(g: Grouping): Promise<void> {
    const domain = checkGrouping(g);
    const key = linkKey(g.member, g.group, domain);
    if (this.links.has(key)) return;
    await this.manager.addLink(g.member, g.group, domain);
    this.links.add(key);
    const targets = this.targets.get(domain) ?? new Map<string, number>();
    targets.set(g.group, (targets.get(g.group) ?? 0) + 1);
    this.targets.set(domain, targets);
    this.cache.clear();
  }

  /** Removes member → group; removing an absent link changes nothing. */
  async removeGrouping(g: Grouping): Promise<void> {
    const domain = checkGrouping(g);
    const key = linkKey(g.member, g.group, domain);
    if (!this.links.has(key)) return;
    await this.manager.deleteLink(g.member, g.group, domain);
    this.links.delete(key);
    const targets = this.targets.get(domain)!;
    const n = (targets.get(g.group) ?? 1) - 1;
    if (n > 0) targets.set(g.group, n);
    else targets.delete(g.group);
    this.cache.clear();
  }

  /** Every link, for persisting or listing. */
  groupings(): Grouping[] {
    return [...this.links].map((k) => {
      const [domain, member, group] = k.split('\u0000') as [string, string, string];
      return domain === GLOBAL ? { member, group } : { member, group, organization: domain };
    });
  }

  /**
   * Every group and role the user holds in the organization, directly or through groups, global
   * links included; sorted. Without an organization, only global links count.
   */
  rolesOf(user: string, organization?: string): string[] {
    const domain = organization ?? GLOBAL;
    const key = linkKey(user, '', domain);
    let roles = this.cache.get(key);
    if (!roles) {
      const names = new Set([
        ...(this.targets.get(domain)?.keys() ?? []),
        ...(this.targets.get(GLOBAL)?.keys() ?? []),
      ]);
      roles = [...names]
        .filter((name) => name !== user && this.manager.syncedHasLink(user, name, domain))
        .sort();
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, roles);
    }
    return [...roles];
  }
}

function checkGrouping(g: Grouping): string {
  for (const field of ['member', 'group'] as const)
    if (typeof g[field] !== 'string' || g[field].trim() === '' || g[field].includes('\u0000'))
      throw errors.invalid(field, 'must be a non-empty name');
  if (g.organization === undefined) return GLOBAL;
  if (
    typeof g.organization !== 'string' ||
    g.organization.trim() === '' ||
    g.organization === GLOBAL ||
    g.organization.includes('\u0000')
  )
    throw errors.invalid(
      'organization',
      `must be an organization name (omit it for a global link; "${GLOBAL}" is reserved)`,
    );
  return g.organization;
}

function linkKey(member: string, group: string, domain: string): string {
  return `${domain}\u0000${member}\u0000${group}`;
}
