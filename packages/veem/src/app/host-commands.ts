import { errors, newId, type Task } from '@reservoir/runtime';
import { hostState, type Host, type HostAdminState } from '../domain/host.js';
import { NO_OVERCOMMIT, type Overcommit } from '../domain/resources.js';
import type { VeemContext } from './context.js';
import { checkLabels, checkName, checkRatio } from './validation.js';
import type { VmCommands } from './vm-commands.js';

export interface RegisterHost {
  name: string;
  agentEndpoint: string;
  agentHostId?: string;
  overcommit?: Partial<Overcommit>;
  labels?: Record<string, string>;
}

function checkOvercommit(oc: Partial<Overcommit> | undefined): Overcommit {
  const out = { ...NO_OVERCOMMIT };
  for (const k of ['cpu', 'memory', 'disk'] as const) {
    const v = oc?.[k];
    if (v !== undefined && v !== 0) {
      checkRatio(`overcommit.${k}`, v);
      out[k] = v;
    }
  }
  return out;
}

/** Host administration: register (asking the agent what the host is), enable, disable, maintenance, remove. */
export class HostCommands {
  constructor(
    private readonly ctx: VeemContext,
    private readonly vms: VmCommands,
  ) {}

  async register(req: RegisterHost): Promise<Host> {
    checkName('name', req.name);
    if (!/^[A-Za-z0-9.[\]:-]+:\d+$/.test(req.agentEndpoint)) {
      throw errors.invalid('agent_endpoint', `"${req.agentEndpoint}" must be host:port`);
    }
    checkLabels('labels', req.labels ?? {});
    const overcommit = checkOvercommit(req.overcommit);
    if ([...this.ctx.inv.hosts.values()].some((h) => h.name === req.name))
      throw errors.exists('host', req.name);
    const agentHostId = req.agentHostId || req.name;
    if (
      [...this.ctx.inv.hosts.values()].some(
        (h) => h.agentEndpoint === req.agentEndpoint && h.agentHostId === agentHostId,
      )
    ) {
      throw errors.exists('host at agent', `${req.agentEndpoint}/${agentHostId}`);
    }
    // Nothing is stored unless the agent answers for the host.
    const d = await this.ctx.agents.agent(req.agentEndpoint).describeHost(agentHostId);
    const now = this.ctx.now();
    const host: Host = {
      id: newId('host', now),
      name: req.name,
      site: this.ctx.settings.site,
      agentEndpoint: req.agentEndpoint,
      agentHostId,
      admin: 'enabled',
      // Describing it was a successful contact: it is monitored from the start.
      health: 'monitored',
      capacity: d.capacity,
      overcommit,
      profile: d.profile,
      labels: { ...d.labels, ...req.labels },
      cpuUsedPercent: 0,
      memoryUsedMib: 0,
      lastSeenMs: now,
      error: '',
      createdAtMs: now,
    };
    await this.ctx.store.saveHost(host);
    this.ctx.inv.hosts.set(host.id, host);
    this.ctx.events.hostStateChanged({ host, from: '', to: hostState(host), reason: 'registered' });
    return host;
  }

  async update(
    id: string,
    patch: { overcommit?: Partial<Overcommit>; labels?: Record<string, string> },
  ): Promise<Host> {
    const h = this.ctx.inv.host(id);
    if (patch.labels) checkLabels('labels', patch.labels);
    const next: Host = {
      ...h,
      ...(patch.overcommit
        ? { overcommit: { ...h.overcommit, ...checkOvercommit({ ...h.overcommit, ...patch.overcommit }) } }
        : {}),
      ...(patch.labels ? { labels: { ...h.labels, ...patch.labels } } : {}),
    };
    await this.save(next, h, 'updated');
    return next;
  }

  async setAdmin(id: string, admin: HostAdminState): Promise<{ host: Host; task?: Task }> {
    const h = this.ctx.inv.host(id);
    const next = { ...h, admin };
    if (h.admin !== admin) await this.save(next, h, `set ${admin}`);
    if (admin !== 'maintenance') return { host: next };
    return { host: next, task: await this.evacuate(next) };
  }

  /** Maintenance: every settled VM leaves the host, live where it can; the task ends when it is empty. */
  private async evacuate(host: Host): Promise<Task> {
    const task = await this.ctx.tasks.create({
      id: newId('task', this.ctx.now()),
      operation: 'host.maintenance',
      targetKind: 'host',
      targetId: host.id,
      organization: '',
      owner: '',
      site: this.ctx.settings.site,
    });
    const vms = this.ctx.inv.vmsOn(host.id).filter((v) => v.host === host.id);
    const total = vms.length;
    void (async () => {
      const failures: string[] = [];
      let done = 0;
      for (const vm of vms) {
        try {
          const live = vm.state === 'running' && host.profile.liveMigration;
          const { task: t } = await this.vms.migrate(vm.id, undefined, live);
          if (t) {
            const end = await this.ctx.tasks.waitFor(t.id);
            if (end.state !== 'succeeded') failures.push(`${vm.id}: ${end.errorMessage}`);
          }
        } catch (e) {
          failures.push(`${vm.id}: ${(e as Error).message}`);
        }
        done++;
        await this.ctx.tasks.progress(
          task.id,
          (done / Math.max(1, total)) * 100,
          `${done} of ${total} VMs moved`,
        );
      }
      if (failures.length)
        await this.ctx.tasks.fail(
          task.id,
          errors.precondition(`${failures.length} VMs could not leave: ${failures.join('; ')}`),
        );
      else await this.ctx.tasks.succeed(task.id, `${total} VMs moved`);
    })();
    return task;
  }

  async remove(id: string): Promise<Host> {
    const h = this.ctx.inv.host(id);
    const left = this.ctx.inv.vmsOn(h.id);
    if (left.length > 0) {
      throw errors.precondition(
        `host ${h.name} still holds ${left.length} VMs (${left
          .slice(0, 5)
          .map((v) => v.id)
          .join(', ')}${left.length > 5 ? ', ...' : ''}); move or delete them first`,
      );
    }
    await this.ctx.store.deleteHost(h.id);
    this.ctx.inv.hosts.delete(h.id);
    this.ctx.events.hostStateChanged({ host: h, from: hostState(h), to: 'removed', reason: 'removed' });
    return h;
  }

  async save(next: Host, prev: Host, reason: string): Promise<void> {
    await this.ctx.store.saveHost(next);
    this.ctx.inv.hosts.set(next.id, next);
    const from = hostState(prev);
    const to = hostState(next);
    if (from !== to) this.ctx.events.hostStateChanged({ host: next, from, to, reason });
  }
}
