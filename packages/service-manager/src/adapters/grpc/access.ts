// What each SMI and TaskService call means to the security enforcement point: its action and the
// service it acts on, resolved from the SM's own store, and the quotas a deploy or scale-out must fit.

import { ServiceManagerServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import {
  errors,
  isReservoirError,
  type CallPrincipal,
  type ResourceAttributes,
  type TaskRegistry,
} from '@reservoir/runtime';
import { accessMap, serviceAccess, type AccessMap, type Quotas } from '@reservoir/security';
import type { ServiceManager } from '../../app/service-manager.js';
import { liveInstances, type Service } from '../../domain/service.js';
import { readManifest } from '../../manifest/index.js';

/**
 * Actions: service.deploy, service.read (get, export, events, instance environment, tasks, cost
 * estimates), service.list, service.scale, service.update (rules), service.undeploy,
 * service.suspend, service.resume and service.recover. The last four are not among a service
 * provider's verbs in the default policy: suspending and resuming is the accounting service's
 * business, recovering an org admin's.
 */
export function smAccess(sm: ServiceManager, tasks: TaskRegistry): AccessMap {
  const service = (id: string) =>
    missingAsUnowned({ type: 'service', id }, async () => serviceAttrs(await sm.get(id)));
  const byId = (action: string) => ({ action, resource: (req: { id: string }) => service(req.id) });
  const task = (req: { id: string }) =>
    missingAsUnowned({ type: 'service' }, async () => {
      const t = await tasks.get(req.id);
      return { type: 'service', id: t.targetId, organization: t.organization, owner: t.owner };
    });
  const ownOrganization = (req: { organization?: string }, caller: CallPrincipal): ResourceAttributes => ({
    type: 'service',
    organization: req.organization || caller.organization,
  });

  return accessMap(
    serviceAccess(ServiceManagerServiceDefinition, {
      deployService: {
        action: 'service.deploy',
        resource: async (req, caller) => {
          // A retried deploy is about the service its key made, wherever the retry claims it goes.
          const prior = req.requestId ? await sm.ctx.store.getServiceByRequest(req.requestId) : undefined;
          if (prior) return serviceAttrs(prior);
          return {
            type: 'service',
            organization: req.organization || caller.organization,
            owner: req.owner || caller.id,
          };
        },
        quota: async (req, organization, limits) => {
          if (req.requestId && (await sm.ctx.store.getServiceByRequest(req.requestId))) return;
          let asked: Holding = { services: 1, vms: 0, vcpus: 0, memoryMib: 0 };
          try {
            const m = readManifest(req.manifest, req.fileName || 'manifest').manifest;
            for (const c of m.components) asked = add(asked, c.instances.initial, c.cpus, c.memoryMiB);
          } catch {
            // A manifest that does not read is refused by the deploy itself, with its reasons.
          }
          fits(organization, limits, await holdings(sm, organization), asked);
        },
      },
      getService: byId('service.read'),
      listServices: { action: 'service.list', resource: ownOrganization },
      scaleService: {
        action: 'service.scale',
        resource: (req) => service(req.id),
        quota: async (req, organization, limits) => {
          const s = await sm.get(req.id);
          const c = s.manifest.components.find((x) => x.id === req.component);
          const more = c ? req.instances - claimed(s, c.id, c.instances.initial) : 0;
          // Scaling in, or a component the scale itself refuses: nothing to count.
          if (!c || more <= 0) return;
          const asked = add({ services: 0, vms: 0, vcpus: 0, memoryMib: 0 }, more, c.cpus, c.memoryMiB);
          fits(organization, limits, await holdings(sm, organization), asked);
        },
      },
      updateRules: byId('service.update'),
      undeployService: byId('service.undeploy'),
      suspendService: byId('service.suspend'),
      resumeService: byId('service.resume'),
      recoverService: byId('service.recover'),
      exportService: byId('service.read'),
      listEvents: byId('service.read'),
      getInstanceEnvironment: { action: 'service.read', resource: (req) => service(req.serviceId) },
      // The caller's own price list estimates it (see smiHandlers).
      estimateCost: { action: 'service.read' },
    }),
    serviceAccess(TaskServiceDefinition, {
      getTask: { action: 'service.read', resource: task },
      watchTask: { action: 'service.read', resource: task },
      listTasks: { action: 'service.list', resource: (_req, caller) => ownOrganization({}, caller) },
    }),
  );
}

export function serviceAttrs(s: Pick<Service, 'id' | 'organization' | 'owner'>): ResourceAttributes {
  return { type: 'service', id: s.id, organization: s.organization, owner: s.owner };
}

/**
 * Something this SM does not hold is a resource of no organization: only a system admin may act on
 * it, and learns it is missing from the handler; anyone else is denied. A platform service asking
 * every site's SM in turn (the accounting service) thus still tells "not here" from "not allowed".
 */
async function missingAsUnowned(
  unknown: ResourceAttributes,
  find: () => Promise<ResourceAttributes>,
): Promise<ResourceAttributes> {
  try {
    return await find();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'NOT_FOUND') return unknown;
    throw e;
  }
}

interface Holding {
  services: number;
  vms: number;
  vcpus: number;
  memoryMib: number;
}

function add(h: Holding, instances: number, cpus: number, memoryMib: number): Holding {
  return {
    ...h,
    vms: h.vms + instances,
    vcpus: h.vcpus + instances * cpus,
    memoryMib: h.memoryMib + instances * memoryMib,
  };
}

/** Instances a component holds or is about to: a deploy's initial size, a scale's target. */
function claimed(s: Service, component: string, initial: number): number {
  const live = liveInstances(s, component).length;
  if (s.op?.kind === 'deploy') return Math.max(live, initial);
  if (s.op?.kind === 'scale' && s.op.component === component) return Math.max(live, s.op.target);
  return live;
}

/**
 * What the organization's services on this SM hold. Their VMs are created with the SM's own
 * credential, so the VEEM does not count them against the organization: the SM does.
 */
async function holdings(sm: ServiceManager, organization: string): Promise<Holding> {
  let h: Holding = { services: 0, vms: 0, vcpus: 0, memoryMib: 0 };
  for (const s of await sm.list({ organization })) {
    h = { ...h, services: h.services + 1 };
    for (const c of s.manifest.components)
      h = add(h, claimed(s, c.id, c.instances.initial), c.cpus, c.memoryMiB);
  }
  return h;
}

const QUOTA_NAMES: Record<keyof Holding, string> = {
  services: 'services',
  vms: 'VMs',
  vcpus: 'vCPUs',
  memoryMib: 'memory (MiB)',
};

function fits(organization: string, limits: Quotas, held: Holding, asked: Holding): void {
  for (const key of Object.keys(QUOTA_NAMES) as (keyof Holding)[]) {
    const limit = limits[key];
    if (limit === null || asked[key] === 0 || held[key] + asked[key] <= limit) continue;
    throw errors.exhausted(
      `organization "${organization}" is over its quota of ${QUOTA_NAMES[key]}: ` +
        `it holds ${held[key]}, this asks for ${asked[key]} more, the limit is ${limit}`,
    );
  }
}
