// What every VMI, federation and task RPC of the VEEM means to the security decision point: its
// action, the resource it acts on (looked up in the VEEM's own inventory and store, which serve as
// the policy information point), and the quota check for calls that grow an organization's use.

import { isAbsolute } from 'node:path';
import {
  FederationServiceDefinition,
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  QuotaServiceDefinition,
  TaskServiceDefinition,
  VmServiceDefinition,
  type reservoir,
} from '@reservoir/contracts';
import {
  errors,
  isReservoirError,
  type CallContext,
  type CallGuard,
  type CallPrincipal,
  type ResourceAttributes,
  type Task,
} from '@reservoir/runtime';
import {
  accessMap,
  serviceAccess,
  type AccessEntry,
  type AccessMap,
  type AccessRule,
  type Enforcer,
  type Quotas,
} from '@reservoir/security';
import type { Federation } from '../../app/federation/federation.js';
import type { Transfer } from '../../app/federation/types.js';
import type { VmActionName } from '../../app/vm-commands.js';
import type { Veem } from '../../app/veem.js';
import type { Host } from '../../domain/host.js';
import type { Image } from '../../domain/image.js';
import type { Network } from '../../domain/network.js';
import type { Vm } from '../../domain/vm.js';
import { actionFromPb } from './mapping.js';

type CreateVmReq = reservoir.veem.v1.CreateVmRequest.$Properties;

// --- Resource attributes, shared with the list handlers' visibility filters ----------------------

export const vmResource = (vm: Pick<Vm, 'id' | 'organization' | 'owner'>): ResourceAttributes => ({
  type: 'vm',
  id: vm.id,
  organization: vm.organization,
  owner: vm.owner,
});

export const imageResource = (i: Pick<Image, 'id' | 'organization' | 'owner'>): ResourceAttributes => ({
  type: 'image',
  id: i.id,
  organization: i.organization,
  owner: i.owner,
});

export const networkResource = (n: Pick<Network, 'id' | 'organization'>): ResourceAttributes => ({
  type: 'network',
  id: n.id,
  organization: n.organization,
});

/** Hosts are the site's, not an organization's: only whoever may act site-wide sees them. */
export const hostResource = (h: Pick<Host, 'id'>): ResourceAttributes => ({
  type: 'host',
  id: h.id,
  organization: null,
});

/** A task of a host operation has no organization. */
export const taskResource = (t: Pick<Task, 'id' | 'organization' | 'owner'>): ResourceAttributes => ({
  type: 'task',
  id: t.id,
  organization: t.organization || null,
  owner: t.owner || null,
});

export const transferResource = (t: Pick<Transfer, 'id' | 'organization' | 'owner'>): ResourceAttributes => ({
  type: 'transfer',
  id: t.id,
  organization: t.organization || null,
  owner: t.owner || null,
});

/** The organization a create acts in: the request's, else the caller's (the handler fills it in alike). */
const orgOf = (requested: string | null | undefined, caller: CallPrincipal): string =>
  requested || caller.organization;

/** A resource about to be made: in the requested organization and owner, else the caller's. */
const created =
  (type: string) =>
  (req: { organization?: string | null; owner?: string | null }, caller: CallPrincipal) => ({
    type,
    organization: orgOf(req.organization, caller),
    owner: req.owner || caller.id,
  });

/**
 * A listing of the caller's own tasks or transfers (at least): its owner may always ask, and the
 * listing then holds whatever the caller may read.
 */
const ownListing =
  (type: string) =>
  (_req: unknown, caller: CallPrincipal): ResourceAttributes => ({
    type,
    organization: caller.organization,
    owner: caller.id,
  });

/** A global resource of the site (hosts, partners): no organization, so only site admins act on it. */
const siteWide = (type: string, id?: string | null): ResourceAttributes => ({
  type,
  ...(id ? { id } : {}),
  organization: null,
});

// --- Quotas --------------------------------------------------------------------------------------

interface Growth {
  vms: number;
  vcpus: number;
  memoryMib: number;
}

/** RESOURCE_EXHAUSTED when `extra` on top of what the organization holds here passes a limit. */
function checkQuotas(veem: Veem, organization: string, limits: Quotas, extra: Growth): void {
  const used = veem.ctx.inv.orgUsage(organization);
  const now: Growth = {
    vms: used.vms,
    vcpus: used.resources.vcpus,
    memoryMib: used.resources.memoryMib,
  };
  for (const key of ['vms', 'vcpus', 'memoryMib'] as const) {
    const limit = limits[key];
    if (limit === null || extra[key] <= 0 || now[key] + extra[key] <= limit) continue;
    throw errors.exhausted(
      `quota "${key}" of organization ${organization}: ${now[key]} in use and ${extra[key]} more asked for, the limit is ${limit}`,
    );
  }
}

const growthOf = (vms: readonly CreateVmReq[]): Growth =>
  vms.reduce<Growth>(
    (g, m) => ({
      vms: g.vms + 1,
      vcpus: g.vcpus + (m.resources?.vcpus ?? 0),
      memoryMib: g.memoryMib + (m.resources?.memoryMib ?? 0),
    }),
    { vms: 0, vcpus: 0, memoryMib: 0 },
  );

