import {
  HostServiceDefinition,
  TaskServiceDefinition,
  VmServiceDefinition,
  type reservoir,
} from '@reservoir/contracts';
import {
  createChannel,
  createClient,
  errors,
  isReservoirError,
  isTerminal,
  sleep,
  taskFromPb,
  type Task,
} from '@reservoir/runtime';
import type { Amounts, SiteHost, SiteVm, VeemPort } from '../../app/ports.js';

const WATCH_RETRIES = 30;
const RETRY_MS = 1000;

function amounts(r: reservoir.common.v1.Resources.$Properties | null | undefined): Amounts {
  return { vcpus: r?.vcpus ?? 0, memoryMib: r?.memoryMib ?? 0, diskMib: r?.diskMib ?? 0 };
}

function hostFromPb(h: reservoir.veem.v1.Host.$Properties): SiteHost {
  return {
    id: h.id ?? '',
    name: h.name ?? '',
    state: h.state ?? '',
    capacity: amounts(h.capacity),
    used: amounts(h.used),
    overcommit: {
      cpu: h.overcommit?.cpu ?? 1,
      memory: h.overcommit?.memory ?? 1,
      disk: h.overcommit?.disk ?? 1,
    },
    hypervisor: h.profile?.hypervisor ?? '',
    liveMigration: h.profile?.liveMigration ?? false,
    labels: { ...h.labels },
  };
}

function vmFromPb(v: reservoir.veem.v1.Vm.$Properties): SiteVm {
  const p = v.placement;
  return {
    id: v.id ?? '',
    state: v.state ?? '',
    host: v.host ?? '',
    organization: v.organization ?? '',
    resources: amounts(v.resources),
    requirements: { ...v.requirements },
    taskId: v.taskId ?? '',
    placement: {
      groups: (p?.groups ?? []).map((g) => ({
        name: g.name ?? '',
        type: g.type ?? '',
        scope: g.scope ?? '',
        hard: g.hard ?? false,
        min: g.min ?? 0,
      })),
      allowedHosts: p?.allowedHosts ?? [],
      forbiddenHosts: p?.forbiddenHosts ?? [],
      allowedLabels: Object.fromEntries(
        Object.entries(p?.allowedLabels ?? {}).map(([k, v]) => [k, v?.values ?? []]),
      ),
      setId: p?.setId ?? '',
    },
  };
}

/** The site's VEEM over its VMI: listings for the optimizer's snapshot, live migrations for its plans. */
export class GrpcVeemGateway implements VeemPort {
  private readonly channel;
  private readonly hosts;
  private readonly vms;
  private readonly tasks;

  constructor(
    readonly address: string,
    deadlineMs = 30_000,
  ) {
    this.channel = createChannel(address);
    const opts = { channel: this.channel, deadlineMs };
    this.hosts = createClient(HostServiceDefinition, address, opts);
    this.vms = createClient(VmServiceDefinition, address, opts);
    this.tasks = createClient(TaskServiceDefinition, address, opts);
  }

  async listHosts(): Promise<SiteHost[]> {
    // A partner site registered as a large host is the VEEM's cloudburst target, not a host of this
    // site: the engine neither consolidates onto it nor migrates VMs to or from it.
    return (await this.hosts.listHosts({})).hosts
      .filter((h) => !('reservoir.partner' in (h.labels ?? {})))
      .map(hostFromPb);
  }

  async listVms(): Promise<SiteVm[]> {
    const [hosts, vms] = await Promise.all([
      this.hosts.listHosts({}),
      this.vms.listVms({ states: ['running'], pageSize: 0 }),
    ]);
    // VMs that burst to a partner run there, not on this site's hosts.
    const partner = new Set(
      hosts.hosts.filter((h) => 'reservoir.partner' in (h.labels ?? {})).flatMap((h) => [h.id, h.name]),
    );
    return vms.vms.filter((v) => !partner.has(v.host)).map(vmFromPb);
  }

  async migrate(vmId: string, targetHost: string): Promise<string> {
    const r = await this.vms.migrateVm({ id: vmId, targetHost, live: true });
    if (!r.task?.id) throw errors.internal(`the VEEM started no task for the migration of ${vmId}`);
    return r.task.id;
  }

  /** Follows the task over WatchTask; a VEEM that restarts meanwhile is asked again. */
  async waitTask(taskId: string, signal?: AbortSignal): Promise<Task> {
    for (let attempt = 0; ; attempt++) {
      try {
        // A signal of this call only: the client's listener goes with it, not onto a long-lived one.
        const scoped = signal ? { signal: AbortSignal.any([signal]) } : {};
        for await (const pb of this.tasks.watchTask({ id: taskId }, scoped)) {
          const t = taskFromPb(pb);
          if (isTerminal(t.state)) return t;
        }
      } catch (e) {
        if (!isReservoirError(e) || e.code !== 'UNAVAILABLE' || attempt >= WATCH_RETRIES) throw e;
      }
      if (signal?.aborted) throw errors.aborted(`stopped waiting for VEEM task ${taskId}`);
      if (attempt >= WATCH_RETRIES)
        throw errors.unavailable(`VEEM task ${taskId} could not be followed to its end at ${this.address}`);
      await sleep(RETRY_MS, signal);
    }
  }

  close(): void {
    this.channel.close();
  }
}
