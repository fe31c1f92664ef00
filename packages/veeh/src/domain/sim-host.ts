import { errors, ReservoirError } from '@reservoir/runtime';
import { DEFAULT_OVERCOMMIT, held, Ledger, limitsOf, ZERO, type Overcommit } from './accounting.js';
import type { Clock } from './clock.js';
import type {
  CapabilityProfile,
  DiskSpec,
  Domain,
  DomainSpec,
  DomainState,
  HostDescription,
  HostStatus,
  HypervisorDriver,
  MigrationImage,
  NicSpec,
  OutgoingMigration,
  ResizeRequest,
  Resources,
} from './driver.js';
import { familyProfile, type HypervisorFamily } from './families.js';
import { FaultPlan, type FaultRule } from './faults.js';
import type { LatencyProfile, SimOp } from './latency.js';
import { assertAllowed, transition, type LifecycleOp } from './lifecycle.js';
import { loadSeed, LOAD_PERIOD_MS, measure } from './load-model.js';
import { memoryImageOf } from './migration-plan.js';
import { fnv1a } from './prng.js';
import {
  checkFamilyLimits,
  normaliseDisk,
  normaliseNic,
  normaliseSpec,
  reviseSpec,
  sameDisk,
  sameNic,
  specKey,
} from './spec.js';

export const SIM_DRIVER = 'sim';

export interface SimHostConfig {
  id: string;
  hostname?: string;
  /** Default kvm. */
  family?: HypervisorFamily;
  cores: number;
  memoryMib: number;
  diskMib: number;
  /** Default: 16 vCPUs per core, memory and disk 1.0. */
  overcommit?: Partial<Overcommit>;
  labels?: Record<string, string>;
}

/** What every host of one agent shares, so a host itself stays a few small objects. */
export interface SimEnvironment {
  clock: Clock;
  latencies: LatencyProfile;
  seed: number;
}

interface Snapshot {
  readonly spec: DomainSpec;
  readonly state: DomainState;
}

interface SimDomain {
  readonly vmId: string;
  state: DomainState;
  spec: DomainSpec;
  /** Key of the spec the domain was created (or prepared) with: a retried create compares to it. */
  readonly origin: string;
  stateSinceMs: number;
  readonly loadSeed: number;
  snapshots: Map<string, Snapshot> | undefined;
  /** While migrating out: the state to return to if the migration fails. */
  priorState: DomainState | undefined;
}

function alreadyExists(message: string): ReservoirError {
  return new ReservoirError('ALREADY_EXISTS', message);
}

// Where a migrated domain may land: the states a migration can start from.
const LANDING: ReadonlySet<DomainState> = new Set<DomainState>([
  'defined',
  'running',
  'paused',
  'suspended',
  'shutoff',
]);

/**
 * The `sim` driver: a simulated machine with exact resource accounting, the VHI life cycle,
 * deterministic measurements, injected latencies and faults. Every change goes through one
 * synchronous check-and-apply step after the operation's latency, so concurrent calls never
 * overbook the host and a refused operation changes nothing.
 */
export class SimHost implements HypervisorDriver {
  readonly hostId: string;
  readonly profile: CapabilityProfile;
  private readonly description: HostDescription;
  private readonly ledger: Ledger;
  private readonly domains = new Map<string, SimDomain>();
  private faults: FaultPlan | undefined;
  private reachable = true;

  constructor(
    config: SimHostConfig,
    private readonly env: SimEnvironment,
  ) {
    if (!config.id) throw errors.invalid('id', 'a host needs an id');
    for (const k of ['cores', 'memoryMib', 'diskMib'] as const) {
      if (!Number.isInteger(config[k]) || config[k] < 1)
        throw errors.invalid(`hosts.${config.id}.${k}`, `must be a positive integer`);
    }
    const overcommit = { ...DEFAULT_OVERCOMMIT, ...config.overcommit };
    for (const [k, v] of Object.entries(overcommit)) {
      if (!(v > 0)) throw errors.invalid(`hosts.${config.id}.overcommit.${k}`, 'must be positive');
    }
    const family = config.family ?? 'kvm';
    const capacity: Resources = { vcpus: config.cores, memoryMib: config.memoryMib, diskMib: config.diskMib };
    this.hostId = config.id;
    this.profile = familyProfile(family, SIM_DRIVER);
    this.ledger = new Ledger(config.id, limitsOf(capacity, overcommit));
    this.description = {
      hostId: config.id,
      hostname: config.hostname ?? `${config.id}.sim`,
      capacity,
      profile: this.profile,
      labels: {
        ...config.labels,
        'overcommit.cpu': String(overcommit.cpu),
        'overcommit.memory': String(overcommit.memory),
        'overcommit.disk': String(overcommit.disk),
      },
    };
  }

