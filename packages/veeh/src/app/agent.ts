import { errors, isReservoirError, toReservoirError, type Logger } from '@reservoir/runtime';
import type { Clock } from '../domain/clock.js';
import type {
  DiskSpec,
  Domain,
  DomainSpec,
  HostDescription,
  HostStatus,
  HypervisorDriver,
  MigrationImage,
  MigrationProgress,
  NicSpec,
  OutgoingMigration,
  ResizeRequest,
  TransferProgress,
} from '../domain/driver.js';
import { transition } from '../domain/lifecycle.js';
import {
  checkMigration,
  DEFAULT_MIGRATION_MODEL,
  planMigration,
  type MigrationModel,
} from '../domain/migration-plan.js';
import { localTarget, remoteTarget, type MigrationTarget } from './migration-target.js';
import type { PeerAgents } from './peer-agents.js';

export interface HostAgentOptions {
  logger: Logger;
  clock: Clock;
  /** How to reach other agents; without it, migrations stay within this agent. */
  peers?: PeerAgents;
  migration?: Partial<MigrationModel>;
  /** Share of a migration's modelled duration really waited: 0 instant (default), 1 real time. */
  migrationTimeScale?: number;
}

export interface MigrateRequest {
  hostId: string;
  vmId: string;
  targetHostId: string;
  /** The target agent's endpoint; empty or absent when this agent serves the target host. */
  targetEndpoint?: string;
  live: boolean;
}

export interface MigrationResult {
  /** The domain on the target host. */
  domain: Domain;
  transferredMib: number;
  downtimeMs: number;
  durationMs: number;
}

/** A migration this agent is sending: how far it is and how to stop it. */
interface OutgoingRun {
  abort: AbortController;
  progress: MigrationProgress;
  /** Past the transfer: the hand-over to the target can no longer be stopped. */
  switchingOver: boolean;
  completed?: boolean;
  /** Settles once the migration has ended, whichever way. */
  ended: Promise<void>;
}

const runKey = (hostId: string, vmId: string) => `${hostId}\u0000${vmId}`;

export interface MonitorReport {
  hosts: HostStatus[];
  atMs: number;
}

function required(value: string, field: string): void {
  if (!value) throw errors.invalid(field, 'required');
}

function unreachable(hostId: string, e: unknown): HostStatus {
  return {
    hostId,
    allocated: { vcpus: 0, memoryMib: 0, diskMib: 0 },
    cpuUsedPercent: 0,
    memoryUsedMib: 0,
    domains: [],
    reachable: false,
    error: toReservoirError(e).toString(),
  };
}

/**
 * The VEEH use cases: one agent process serving many hosts, each behind its own driver.
 * Methods mirror the VHI RPCs and speak the domain's types; transports map onto them.
 */
export class HostAgent {
  private readonly hosts = new Map<string, HypervisorDriver>();
  private readonly outgoing = new Map<string, OutgoingRun>();
  private readonly model: MigrationModel;
  private readonly log: Logger;

  constructor(private readonly options: HostAgentOptions) {
    this.model = { ...DEFAULT_MIGRATION_MODEL, ...options.migration };
    this.log = options.logger;
  }

  addHost(driver: HypervisorDriver): void {
    if (this.hosts.has(driver.hostId)) throw errors.exists('host', driver.hostId);
    this.hosts.set(driver.hostId, driver);
  }

  removeHost(hostId: string): boolean {
    return this.hosts.delete(hostId);
  }

  hostIds(): string[] {
    return [...this.hosts.keys()];
  }

  /** The driver of a host of this agent; NOT_FOUND otherwise. */
  driver(hostId: string): HypervisorDriver {
    required(hostId, 'host_id');
    const d = this.hosts.get(hostId);
    if (!d) throw errors.notFound('host', hostId);
    return d;
  }

  async listHosts(): Promise<HostDescription[]> {
    return [...this.hosts.values()].map((d) => d.describe());
  }

