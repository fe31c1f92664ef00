// What each RPC of the Policy Engine's server means to the site's decision point. Placement,
// solving, rebalancing and the placement policy belong to the site, not to any organization:
// with the default policy only system admins (the platform's own services among them) reach them.
import { PolicyServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import type { ResourceAttributes, TaskRegistry } from '@reservoir/runtime';
import { accessMap, serviceAccess, type AccessMap } from '@reservoir/security';

/** A task as a resource: its organization, if it has one, and who started it. */
export function taskResource(t: {
  id?: string | null;
  organization?: string | null;
  owner?: string | null;
}): ResourceAttributes {
  return { type: 'task', id: t.id ?? '', organization: t.organization || null, owner: t.owner || null };
}

export function policyEngineAccess(site: string, tasks: TaskRegistry): AccessMap {
  const placement = (): ResourceAttributes => ({ type: 'placement', id: site, organization: null });
  const policy = (): ResourceAttributes => ({ type: 'pe-policy', id: site, organization: null });
  // A missing task throws NOT_FOUND, which the enforcement point answers as a denial.
  const task = async (req: { id: string }) => taskResource(await tasks.get(req.id));
  return accessMap(
    serviceAccess(PolicyServiceDefinition, {
      getPolicy: { action: 'pe-policy.read', resource: policy },
      setPolicy: { action: 'pe-policy.update', resource: policy },
      place: { action: 'placement.place', resource: placement },
      solve: { action: 'placement.solve', resource: placement },
      optimize: { action: 'placement.optimize', resource: placement },
      chooseSite: { action: 'placement.choose-site', resource: placement },
    }),
    serviceAccess(TaskServiceDefinition, {
      getTask: { action: 'task.read', resource: task },
      watchTask: { action: 'task.read', resource: task },
      // The caller's own organization; the handler keeps only the tasks it may see.
      listTasks: { action: 'task.list' },
    }),
  );
}
