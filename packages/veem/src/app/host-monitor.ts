import { toReservoirError } from '@reservoir/runtime';
import { hostState, type Host } from '../domain/host.js';
import type { Vm } from '../domain/vm.js';
import type { VmState } from '../domain/vm-state.js';
import type { VeemContext } from './context.js';
import type { HostCommands } from './host-commands.js';
import { stateFromDomain } from './operations.js';
import type { DomainInfo, HostReport } from './ports.js';
import type { VmWriter } from './vm-writer.js';

const SETTLED: ReadonlySet<VmState> = new Set(['running', 'poweroff', 'suspended', 'unknown']);

/**
 * Heartbeats and reconciliation. Each agent is asked for all its hosts at once; a host silent
 * past the failure timeout goes to error and its VMs to unknown (never silently lost); when it
 * answers again, every VM takes the state its host reports.
 */
export class HostMonitor {
  private timer: NodeJS.Timeout | undefined;
  private cycle: Promise<void> | undefined;
  private readonly orphansSeen = new Set<string>();

  constructor(
    private readonly ctx: VeemContext,
    private readonly writer: VmWriter,
    private readonly hosts: HostCommands,
  ) {}

  start(): void {
    // Hosts loaded from the store get a fresh grace period rather than failing at once.
    const now = this.ctx.now();
    for (const h of this.ctx.inv.hosts.values()) h.lastSeenMs = Math.max(h.lastSeenMs, now);
    this.timer = setInterval(() => void this.runOnce(), this.ctx.settings.monitor.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.cycle;
  }

  /** One monitoring cycle over every agent; overlapping cycles are skipped. */
  runOnce(): Promise<void> {
    if (!this.cycle) {
      this.cycle = this.poll().finally(() => {
        this.cycle = undefined;
      });
    }
    return this.cycle;
  }

  private async poll(): Promise<void> {
    const byAgent = new Map<string, Host[]>();
    for (const h of this.ctx.inv.hosts.values()) {
      const list = byAgent.get(h.agentEndpoint) ?? [];
      list.push(h);
      byAgent.set(h.agentEndpoint, list);
    }
    await Promise.all(
      [...byAgent.entries()].map(async ([endpoint, hosts]) => {
        let reports: HostReport[] | undefined;
        let error = '';
        // A report describes the hosts as they were when asked: a VM that changed since is left alone.
        const askedAt = this.ctx.now();
        try {
          reports = await this.ctx.agents.agent(endpoint).monitor();
        } catch (e) {
          error = toReservoirError(e).message;
        }
        const byId = new Map((reports ?? []).map((r) => [r.agentHostId, r]));
        for (const h of hosts) {
          const r = byId.get(h.agentHostId);
          await this.apply(
            h.id,
            r,
            r ? r.error : error || `agent ${endpoint} no longer serves host ${h.agentHostId}`,
            askedAt,
          ).catch((e: unknown) =>
            this.ctx.logger.error({ host: h.name, err: e }, 'monitoring update failed'),
          );
        }
      }),
    );
  }

  private async apply(
    hostId: string,
    report: HostReport | undefined,
    error: string,
    askedAt: number,
  ): Promise<void> {
    const h = this.ctx.inv.hosts.get(hostId);
    if (!h) return;
    const now = this.ctx.now();
    if (report?.reachable) {
      h.lastSeenMs = now;
      h.cpuUsedPercent = report.cpuUsedPercent;
      h.memoryUsedMib = report.memoryUsedMib;
      if (h.health !== 'monitored')
        await this.hosts.save({ ...h, health: 'monitored', error: '' }, h, 'answering again');
      await this.reconcile(hostId, report.domains, askedAt);
      return;
    }
    if (h.health === 'error' || now - h.lastSeenMs < this.ctx.settings.monitor.failureTimeoutMs) return;
    const next: Host = { ...h, health: 'error', error: error || 'not answering' };
    await this.hosts.save(next, h, `silent for ${now - h.lastSeenMs} ms: ${next.error}`);
    this.ctx.logger.warn({ host: h.name, state: hostState(next), err: next.error }, 'host failed');
    for (const vm of this.ctx.inv.vmsOn(hostId)) {
      if (vm.host === hostId && !vm.op && SETTLED.has(vm.state) && vm.state !== 'unknown') {
        await this.writer.update(vm, {}, { to: 'unknown', reason: `host ${h.name} is not answering` });
      }
    }
  }

  /** Brings settled VMs in line with what their host reports. */
  private async reconcile(hostId: string, domains: DomainInfo[], askedAt: number): Promise<void> {
    const seen = new Map(domains.map((d) => [d.vmId, d]));
    for (const vm of this.ctx.inv.vmsOn(hostId)) {
      if (vm.host !== hostId || vm.op || !SETTLED.has(vm.state) || vm.stateSinceMs >= askedAt) continue;
      const d = seen.get(vm.id);
      const actual = stateFromDomain(d);
      if (actual === vm.state) continue;
      const reason = this.reasonFor(vm, d, actual);
      // The host is the authority on what a settled VM is doing.
      await this.writer.update(vm, {}, { to: actual, reason, force: true });
    }
    for (const d of domains) {
      const vm = this.ctx.inv.vms.get(d.vmId);
      if (vm && (vm.host === hostId || vm.migrationTarget === hostId)) continue;
      const key = `${hostId}/${d.vmId}`;
      if (!this.orphansSeen.has(key)) {
        this.orphansSeen.add(key);
        this.ctx.logger.warn(
          { host: hostId, domain: d.vmId, state: d.state },
          'domain on host is not a VM of this site',
        );
      }
    }
  }

  private reasonFor(vm: Vm, d: DomainInfo | undefined, actual: VmState): string {
    if (vm.state === 'unknown') return `host answers again; the VM is ${actual}`;
    if (!d) return 'the VM disappeared from its host';
    return `the host reports the VM ${d.state}`;
  }
}
