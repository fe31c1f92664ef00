import type {
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  QuotaServiceDefinition,
  reservoir,
  TaskServiceDefinition,
  VmServiceDefinition,
} from '@reservoir/contracts';
import {
  errors,
  taskHandlers,
  taskToPb,
  visible,
  type CallContext,
  type CallPrincipal,
  type Handlers,
} from '@reservoir/runtime';
import type { RegisterImage } from '../../app/catalog.js';
import type { VmWithTask } from '../../app/vm-commands.js';
import type { CreateVm } from '../../app/vm-draft.js';
import type { Veem } from '../../app/veem.js';
import type { ImageContent } from '../../app/image-content.js';
import type { Vm } from '../../domain/vm.js';
import { isVmState } from '../../domain/vm-state.js';
import { hostResource, imageResource, networkResource, taskResource, vmResource } from './access.js';
import { resourcesFromPb } from './agent-gateway.js';
import {
  actionFromPb,
  hostActionFromPb,
  hostToPb,
  imageToPb,
  networkToPb,
  placementFromPb,
  quotaToPb,
  recoverModeFromPb,
  vmToPb,
} from './mapping.js';

type CreateVmRequest = reservoir.veem.v1.CreateVmRequest.$Properties;

/** Whom a create is for when the request leaves it open: the authenticated caller, if any. */
interface Creator {
  organization: string;
  owner: string;
}

const creator = (p: CallPrincipal | undefined): Creator | undefined =>
  p ? { organization: p.organization, owner: p.id } : undefined;

/** A CreateVmRequest as the use cases take it; `field` prefixes the fields errors name. */
function createFromPb(req: CreateVmRequest, field = '', by?: Creator): CreateVm {
  const f = (name: string) => (field ? `${field}.${name}` : name);
  if (!req.resources) throw errors.invalid(f('resources'), 'must be given (vcpus, memory_mib)');
  return {
    name: req.name ?? '',
    resources: resourcesFromPb(req.resources),
    imageId: req.imageId ?? '',
    networkIds: req.networkIds ?? [],
    labels: req.labels ?? {},
    requirements: req.requirements ?? {},
    hold: req.hold ?? false,
    requestId: req.requestId ?? '',
    organization: req.organization || by?.organization || '',
    owner: req.owner || by?.owner || '',
    host: req.host ?? '',
    placement: placementFromPb(req.placement),
    context: req.context ?? {},
    operationalRequirements: req.operationalRequirements ?? {},
    ...(req.burst ? { burst: resourcesFromPb(req.burst) } : {}),
  };
}

/**
 * A caller's VM may boot only an image and join only networks the caller may read: another
 * organization's look missing, as they do everywhere else.
 */
function checkUsable(veem: Veem, ctx: CallContext, req: CreateVmRequest): void {
  const may = ctx.may;
  if (!may) return;
  const inv = veem.ctx.inv;
  if (req.imageId && !may('image.read', imageResource(inv.image(req.imageId))))
    throw errors.notFound('image', req.imageId);
  for (const id of req.networkIds ?? [])
    if (!may('network.read', networkResource(inv.network(id)))) throw errors.notFound('network', id);
}