  // ---- simulation controls (not part of the VHI) ----

  /** Makes matching operations of this host fail; see FaultRule. */
  inject(rule: FaultRule): void {
    this.faults ??= new FaultPlan(fnv1a(`${this.hostId}/faults`, fnv1a(String(this.env.seed))));
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults = undefined;
  }

  /** A silent host answers nothing (UNAVAILABLE) and monitors as unreachable; its domains keep their state. */
  setReachable(reachable: boolean): void {
    this.reachable = reachable;
  }

  isReachable(): boolean {
    return this.reachable;
  }

  /** The guest died: its process is gone, so compute and memory are released; disks stay. */
  crashDomain(vmId: string): Domain {
    return this.control(vmId, 'crash');
  }

  /** The hypervisor paused the guest, as QEMU does on a disk I/O error. */
  pauseDomain(vmId: string): Domain {
    return this.control(vmId, 'pause');
  }

  /** What the host may hold, what its domains hold, and the difference. */
  usage(): { limits: Resources; used: Resources; free: Resources } {
    return { limits: { ...this.ledger.limits }, used: { ...this.ledger.used }, free: this.ledger.free() };
  }

  // ---- HypervisorDriver ----

  describe(): HostDescription {
    return this.description;
  }

  async status(): Promise<HostStatus> {
    return this.operate('monitor', () => {
      const tick = this.tick();
      const domains: Domain[] = [];
      let cpu = 0;
      let memory = 0;
      for (const d of this.domains.values()) {
        const view = this.view(d, tick);
        cpu += view.cpuUsedPercent;
        memory += view.memoryUsedMib;
        domains.push(view);
      }
      return {
        hostId: this.hostId,
        allocated: { ...this.ledger.used },
        cpuUsedPercent: Math.round(cpu * 10) / 10,
        memoryUsedMib: memory,
        domains,
        reachable: true,
        error: '',
      };
    });
  }

  async list(): Promise<Domain[]> {
    return this.operate('get', () => {
      const tick = this.tick();
      return [...this.domains.values()].map((d) => this.view(d, tick));
    });
  }

  async get(vmId: string): Promise<Domain> {
    return this.operate('get', () => this.view(this.find(vmId)));
  }

  async create(spec: DomainSpec): Promise<Domain> {
    return this.operate('create', () => {
      const normal = normaliseSpec(spec, this.profile);
      const key = specKey(normal);
      const existing = this.domains.get(normal.vmId);
      if (existing) {
        if (existing.origin === key && existing.state !== 'incoming') return this.view(existing);
        throw alreadyExists(
          `${this.subject(normal.vmId)} already exists ${existing.state === 'incoming' ? 'as an incoming migration' : 'with a different spec'}`,
        );
      }
      return this.view(this.admit(normal, key, 'defined'));
    });
  }

  async start(vmId: string): Promise<Domain> {
    return this.operate('start', () => this.lifecycle(vmId, 'start'));
  }

  async shutdown(vmId: string, hard = false): Promise<Domain> {
    return this.operate('shutdown', () => this.lifecycle(vmId, hard ? 'hardShutdown' : 'shutdown'));
  }

  async destroy(vmId: string): Promise<boolean> {
    return this.operate('destroy', () => {
      const d = this.domains.get(vmId);
      if (!d) return false;
      assertAllowed('destroy', d.state, this.subject(vmId));
      this.release(d);
      return true;
    });
  }

  async suspend(vmId: string): Promise<Domain> {
    return this.operate('suspend', () => this.lifecycle(vmId, 'suspend'));
  }