  async describeHost(hostId: string): Promise<HostDescription> {
    return this.driver(hostId).describe();
  }

  /** Every host (or the named ones) with its domains; a host that does not answer is reported unreachable. */
  async monitor(hostIds: readonly string[] = []): Promise<MonitorReport> {
    const drivers = hostIds.length === 0 ? [...this.hosts.values()] : hostIds.map((id) => this.driver(id));
    const hosts = await Promise.all(
      drivers.map((d) =>
        d.status().then(
          (h) => ({ ...h, domains: h.domains.map((x) => this.withProgress(x)) }),
          (e: unknown) => unreachable(d.hostId, e),
        ),
      ),
    );
    return { hosts, atMs: this.options.clock.now() };
  }

  /** A domain this agent is migrating away carries the transfer's latest figures. */
  private withProgress(d: Domain): Domain {
    const run = this.outgoing.get(runKey(d.hostId, d.vmId));
    return run ? { ...d, migration: { ...run.progress } } : d;
  }

  async createDomain(hostId: string, spec: DomainSpec): Promise<Domain> {
    return this.driver(hostId).create(spec);
  }

  async getDomain(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.withProgress(await this.driver(hostId).get(vmId));
  }

  async startDomain(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).start(vmId);
  }

  async shutdownDomain(hostId: string, vmId: string, hard = false): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).shutdown(vmId, hard);
  }

  /** False when the host had no such domain: a retried destroy is harmless. */
  async destroyDomain(hostId: string, vmId: string): Promise<boolean> {
    required(vmId, 'vm_id');
    return this.driver(hostId).destroy(vmId);
  }

  async suspendDomain(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).suspend(vmId);
  }

  async resumeDomain(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).resume(vmId);
  }

  async rebootDomain(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).reboot(vmId);
  }

  async snapshotDomain(hostId: string, vmId: string, name: string): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).snapshot(vmId, name);
  }

  async revertDomain(hostId: string, vmId: string, name: string): Promise<Domain> {
    required(vmId, 'vm_id');
    required(name, 'name');
    return this.driver(hostId).revert(vmId, name);
  }

  async deleteSnapshot(hostId: string, vmId: string, name: string): Promise<Domain> {
    required(vmId, 'vm_id');
    required(name, 'name');
    return this.driver(hostId).deleteSnapshot(vmId, name);
  }

  async resizeDomain(hostId: string, vmId: string, request: ResizeRequest): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).resize(vmId, request);
  }

  async attachDisk(hostId: string, vmId: string, disk: DiskSpec): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).attachDisk(vmId, disk);
  }

  async detachDisk(hostId: string, vmId: string, diskId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    required(diskId, 'device_id');
    return this.driver(hostId).detachDisk(vmId, diskId);
  }

  async attachNic(hostId: string, vmId: string, nic: NicSpec): Promise<Domain> {
    required(vmId, 'vm_id');
    return this.driver(hostId).attachNic(vmId, nic);
  }

  async detachNic(hostId: string, vmId: string, nicId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    required(nicId, 'device_id');
    return this.driver(hostId).detachNic(vmId, nicId);
  }

  async prepareIncoming(hostId: string, spec: DomainSpec, live: boolean): Promise<Domain> {
    return this.driver(hostId).prepareIncoming(spec, live);
  }

  /** Called by a source agent: the transfer is done and the prepared domain takes over. */
  async receiveMigration(hostId: string, image: MigrationImage): Promise<Domain> {
    required(image.vmId, 'vm_id');
    return this.driver(hostId).completeIncoming(image);
  }

  async abortIncoming(hostId: string, vmId: string): Promise<boolean> {
    required(vmId, 'vm_id');
    return this.driver(hostId).abortIncoming(vmId);
  }

  /**
   * Moves a domain to another host, served here or by the agent at `targetEndpoint`. The target
   * reserves first (its own PrepareIncoming, or one the VEEM made); the source then marks the
   * domain migrating, transfers, and hands over. Any failure puts the source back as it was and
   * drops the target's reservation. Retried after it completed, it answers the landed domain.
   */
  async migrateDomain(req: MigrateRequest): Promise<MigrationResult> {
    required(req.vmId, 'vm_id');
    required(req.targetHostId, 'target_host_id');
    if (req.targetHostId === req.hostId) throw errors.invalid('target_host_id', 'is the source host');
    const source = this.driver(req.hostId);
    const target = this.targetFor(req.targetHostId, req.targetEndpoint ?? '');
    const { vmId, live } = req;

    let current: Domain;
    try {
      current = await source.get(vmId);
    } catch (e) {
      const landed =
        isReservoirError(e) && e.code === 'NOT_FOUND'
          ? await target.find(vmId).catch(() => undefined)
          : undefined;
      if (landed && landed.state !== 'incoming')
        return { domain: landed, transferredMib: 0, downtimeMs: 0, durationMs: 0 };
      throw e;
    }
    let outgoing: OutgoingMigration;
    let prepared: Domain;
    try {
      checkMigration(source.describe().profile, await target.profile(), live);
      // Refuse a domain that cannot leave before anything is reserved on the target.
      transition(
        live ? 'migrateLive' : 'migrateCold',
        current.state,
        `domain "${vmId}" on host ${req.hostId}`,
      );
      const existing = await target.find(vmId);
      if (existing && existing.state !== 'incoming') {
        throw errors.precondition(
          `domain "${vmId}" already exists on host ${target.hostId} and is ${existing.state}`,
        );
      }
      prepared = existing ?? (await target.prepare(current.spec, live));
      outgoing = await source.beginOutgoing(vmId, live);
    } catch (e) {
      // Also drops a reservation the VEEM made for this move; a settled domain there is left alone.
      await this.abortQuietly(target, vmId);
      throw e;
    }

    const figures = planMigration(this.model, {
      memoryImageMib: outgoing.memoryImageMib,
      diskMib: outgoing.spec.resources.diskMib,
      live,
      wasRunning: outgoing.priorState === 'running',
    });
    const image: MigrationImage = {
      vmId,
      live,
      sourceState: outgoing.priorState,
      snapshots: outgoing.snapshots,
      memoryImageMib: outgoing.memoryImageMib,
    };
    const now = this.options.clock.now();
    const total = figures.transferredMib * 2 ** 20;
    let settle = () => {};
    const run: OutgoingRun = {
      abort: new AbortController(),
      progress: {
        targetHostId: target.hostId,
        live,
        phase: source.transferOut && prepared.incoming ? (live ? 'disks' : 'cold') : 'modelled',
        totalBytes: total,
        transferredBytes: 0,
        remainingBytes: total,
        dirtyBytesPerSecond: 0,
        startedAtMs: now,
        updatedAtMs: now,
      },
      switchingOver: false,
      ended: new Promise<void>((resolve) => (settle = resolve)),
    };
    const key = runKey(req.hostId, vmId);
    this.outgoing.set(key, run);
    const report = (p: TransferProgress) => {
      run.progress = { ...run.progress, ...p, updatedAtMs: this.options.clock.now() };
    };
    let domain: Domain;
    try {
      try {
        if (source.transferOut && prepared.incoming) {
          // A real hypervisor moves disks and memory itself; its figures replace the model's.
          Object.assign(
            figures,
            await source.transferOut(vmId, prepared.incoming, {
              signal: run.abort.signal,
              onProgress: report,
            }),
          );
        } else {
          await this.modelledTransfer(figures.durationMs, total, run.abort.signal, report);
        }
        // The transfer converged: from here on the move completes or fails, it is not canceled.
        run.switchingOver = true;
        // The source is probed before the switch-over: one that crashed or went silent meanwhile aborts.
        const still = await source.get(vmId);
        if (still.state !== 'migrating')
          throw errors.aborted(`domain "${vmId}" became ${still.state} during its migration`);
        domain = await this.handOver(target, image);
      } catch (e) {
        await source
          .cancelOutgoing(vmId)
          .catch((err: unknown) => this.log.error({ vmId, err }, 'migration: source rollback failed'));
        await this.abortQuietly(target, vmId);
        const err =
          run.abort.signal.aborted && !run.switchingOver
            ? errors.cancelled(
                `migration of domain "${vmId}" from host ${req.hostId} to ${target.hostId} was canceled; it stays at the source`,
              )
            : e;
        this.log.warn(
          { vmId, from: req.hostId, to: target.hostId, err: toReservoirError(err).toString() },
          'migration failed',
        );
        throw err;
      }
      await source.completeOutgoing(vmId);
      run.completed = true;
    } finally {
      this.outgoing.delete(key);
      settle();
    }
    this.log.info(
      { vmId, from: req.hostId, to: target.hostId, via: target.where, live, ...figures },
      'migration done',
    );
    return {
      domain,
      transferredMib: figures.transferredMib,
      downtimeMs: figures.downtimeMs,
      durationMs: figures.durationMs,
    };
  }

  /**
   * Stops a migration this agent is sending, before its switch-over. The pending migrateDomain
   * rolls back and fails with CANCELLED; this answers the domain once it is back as it was.
   */
  async cancelMigration(hostId: string, vmId: string): Promise<Domain> {
    required(vmId, 'vm_id');
    const driver = this.driver(hostId);
    const run = this.outgoing.get(runKey(hostId, vmId));
    if (!run) throw errors.precondition(`no migration of domain "${vmId}" is in progress on host ${hostId}`);
    if (run.switchingOver)
      throw errors.precondition(
        `the migration of domain "${vmId}" to host ${run.progress.targetHostId} is past its switch-over; it can no longer be canceled`,
      );
    run.abort.abort();
    await run.ended;
    if (run.completed)
      throw errors.precondition(
        `the migration of domain "${vmId}" to host ${run.progress.targetHostId} completed before it could be canceled`,
      );
    return driver.get(vmId);
  }

  /** A simulated transfer takes the model's time (scaled), in steps that report progress and can be stopped. */
  private async modelledTransfer(
    durationMs: number,
    totalBytes: number,
    signal: AbortSignal,
    report: (p: TransferProgress) => void,
  ): Promise<void> {
    const wait = durationMs * (this.options.migrationTimeScale ?? 0);
    const steps = wait > 0 ? Math.max(1, Math.ceil(wait / 100)) : 0;
    for (let i = 1; i <= steps; i++) {
      await this.options.clock.sleep(wait / steps);
      if (signal.aborted) throw errors.cancelled('migration canceled');
      const sent = Math.round((totalBytes * i) / steps);
      report({
        phase: 'modelled',
        totalBytes,
        transferredBytes: sent,
        remainingBytes: totalBytes - sent,
        dirtyBytesPerSecond: 0,
      });
    }
  }

  /** A lost reply must not leave the domain on both hosts: when the target took it, that counts. */
  private async handOver(target: MigrationTarget, image: MigrationImage): Promise<Domain> {
    try {
      return await target.receive(image);
    } catch (e) {
      const landed = await target.find(image.vmId).catch(() => undefined);
      if (landed && landed.state === image.sourceState) return landed;
      throw e;
    }
  }

  private targetFor(hostId: string, endpoint: string): MigrationTarget {
    const local = this.hosts.get(hostId);
    if (local) return localTarget(local);
    if (!endpoint) throw errors.notFound('host', hostId);
    if (!this.options.peers)
      throw errors.precondition(
        `host ${hostId} is served by another agent and this agent has no peer transport`,
      );
    return remoteTarget(this.options.peers, endpoint, hostId);
  }

  private async abortQuietly(target: MigrationTarget, vmId: string): Promise<void> {
    try {
      const there = await target.find(vmId);
      if (there?.state === 'incoming') await target.abort(vmId);
    } catch (err) {
      this.log.error(
        { vmId, host: target.hostId, via: target.where, err },
        'migration: could not drop the incoming reservation',
      );
    }
  }
}
