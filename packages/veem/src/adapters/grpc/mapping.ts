import { reservoir } from '@reservoir/contracts';
import { errors } from '@reservoir/runtime';
import type { Inventory } from '../../app/inventory.js';
import type { PlacementInput } from '../../app/placement-check.js';
import type { RecoverMode, VmActionName } from '../../app/vm-commands.js';
import { burstInUse, guaranteeOf, hasBurst } from '../../domain/burst.js';
import { hostState, type Host } from '../../domain/host.js';
import type { Image } from '../../domain/image.js';
import type { Network } from '../../domain/network.js';
import type { Placement } from '../../domain/placement.js';
import type { Quota, QuotaUsage } from '../../domain/quota.js';
import type { Vm } from '../../domain/vm.js';

export type PbVm = reservoir.veem.v1.Vm.$Properties;
export type PbHost = reservoir.veem.v1.Host.$Properties;
export type PbPlacement = reservoir.veem.v1.Placement.$Properties;

export function placementToPb(p: Placement): PbPlacement {
  return {
    groups: p.groups.map((g) => ({ ...g })),
    allowedHosts: p.allowedHosts,
    forbiddenHosts: p.forbiddenHosts,
    allowedLabels: Object.fromEntries(Object.entries(p.allowedLabels).map(([k, values]) => [k, { values }])),
    setId: p.setId,
  };
}

/** A request's placement as given (checked by the use case); undefined when absent. */
export function placementFromPb(p: PbPlacement | null | undefined): PlacementInput | undefined {
  if (!p) return undefined;
  return {
    groups: (p.groups ?? []).map((g) => ({
      name: g.name ?? '',
      type: g.type ?? '',
      scope: g.scope ?? '',
      hard: g.hard ?? false,
      min: g.min ?? 0,
    })),
    allowedHosts: p.allowedHosts ?? [],
    forbiddenHosts: p.forbiddenHosts ?? [],
    allowedLabels: Object.fromEntries(
      Object.entries(p.allowedLabels ?? {}).map(([k, v]) => [k, v.values ?? []]),
    ),
    setId: p.setId ?? '',
  };
}

export function vmToPb(vm: Vm, inv?: Inventory): PbVm {
  return {
    id: vm.id,
    name: vm.name,
    state: vm.state,
    host: inv?.hosts.get(vm.host)?.name ?? vm.host,
    site: vm.site,
    organization: vm.organization,
    owner: vm.owner,
    resources: vm.resources,
    imageId: vm.imageId,
    nics: vm.nics,
    labels: vm.labels,
    requirements: vm.requirements,
    ...(vm.placement ? { placement: placementToPb(vm.placement) } : {}),
    reason: vm.reason,
    createdAtMs: vm.createdAtMs,
    stateSinceMs: vm.stateSinceMs,
    previousState: vm.previousState,
    migrationTarget: inv?.hosts.get(vm.migrationTarget)?.name ?? vm.migrationTarget,
    snapshots: vm.snapshots,
    hypervisor: inv?.hosts.get(vm.host)?.profile.hypervisor ?? '',
    taskId: vm.taskId,
    version: vm.version,
    context: vm.context ?? {},
    operationalRequirements: vm.operationalRequirements ?? {},
    ...(hasBurst(vm.burst) ? { burst: { ...vm.burst, diskMib: 0 } } : {}),
    guarantee: guaranteeOf(vm),
    burstInUse: { ...burstInUse(vm), diskMib: 0 },
  };
}

export function hostToPb(h: Host, inv: Inventory): PbHost {
  const used = inv.usedOn(h.id);
  return {
    id: h.id,
    name: h.name,
    state: hostState(h),
    agentEndpoint: h.agentEndpoint,
    agentHostId: h.agentHostId,
    capacity: h.capacity,
    used,
    overcommit: h.overcommit,
    profile: h.profile,
    labels: h.labels,
    runningVms: inv.vmsOn(h.id).length,
    cpuUsedPercent: h.cpuUsedPercent,
    memoryUsedMib: h.memoryUsedMib,
    lastSeenMs: h.lastSeenMs,
    site: h.site,
    error: h.error,
  };
}

export function imageToPb(i: Image, runningVms: number): reservoir.veem.v1.Image.$Properties {
  return { ...i, runningVms };
}

export function networkToPb(
  n: Network,
  pool: { size: number; used: number },
): reservoir.veem.v1.Network.$Properties {
  return { ...n, size: pool.size, used: pool.used };
}

export function quotaToPb(q: Quota, u: QuotaUsage): reservoir.veem.v1.Quota.$Properties {
  return {
    ...q,
    usedVms: u.vms,
    usedVcpus: u.resources.vcpus,
    usedMemoryMib: u.resources.memoryMib,
    usedDiskMib: u.resources.diskMib,
  };
}

const A = reservoir.veem.v1.VmAction;
const ACTIONS: Record<number, VmActionName> = {
  [A.VM_ACTION_START]: 'start',
  [A.VM_ACTION_STOP]: 'stop',
  [A.VM_ACTION_POWEROFF_HARD]: 'poweroff-hard',
  [A.VM_ACTION_SUSPEND]: 'suspend',
  [A.VM_ACTION_RESUME]: 'resume',
  [A.VM_ACTION_DELETE]: 'delete',
  [A.VM_ACTION_REBOOT]: 'reboot',
  [A.VM_ACTION_HOLD]: 'hold',
  [A.VM_ACTION_RELEASE]: 'release',
  [A.VM_ACTION_UNDEPLOY]: 'undeploy',
};

export function actionFromPb(a: number): VmActionName {
  const name = ACTIONS[a];
  if (!name) throw errors.invalid('action', `unknown VM action ${a}`);
  return name;
}

export const ACTION_TO_PB: Record<VmActionName, number> = Object.fromEntries(
  Object.entries(ACTIONS).map(([k, v]) => [v, Number(k)]),
) as Record<VmActionName, number>;

const R = reservoir.veem.v1.RecoverMode;
const MODES: Record<number, RecoverMode> = {
  [R.RECOVER_MODE_UNSPECIFIED]: 'auto',
  [R.RECOVER_MODE_AUTO]: 'auto',
  [R.RECOVER_MODE_RETRY]: 'retry',
  [R.RECOVER_MODE_SUCCESS]: 'success',
  [R.RECOVER_MODE_FAILURE]: 'failure',
  [R.RECOVER_MODE_DELETE]: 'delete',
};

export function recoverModeFromPb(m: number): RecoverMode {
  const mode = MODES[m];
  if (!mode) throw errors.invalid('mode', `unknown recover mode ${m}`);
  return mode;
}

export const RECOVER_TO_PB: Record<RecoverMode, number> = {
  auto: R.RECOVER_MODE_AUTO,
  retry: R.RECOVER_MODE_RETRY,
  success: R.RECOVER_MODE_SUCCESS,
  failure: R.RECOVER_MODE_FAILURE,
  delete: R.RECOVER_MODE_DELETE,
};

const H = reservoir.veem.v1.HostAction;
export function hostActionFromPb(a: number): 'enabled' | 'disabled' | 'maintenance' {
  switch (a) {
    case H.HOST_ACTION_ENABLE:
      return 'enabled';
    case H.HOST_ACTION_DISABLE:
      return 'disabled';
    case H.HOST_ACTION_MAINTENANCE:
      return 'maintenance';
    default:
      throw errors.invalid('action', `unknown host action ${a}`);
  }
}