  async resume(vmId: string): Promise<Domain> {
    return this.operate('resume', () => this.lifecycle(vmId, 'resume'));
  }

  async reboot(vmId: string): Promise<Domain> {
    return this.operate('reboot', () => this.lifecycle(vmId, 'reboot'));
  }

  async snapshot(vmId: string, name: string): Promise<Domain> {
    return this.operate('snapshot', () => {
      if (!name) throw errors.invalid('name', 'a snapshot needs a name');
      const d = this.find(vmId);
      if (d.snapshots?.has(name)) return this.view(d);
      if (!this.profile.snapshots)
        throw errors.precondition(`${this.profile.hypervisor} hosts cannot take snapshots`);
      assertAllowed('snapshot', d.state, this.subject(vmId));
      d.snapshots ??= new Map();
      d.snapshots.set(name, { spec: d.spec, state: d.state });
      return this.view(d);
    });
  }

  async revert(vmId: string, name: string): Promise<Domain> {
    return this.operate('revert', () => {
      const d = this.find(vmId);
      assertAllowed('revert', d.state, this.subject(vmId));
      const snap = d.snapshots?.get(name);
      if (!snap)
        throw new ReservoirError(
          'NOT_FOUND',
          `snapshot "${name}" of domain "${vmId}" not found on host ${this.hostId}`,
        );
      this.commit(d, snap.state, snap.spec);
      return this.view(d);
    });
  }

  async deleteSnapshot(vmId: string, name: string): Promise<Domain> {
    return this.operate('deleteSnapshot', () => {
      const d = this.find(vmId);
      if (!d.snapshots?.has(name)) return this.view(d);
      assertAllowed('deleteSnapshot', d.state, this.subject(vmId));
      d.snapshots.delete(name);
      if (d.snapshots.size === 0) d.snapshots = undefined;
      return this.view(d);
    });
  }

  async resize(vmId: string, request: ResizeRequest): Promise<Domain> {
    return this.operate('resize', () => {
      const d = this.find(vmId);
      const current = d.spec.resources;
      const vcpus = request.vcpus || current.vcpus;
      const memoryMib = request.memoryMib || current.memoryMib;
      checkFamilyLimits(vcpus, memoryMib, this.profile, '');
      if (vcpus === current.vcpus && memoryMib === current.memoryMib) return this.view(d);
      assertAllowed('resize', d.state, this.subject(vmId));
      if (d.state === 'running') this.checkHotplug(current, vcpus, memoryMib);
      this.commit(
        d,
        d.state,
        reviseSpec(d.spec, { resources: { vcpus, memoryMib, diskMib: current.diskMib } }),
      );
      return this.view(d);
    });
  }

  async attachDisk(vmId: string, disk: DiskSpec): Promise<Domain> {
    return this.operate('attachDisk', () => {
      const d = this.find(vmId);
      const normal = normaliseDisk(disk, this.profile, 'disk');
      const existing = d.spec.disks.find((x) => x.id === normal.id);
      if (existing) {
        if (sameDisk(existing, normal)) return this.view(d);
        throw alreadyExists(
          `disk "${normal.id}" is attached to ${this.subject(vmId)} with a different definition`,
        );
      }
      assertAllowed('devices', d.state, this.subject(vmId));
      const r = d.spec.resources;
      const resources = { ...r, diskMib: r.diskMib + normal.sizeMib };
      this.commit(d, d.state, reviseSpec(d.spec, { resources, disks: [...d.spec.disks, normal] }));
      return this.view(d);
    });
  }

  async detachDisk(vmId: string, diskId: string): Promise<Domain> {
    return this.operate('detachDisk', () => {
      const d = this.find(vmId);
      const disk = d.spec.disks.find((x) => x.id === diskId);
      if (!disk) return this.view(d);
      assertAllowed('devices', d.state, this.subject(vmId));
      const r = d.spec.resources;
      const resources = { ...r, diskMib: r.diskMib - disk.sizeMib };
      this.commit(
        d,
        d.state,
        reviseSpec(d.spec, { resources, disks: d.spec.disks.filter((x) => x !== disk) }),
      );
      return this.view(d);
    });
  }

