import { errors } from '@reservoir/runtime';
import { checkBurstAllowance, DEFAULT_BURST_MAX_RATIO, hasBurst, type Size } from '../domain/burst.js';
import { checkSiteHonours } from '../domain/honour.js';
import { formatIpv4, macFor } from '../domain/ip-pool.js';
import type { Lease, Network } from '../domain/network.js';
import { checkOperationalRequirements } from '../domain/operational.js';
import type { Placement } from '../domain/placement.js';
import type { Resources } from '../domain/resources.js';
import type { Vm, VmNic } from '../domain/vm.js';
import type { VeemContext } from './context.js';
import { checkPlacement, type PlacementInput } from './placement-check.js';
import { checkContext, checkInt, checkLabels, checkName } from './validation.js';

export interface CreateVm {
  name: string;
  resources: Resources;
  imageId?: string;
  networkIds?: string[];
  labels?: Record<string, string>;
  requirements?: Record<string, string>;
  hold?: boolean;
  requestId?: string;
  organization?: string;
  owner?: string;
  host?: string;
  placement?: PlacementInput;
  context?: Record<string, string>;
  /** Promises such as no-reboot-on-cpu-change=true (not host labels: those are requirements). */
  operationalRequirements?: Record<string, string>;
  /** Burst allowance above the guarantee (resources); disk does not burst. */
  burst?: Resources;
}

export const DEFAULT_ORG = 'default';
export const DEFAULT_OWNER = 'admin';

const MAX_VCPUS = 4096;
const MAX_MEMORY_MIB = 16 * 1024 * 1024;
const MAX_DISK_MIB = 64 * 1024 * 1024;

export function checkVcpus(field: string, n: number): void {
  checkInt(field, n, 1, MAX_VCPUS);
}

export function checkMemory(field: string, mib: number): void {
  checkInt(field, mib, 1, MAX_MEMORY_MIB, ' MiB');
}

/** A create request checked and resolved against the inventory: all a new VM needs but its id. */
export interface VmDraft {
  name: string;
  organization: string;
  owner: string;
  resources: Resources;
  imageId: string;
  diskFormat: string;
  labels: Record<string, string>;
  requirements: Record<string, string>;
  deployHost: string;
  networks: Network[];
  placement: Placement | undefined;
  hold: boolean;
  requestId: string;
  context: Record<string, string>;
  operationalRequirements: Record<string, string>;
  /** Absent when the VM does not burst. */
  burst: Size | undefined;
}

/** Checks a create request; `field` prefixes the fields errors name (e.g. "vms[2]"). */
export function draftVm(ctx: VeemContext, req: CreateVm, field = ''): VmDraft {
  const f = (name: string) => (field ? `${field}.${name}` : name);
  checkName(f('name'), req.name);
  checkVcpus(f('resources.vcpus'), req.resources.vcpus);
  checkMemory(f('resources.memoryMib'), req.resources.memoryMib);
  checkInt(f('resources.diskMib'), req.resources.diskMib, 0, MAX_DISK_MIB, ' MiB');
  checkLabels(f('labels'), req.labels ?? {});
  checkContext(f('context'), req.context ?? {});
  const placement = checkPlacement(f('placement'), req.placement);
  const operationalRequirements = checkOperationalRequirements(
    f('operational_requirements'),
    req.operationalRequirements ?? {},
  );
  const burst = checkBurst(ctx, f('burst'), req.resources, req.burst);
  let diskFormat = '';
  let diskMib = req.resources.diskMib;
  let imageId = '';
  if (req.imageId) {
    const image = ctx.inv.image(req.imageId);
    imageId = image.id;
    if (image.state !== 'ready') throw errors.precondition(`image ${image.name} is ${image.state}`);
    diskFormat = image.format;
    diskMib = Math.max(diskMib, image.sizeMib);
  }
  const draft: VmDraft = {
    name: req.name,
    organization: req.organization || DEFAULT_ORG,
    owner: req.owner || DEFAULT_OWNER,
    resources: { ...req.resources, diskMib },
    imageId,
    diskFormat,
    labels: req.labels ?? {},
    requirements: { ...req.requirements },
    deployHost: req.host ? ctx.inv.host(req.host).id : '',
    networks: (req.networkIds ?? []).map((n) => ctx.inv.network(n)),
    placement,
    hold: req.hold ?? false,
    requestId: req.requestId ?? '',
    context: { ...req.context },
    operationalRequirements,
    burst,
  };
  checkSiteHonours(ctx.inv.hosts.values(), draft, field);
  return draft;
}

/** The allowance of a create request, checked against the guarantee; undefined when it has none. */
function checkBurst(
  ctx: VeemContext,
  field: string,
  guarantee: Resources,
  burst: Resources | undefined,
): Size | undefined {
  if (!burst) return undefined;
  checkInt(`${field}.vcpus`, burst.vcpus, 0, MAX_VCPUS);
  checkInt(`${field}.memory_mib`, burst.memoryMib, 0, MAX_MEMORY_MIB, ' MiB');
  if (burst.diskMib) throw errors.invalid(`${field}.disk_mib`, 'disk does not burst; give 0');
  const size = { vcpus: burst.vcpus, memoryMib: burst.memoryMib };
  if (!hasBurst(size)) return undefined;
  checkBurstAllowance(field, guarantee, size, ctx.settings.burstMaxRatio ?? DEFAULT_BURST_MAX_RATIO);
  return size;
}

/** Leases an address on each network for a VM; on failure, frees what it took and throws. */
export function takeAddresses(
  ctx: VeemContext,
  vmId: string,
  networks: readonly Network[],
): { nics: VmNic[]; leases: Lease[] } {
  const nics: VmNic[] = [];
  const leases: Lease[] = [];
  try {
    for (const n of networks) {
      const ip = ctx.inv.takeAddress(n.id, vmId);
      const nic = { networkId: n.id, ip: formatIpv4(ip), mac: macFor(ip) };
      nics.push(nic);
      leases.push({ ...nic, vmId });
    }
  } catch (e) {
    ctx.inv.releaseLeases(vmId, nics);
    throw e;
  }
  return { nics, leases };
}

/** The record of a new VM: pending (or on hold), with its deploy operation. */
export function newVm(
  ctx: VeemContext,
  d: VmDraft,
  o: { id: string; taskId: string; nics: VmNic[]; now: number },
): Vm {
  return {
    id: o.id,
    name: d.name,
    state: d.hold ? 'hold' : 'pending',
    host: '',
    site: ctx.settings.site,
    organization: d.organization,
    owner: d.owner,
    resources: d.resources,
    imageId: d.imageId,
    diskFormat: d.diskFormat,
    nics: o.nics,
    labels: d.labels,
    requirements: d.requirements,
    ...(Object.keys(d.operationalRequirements).length > 0
      ? { operationalRequirements: d.operationalRequirements }
      : {}),
    // The guarantee is the size asked for; a resize moves the size, never the guarantee.
    ...(d.burst ? { burst: d.burst, guarantee: d.resources } : {}),
    ...(d.placement ? { placement: d.placement } : {}),
    deployHost: d.deployHost,
    reason: d.hold ? 'on hold until released' : '',
    createdAtMs: o.now,
    stateSinceMs: o.now,
    previousState: '',
    migrationTarget: '',
    snapshots: [],
    op: { kind: 'deploy' },
    opFrom: '',
    taskId: o.taskId,
    requestId: d.requestId,
    ...(Object.keys(d.context).length > 0 ? { context: d.context } : {}),
    version: 1,
  };
}