export function vmHandlers(veem: Veem): Handlers<typeof VmServiceDefinition> {
  const inv = veem.ctx.inv;
  const withTask = (r: VmWithTask) => ({
    vm: vmToPb(r.vm, inv),
    ...(r.task ? { task: taskToPb(r.task) } : {}),
  });
  const see = (ctx: CallContext, vms: Vm[]) => visible(ctx, 'vm.read', vms, vmResource);
  return {
    createVm: async (req, ctx) => {
      checkUsable(veem, ctx, req);
      return withTask(await veem.vms.create(createFromPb(req, '', creator(ctx.principal))));
    },
    createVmSet: async (req, ctx) => {
      for (const m of req.vms) checkUsable(veem, ctx, m);
      const by = creator(ctx.principal);
      const r = await veem.sets.create({
        vms: req.vms.map((m, i) => createFromPb(m, `vms[${i}]`)),
        requestId: req.requestId,
        organization: req.organization || by?.organization || '',
        owner: req.owner || by?.owner || '',
      });
      return { accepted: r.accepted, setId: r.setId, vms: r.vms.map(withTask), refusals: r.refusals };
    },
    getVm: async (req) => vmToPb(await veem.vms.find(req.id), inv),
    listVms: async (req, ctx) => {
      for (const s of req.states)
        if (!isVmState(s)) throw errors.invalid('states', `"${s}" is not a VM state`);
      const filter = { organization: req.organization, states: req.states, host: req.host };
      if (req.includeDone) {
        // Deleted VMs come from the store, after the live ones, without paging.
        const live = see(ctx, veem.vms.list(filter).vms);
        const done = see(ctx, await veem.ctx.store.listDoneVms(req.organization || undefined, 10_000));
        return {
          vms: [...live, ...done].map((v) => vmToPb(v, inv)),
          nextPageToken: '',
          total: live.length + done.length,
        };
      }
      if (ctx.may) {
        // What the caller may see is chosen before paging, so pages and the total count only that.
        const all = see(ctx, veem.vms.list(filter).vms);
        const after = req.pageToken ? all.filter((v) => v.id > req.pageToken) : all;
        const vms = req.pageSize > 0 ? after.slice(0, req.pageSize) : after;
        const more = req.pageSize > 0 && after.length > req.pageSize;
        return {
          vms: vms.map((v) => vmToPb(v, inv)),
          nextPageToken: more ? vms[vms.length - 1]!.id : '',
          total: all.length,
        };
      }
      // One more than the page tells whether another page follows.
      const page = veem.vms.list({
        ...filter,
        afterId: req.pageToken,
        limit: req.pageSize > 0 ? req.pageSize + 1 : 0,
      });
      let vms = page.vms;
      let next = '';
      if (req.pageSize > 0 && vms.length > req.pageSize) {
        vms = vms.slice(0, req.pageSize);
        next = vms[vms.length - 1]!.id;
      }
      return { vms: vms.map((v) => vmToPb(v, inv)), nextPageToken: next, total: page.total };
    },
    actOnVm: async (req) => withTask(await veem.vms.act(req.id, actionFromPb(req.action))),
    recoverVm: async (req) => withTask(await veem.vms.recover(req.id, recoverModeFromPb(req.mode))),
    migrateVm: async (req) => withTask(await veem.vms.migrate(req.id, req.targetHost || undefined, req.live)),
    cancelMigration: async (req) => withTask(await veem.vms.cancelMigration(req.id)),
    resizeVm: async (req) =>
      withTask(await veem.vms.resize(req.id, req.vcpus, req.memoryMib, { allowReboot: req.allowReboot })),
    snapshotVm: async (req) => withTask(await veem.vms.snapshot(req.id, req.name, false)),
    revertVm: async (req) => withTask(await veem.vms.snapshot(req.id, req.name, true)),
  };
}

export function hostHandlers(veem: Veem): Handlers<typeof HostServiceDefinition> {
  const inv = veem.ctx.inv;
  return {
    registerHost: async (req) =>
      hostToPb(
        await veem.hosts.register({
          name: req.name,
          agentEndpoint: req.agentEndpoint,
          agentHostId: req.agentHostId,
          ...(req.overcommit
            ? {
                overcommit: {
                  cpu: req.overcommit.cpu ?? 0,
                  memory: req.overcommit.memory ?? 0,
                  disk: req.overcommit.disk ?? 0,
                },
              }
            : {}),
          labels: req.labels,
        }),
        inv,
      ),
    getHost: async (req) => hostToPb(inv.host(req.id), inv),
    listHosts: async (_req, ctx) => ({
      hosts: visible(ctx, 'host.read', [...inv.hosts.values()], hostResource)
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
        .map((h) => hostToPb(h, inv)),
    }),
    actOnHost: async (req) => {
      const r = await veem.hosts.setAdmin(req.id, hostActionFromPb(req.action));
      return { host: hostToPb(r.host, inv), ...(r.task ? { task: taskToPb(r.task) } : {}) };
    },
    updateHost: async (req) =>
      hostToPb(
        await veem.hosts.update(req.id, {
          ...(req.overcommit
            ? {
                overcommit: {
                  cpu: req.overcommit.cpu ?? 0,
                  memory: req.overcommit.memory ?? 0,
                  disk: req.overcommit.disk ?? 0,
                },
              }
            : {}),
          ...(Object.keys(req.labels).length ? { labels: req.labels } : {}),
        }),
        inv,
      ),
    removeHost: async (req) => hostToPb(await veem.hosts.remove(req.id), inv),
  };
}