  async attachNic(vmId: string, nic: NicSpec): Promise<Domain> {
    return this.operate('attachNic', () => {
      const d = this.find(vmId);
      const normal = normaliseNic(nic, vmId, 'nic');
      const existing = d.spec.nics.find((x) => x.id === normal.id);
      if (existing) {
        if (sameNic(existing, normal)) return this.view(d);
        throw alreadyExists(
          `nic "${normal.id}" is attached to ${this.subject(vmId)} with a different definition`,
        );
      }
      assertAllowed('devices', d.state, this.subject(vmId));
      this.commit(d, d.state, reviseSpec(d.spec, { nics: [...d.spec.nics, normal] }));
      return this.view(d);
    });
  }

  async detachNic(vmId: string, nicId: string): Promise<Domain> {
    return this.operate('detachNic', () => {
      const d = this.find(vmId);
      if (!d.spec.nics.some((x) => x.id === nicId)) return this.view(d);
      assertAllowed('devices', d.state, this.subject(vmId));
      this.commit(d, d.state, reviseSpec(d.spec, { nics: d.spec.nics.filter((x) => x.id !== nicId) }));
      return this.view(d);
    });
  }

  async prepareIncoming(spec: DomainSpec, _live: boolean): Promise<Domain> {
    return this.operate('prepareIncoming', () => {
      const normal = normaliseSpec(spec, this.profile);
      const key = specKey(normal);
      const existing = this.domains.get(normal.vmId);
      if (existing) {
        if (existing.state === 'incoming' && existing.origin === key) return this.view(existing);
        throw alreadyExists(
          `${this.subject(normal.vmId)} already exists ${existing.state === 'incoming' ? 'as an incoming migration with a different spec' : `and is ${existing.state}`}`,
        );
      }
      return this.view(this.admit(normal, key, 'incoming'));
    });
  }

  async completeIncoming(image: MigrationImage): Promise<Domain> {
    return this.operate('receiveMigration', () => {
      const d = this.find(image.vmId);
      if (d.state !== 'incoming') {
        // A repeated hand-over after the first one landed.
        if (d.state === image.sourceState) return this.view(d);
        throw errors.precondition(`${this.subject(image.vmId)} is ${d.state}, not incoming`);
      }
      if (!LANDING.has(image.sourceState))
        throw errors.invalid('sourceState', `a migrated domain cannot arrive ${image.sourceState}`);
      this.commit(d, image.sourceState);
      // The VHI hands over snapshot names only; here they restore to the state the domain arrived in.
      d.snapshots =
        image.snapshots.length > 0
          ? new Map(image.snapshots.map((n) => [n, { spec: d.spec, state: image.sourceState }]))
          : undefined;
      return this.view(d);
    });
  }

  async abortIncoming(vmId: string): Promise<boolean> {
    return this.operate('abortIncoming', () => {
      const d = this.domains.get(vmId);
      if (!d) return false;
      if (d.state !== 'incoming')
        throw errors.precondition(`${this.subject(vmId)} is ${d.state}, not incoming; it stays`);
      this.release(d);
      return true;
    });
  }

  async beginOutgoing(vmId: string, live: boolean): Promise<OutgoingMigration> {
    return this.operate('migrate', () => {
      const d = this.find(vmId);
      transition(live ? 'migrateLive' : 'migrateCold', d.state, this.subject(vmId));
      const priorState = d.state;
      d.priorState = priorState;
      this.commit(d, 'migrating');
      return {
        spec: d.spec,
        priorState,
        snapshots: d.snapshots ? [...d.snapshots.keys()] : [],
        memoryImageMib: memoryImageOf(priorState, d.spec.resources.memoryMib),
      };
    });
  }

  // Finishing or undoing a migration is the hypervisor completing a job it already runs: no latency,
  // no injected faults, and it happens even if the host went silent meanwhile.
  async completeOutgoing(vmId: string): Promise<void> {
    const d = this.domains.get(vmId);
    if (!d) return;
    if (d.state !== 'migrating')
      throw errors.precondition(`${this.subject(vmId)} is ${d.state}, not migrating`);
    this.release(d);
  }