// --- Methods decided by what their request asks for ----------------------------------------------

/**
 * What each VmAction is decided as, in the policy's verbs: what takes a VM down needs vm.stop,
 * what brings it up needs vm.start.
 */
export const VM_ACTION_VERBS: Record<VmActionName, string> = {
  start: 'vm.start',
  release: 'vm.start',
  resume: 'vm.resume',
  stop: 'vm.stop',
  'poweroff-hard': 'vm.stop',
  reboot: 'vm.stop',
  hold: 'vm.stop',
  undeploy: 'vm.stop',
  suspend: 'vm.suspend',
  delete: 'vm.delete',
};

const ACT_ON_VM = VmServiceDefinition.actOnVm.path;
const REGISTER_IMAGE = ImageServiceDefinition.registerImage.path;

/** A source naming a file on the VEEM's machine (absolute path or file: URL), as ImageContent reads it. */
const isLocalFile = (source: string | null | undefined): boolean =>
  !!source && (source.startsWith('file:') || isAbsolute(source));

/** The variant of a method a request asks for, decided under its own rule ("<path>#<variant>"). */
function variantOf(method: string, req: unknown): string | undefined {
  if (method === ACT_ON_VM) {
    try {
      return actionFromPb((req as { action?: number }).action ?? 0);
    } catch (e) {
      // An unknown action is decided under the method's own rule; the handler then refuses it.
      if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return undefined;
      throw e;
    }
  }
  if (method === REGISTER_IMAGE && isLocalFile((req as { source?: string }).source)) return 'import';
  return undefined;
}

/** The same call under another method name: what the guard sets (principal, may) lands on the call. */
function asMethod(ctx: CallContext, method: string): CallContext {
  return {
    get metadata() {
      return ctx.metadata;
    },
    method,
    get peer() {
      return ctx.peer;
    },
    get signal() {
      return ctx.signal;
    },
    get principal() {
      return ctx.principal;
    },
    set principal(p) {
      ctx.principal = p;
    },
    get may() {
      return ctx.may;
    },
    set may(m) {
      ctx.may = m;
    },
  };
}

/**
 * The VEEM's guard: the enforcement point over `access`, with ActOnVm decided as the verb of its
 * action (vm.start, vm.delete …) and an image registered from a local file as image.import.
 */
export function veemGuard(enforce: Enforcer, access: AccessMap): CallGuard {
  const guard = enforce(access);
  return (ctx, req) => {
    const variant = variantOf(ctx.method, req);
    return guard(variant ? asMethod(ctx, `${ctx.method}#${variant}`) : ctx, req);
  };
}

// --- The access map ------------------------------------------------------------------------------