export function imageHandlers(veem: Veem, content?: ImageContent): Handlers<typeof ImageServiceDefinition> {
  const c = veem.catalog;
  return {
    registerImage: async (req, ctx) => {
      const by = creator(ctx.principal);
      const r: RegisterImage = by
        ? {
            name: req.name,
            format: req.format,
            sizeMib: req.sizeMib,
            checksum: req.checksum,
            source: req.source,
            organization: req.organization || by.organization,
            owner: req.owner || by.owner,
          }
        : req;
      const i = content ? await content.register(r) : await c.registerImage(r);
      return imageToPb(i, 0);
    },
    getImage: async (req) => {
      const i = c.image(req.id);
      return imageToPb(i, c.imageUsers(i.id));
    },
    listImages: async (req, ctx) => ({
      images: visible(ctx, 'image.read', c.images(req.organization || undefined), imageResource).map((i) =>
        imageToPb(i, c.imageUsers(i.id)),
      ),
    }),
    cloneImage: async (req) => imageToPb(await c.cloneImage(req.id, req.name), 0),
    deleteImage: async (req) =>
      imageToPb(content ? await content.delete(req.id) : await c.deleteImage(req.id), 0),
  };
}

export function networkHandlers(veem: Veem): Handlers<typeof NetworkServiceDefinition> {
  const c = veem.catalog;
  const inv = veem.ctx.inv;
  return {
    createNetwork: async (req, ctx) => {
      const by = creator(ctx.principal);
      const n = await c.createNetwork(
        by && !req.organization
          ? {
              name: req.name,
              cidr: req.cidr,
              rangeStart: req.rangeStart,
              rangeEnd: req.rangeEnd,
              organization: by.organization,
              scope: req.scope,
              vlan: req.vlan,
            }
          : req,
      );
      return networkToPb(n, inv.poolSize(n.id));
    },
    getNetwork: async (req) => {
      const n = inv.network(req.id);
      return networkToPb(n, inv.poolSize(n.id));
    },
    listNetworks: async (req, ctx) => ({
      networks: visible(
        ctx,
        'network.read',
        inv.networks().filter((n) => !req.organization || n.organization === req.organization),
        networkResource,
      ).map((n) => networkToPb(n, inv.poolSize(n.id))),
    }),
    deleteNetwork: async (req) => networkToPb(await c.deleteNetwork(req.id), { size: 0, used: 0 }),
    listLeases: async (req) => {
      const n = inv.network(req.networkId);
      const macs = new Map<string, string>();
      for (const vm of inv.vms.values())
        for (const nic of vm.nics) if (nic.networkId === n.id) macs.set(nic.ip, nic.mac);
      return { leases: inv.leases(n.id).map((l) => ({ ...l, mac: macs.get(l.ip) ?? '' })) };
    },
  };
}

export function quotaHandlers(veem: Veem): Handlers<typeof QuotaServiceDefinition> {
  const c = veem.catalog;
  const inv = veem.ctx.inv;
  return {
    getQuota: async (req) => {
      if (!req.organization) throw errors.invalid('organization', 'must be given');
      return quotaToPb(c.quota(req.organization), inv.orgUsage(req.organization));
    },
    setQuota: async (req) => {
      const q = req.quota;
      if (!q) throw errors.invalid('quota', 'must be given');
      const saved = await c.setQuota({
        organization: q.organization ?? '',
        maxVms: q.maxVms ?? 0,
        maxVcpus: q.maxVcpus ?? 0,
        maxMemoryMib: q.maxMemoryMib ?? 0,
        maxDiskMib: q.maxDiskMib ?? 0,
      });
      return quotaToPb(saved, inv.orgUsage(saved.organization));
    },
  };
}

/** The task service, its listing cut down to the tasks the caller may read. */
export function taskServiceHandlers(veem: Veem): Handlers<typeof TaskServiceDefinition> {
  const base = taskHandlers(veem.tasks);
  return {
    ...base,
    listTasks: async (req, ctx) => {
      const r = await base.listTasks(req, ctx);
      return {
        ...r,
        tasks: visible(ctx, 'task.read', r.tasks ?? [], (t) =>
          taskResource({ id: t.id ?? '', organization: t.organization ?? '', owner: t.owner ?? '' }),
        ),
      };
    },
  };
}