  async cancelOutgoing(vmId: string): Promise<Domain> {
    const d = this.find(vmId);
    if (d.state === 'migrating' && d.priorState !== undefined) {
      const prior = d.priorState;
      this.commit(d, prior);
      d.priorState = undefined;
    }
    return this.view(d);
  }

  // ---- internals ----

  private async operate<T>(op: SimOp, body: () => T): Promise<T> {
    if (!this.reachable) throw errors.unavailable(`host ${this.hostId} is not answering`);
    const ms = this.env.latencies.ops[op];
    if (ms !== undefined && ms > 0) await this.env.clock.sleep(ms);
    const before = this.faults?.take(op, 'before', this.hostId);
    if (before) throw before;
    const result = body();
    const after = this.faults?.take(op, 'after', this.hostId);
    if (after) throw after;
    return result;
  }

  private control(vmId: string, op: LifecycleOp): Domain {
    const d = this.find(vmId);
    const next = transition(op, d.state, this.subject(vmId));
    if (next) {
      this.commit(d, next);
      d.priorState = undefined;
    }
    return this.view(d);
  }

  private lifecycle(vmId: string, op: LifecycleOp): Domain {
    const d = this.find(vmId);
    const next = transition(op, d.state, this.subject(vmId));
    if (next) this.commit(d, next);
    return this.view(d);
  }

  private checkHotplug(current: Resources, vcpus: number, memoryMib: number): void {
    const hv = this.profile.hypervisor;
    const off = 'power the VM off first';
    if (vcpus < current.vcpus)
      throw errors.precondition(`${hv} cannot remove CPUs from a running VM; ${off}`);
    if (memoryMib < current.memoryMib)
      throw errors.precondition(`${hv} cannot remove memory from a running VM; ${off}`);
    if (vcpus > current.vcpus && !this.profile.cpuHotplug)
      throw errors.precondition(`${hv} cannot hot-plug CPUs; ${off}`);
    if (memoryMib > current.memoryMib && !this.profile.memoryHotplug)
      throw errors.precondition(`${hv} cannot hot-plug memory; ${off}`);
  }

  private admit(spec: DomainSpec, origin: string, state: DomainState): SimDomain {
    this.ledger.move(ZERO, held(state, spec));
    const d: SimDomain = {
      vmId: spec.vmId,
      state,
      spec,
      origin,
      stateSinceMs: this.env.clock.now(),
      loadSeed: loadSeed(this.env.seed, this.hostId, spec.vmId),
      snapshots: undefined,
      priorState: undefined,
    };
    this.domains.set(spec.vmId, d);
    return d;
  }

  /** The one place a domain's holding changes: checked against the limits, then applied. */
  private commit(d: SimDomain, state: DomainState, spec: DomainSpec = d.spec): void {
    this.ledger.move(held(d.state, d.spec, d.priorState), held(state, spec, d.priorState));
    if (state !== d.state) {
      d.state = state;
      d.stateSinceMs = this.env.clock.now();
    }
    d.spec = spec;
  }

  private release(d: SimDomain): void {
    this.ledger.move(held(d.state, d.spec, d.priorState), ZERO);
    this.domains.delete(d.vmId);
  }

  private find(vmId: string): SimDomain {
    const d = this.domains.get(vmId);
    if (!d) throw new ReservoirError('NOT_FOUND', `domain "${vmId}" not found on host ${this.hostId}`);
    return d;
  }

  private subject(vmId: string): string {
    return `domain "${vmId}" on host ${this.hostId}`;
  }

  private tick(): number {
    return Math.floor(this.env.clock.now() / LOAD_PERIOD_MS);
  }

  private view(d: SimDomain, tick = this.tick()): Domain {
    const m = measure(d.state, d.spec.resources, d.loadSeed, tick);
    return {
      hostId: this.hostId,
      vmId: d.vmId,
      state: d.state,
      spec: d.spec,
      snapshots: d.snapshots ? [...d.snapshots.keys()] : [],
      cpuUsedPercent: m.cpuUsedPercent,
      memoryUsedMib: m.memoryUsedMib,
      stateSinceMs: d.stateSinceMs,
    };
  }
}