/** Every method of every service the VEEM serves, with its action, resource and quota check. */
export function veemAccess(veem: Veem, federation: Federation): AccessMap {
  const { inv } = veem.ctx;
  const vm = async (id: string | null | undefined) => vmResource(await veem.vms.find(id ?? ''));
  const liveVm = (id: string | null | undefined) => vmResource(inv.vm(id ?? ''));
  const image = (id: string | null | undefined) => imageResource(inv.image(id ?? ''));
  const network = (id: string | null | undefined) => networkResource(inv.network(id ?? ''));
  const task = async (id: string | null | undefined) => taskResource(await veem.tasks.get(id ?? ''));
  const onVm = (action: string): AccessRule<{ id?: string | null }> => ({
    action,
    resource: (req) => liveVm(req.id),
  });

  const vms = serviceAccess(VmServiceDefinition, {
    createVm: {
      action: 'vm.create',
      resource: created('vm'),
      quota: (req, organization, limits) => {
        // A retried create answers with the VM it made the first time: nothing grows.
        if (req.requestId && inv.vmByRequest(req.requestId)) return;
        checkQuotas(veem, organization, limits, growthOf([req]));
      },
    },
    createVmSet: {
      action: 'vm.create',
      resource: created('vm'),
      quota: async (req, organization, limits) => {
        if (req.requestId && (await veem.ctx.store.getVmSetByRequest(req.requestId))) return;
        checkQuotas(veem, organization, limits, growthOf(req.vms ?? []));
      },
    },
    getVm: { action: 'vm.read', resource: (req) => vm(req.id) },
    listVms: {
      action: 'vm.list',
      resource: (req, caller) => ({ type: 'vm', organization: orgOf(req.organization, caller) }),
    },
    // Decided per action by veemGuard; this rule serves a request whose action is unknown.
    actOnVm: onVm('vm.update'),
    recoverVm: onVm('vm.recover'),
    migrateVm: onVm('vm.migrate'),
    cancelMigration: onVm('vm.migrate'),
    resizeVm: {
      action: 'vm.resize',
      resource: (req) => liveVm(req.id),
      quota: (req, organization, limits) => {
        const current = inv.vm(req.id ?? '').resources;
        checkQuotas(veem, organization, limits, {
          vms: 0,
          vcpus: (req.vcpus || current.vcpus) - current.vcpus,
          memoryMib: (req.memoryMib || current.memoryMib) - current.memoryMib,
        });
      },
    },
    snapshotVm: onVm('vm.snapshot'),
    revertVm: onVm('vm.snapshot'),
  });

  const hosts = serviceAccess(HostServiceDefinition, {
    registerHost: { action: 'host.create', resource: () => siteWide('host') },
    getHost: { action: 'host.read', resource: (req) => hostResource(inv.host(req.id ?? '')) },
    // Anyone may ask; the listing holds only the hosts the caller may read.
    listHosts: { action: 'host.list' },
    actOnHost: { action: 'host.update', resource: (req) => hostResource(inv.host(req.id ?? '')) },
    updateHost: { action: 'host.update', resource: (req) => hostResource(inv.host(req.id ?? '')) },
    removeHost: { action: 'host.delete', resource: (req) => hostResource(inv.host(req.id ?? '')) },
  });

  const images = serviceAccess(ImageServiceDefinition, {
    registerImage: {
      action: 'image.create',
      resource: created('image'),
    },
    getImage: { action: 'image.read', resource: (req) => image(req.id) },
    listImages: {
      action: 'image.list',
      resource: (req, caller) => ({ type: 'image', organization: orgOf(req.organization, caller) }),
    },
    // The clone is made in the organization of the image it copies.
    cloneImage: {
      action: 'image.create',
      resource: (req) => {
        const src = inv.image(req.id ?? '');
        return { type: 'image', id: src.id, organization: src.organization };
      },
    },
    deleteImage: { action: 'image.delete', resource: (req) => image(req.id) },
  });

  const networks = serviceAccess(NetworkServiceDefinition, {
    createNetwork: {
      action: 'network.create',
      resource: (req, caller) => ({ type: 'network', organization: orgOf(req.organization, caller) }),
    },
    getNetwork: { action: 'network.read', resource: (req) => network(req.id) },
    listNetworks: {
      action: 'network.list',
      resource: (req, caller) => ({ type: 'network', organization: orgOf(req.organization, caller) }),
    },
    deleteNetwork: { action: 'network.delete', resource: (req) => network(req.id) },
    listLeases: { action: 'network.read', resource: (req) => network(req.networkId) },
  });

  const quotas = serviceAccess(QuotaServiceDefinition, {
    getQuota: {
      action: 'quota.read',
      resource: (req, caller) => ({ type: 'quota', organization: orgOf(req.organization, caller) }),
    },
    setQuota: {
      action: 'quota.update',
      resource: (req, caller) => ({ type: 'quota', organization: orgOf(req.quota?.organization, caller) }),
    },
  });

  // Partners call the federation.* steps (the federation-peer role may perform exactly those, in
  // every organization); what subscribers ask of their own VMs is decided on the VM instead, so a
  // peer's role never reaches them.
  const step = (action: string): AccessRule<{ transferId?: string | null }> => ({
    action,
    resource: (req) => siteWide('federation', req.transferId),
  });
  const fed = serviceAccess(FederationServiceDefinition, {
    getOffer: { action: 'federation.read', resource: () => siteWide('federation') },
    configure: step('federation.configure'),
    reserve: step('federation.reserve'),
    writeDisk: step('federation.write'),
    initialize: step('federation.initialize'),
    start: step('federation.start'),
    release: step('federation.release'),
    getIncoming: step('federation.read'),
    listPartners: { action: 'partner.list', resource: () => siteWide('partner') },
    checkInterop: {
      action: 'vm.read',
      // An OVF descriptor alone is checked as a VM the caller's organization could hold.
      resource: (req, caller) =>
        req.vmId ? vm(req.vmId) : { type: 'vm', organization: caller.organization },
    },
    transferVm: { action: 'vm.migrate', resource: (req) => vm(req.vmId) },
    getTransfer: {
      action: 'transfer.read',
      resource: async (req) => transferResource(await federation.getTransfer(req.id ?? '')),
    },
    listTransfers: { action: 'transfer.list', resource: ownListing('transfer') },
    runInteropTest: { action: 'vm.migrate', resource: (req) => vm(req.vmId) },
  });

  const tasks = serviceAccess(TaskServiceDefinition, {
    getTask: { action: 'task.read', resource: (req) => task(req.id) },
    watchTask: { action: 'task.read', resource: (req) => task(req.id) },
    listTasks: { action: 'task.list', resource: ownListing('task') },
  });

  const map = new Map(accessMap(vms, hosts, images, networks, quotas, fed, tasks));
  for (const [name, verb] of Object.entries(VM_ACTION_VERBS))
    map.set(`${ACT_ON_VM}#${name}`, onVm(verb) as AccessEntry<unknown>);
  // Reading a file of the VEEM's machine into an image is the site's to do: no organization.
  map.set(`${REGISTER_IMAGE}#import`, {
    action: 'image.import',
    resource: () => siteWide('image'),
  } as AccessEntry<unknown>);
  return map;
}
