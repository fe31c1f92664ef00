import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { errors, ReservoirError, silentLogger, sleep, type Logger } from '@reservoir/runtime';
import {
  DEFAULT_OVERCOMMIT,
  held,
  Ledger,
  limitsOf,
  ZERO,
  type Overcommit,
} from '../../domain/accounting.js';
import type {
  CapabilityProfile,
  DiskSpec,
  Domain,
  DomainCounters,
  DomainSpec,
  DomainState,
  HostDescription,
  HostStatus,
  HypervisorDriver,
  IncomingEndpoint,
  MigrationImage,
  NicSpec,
  OutgoingMigration,
  ResizeRequest,
  Resources,
  TransferControl,
  TransferFigures,
} from '../../domain/driver.js';
import { exportUri, finishIncoming, migrateOut, openIncoming } from './live-migration.js';
import { assertAllowed, transition } from '../../domain/lifecycle.js';
import {
  checkFamilyLimits,
  normaliseDisk,
  normaliseNic,
  normaliseSpec,
  reviseSpec,
  sameDisk,
  sameNic,
  specKey,
} from '../../domain/spec.js';
import { connectWithRetry, DEFAULT_QEMU_BINARY, probeQemu, type QemuCapabilities } from './capability.js';
import { diskCounters, type BlockStats } from './counters.js';
import { assertTapPrivileges, TapNetwork, type NetworkMode } from './tap-network.js';
import {
  cpuPercent,
  domainPaths,
  MEMORY_SLOTS,
  APPEND_KEY,
  freeTcpPort,
  INITRD_KEY,
  KERNEL_KEY,
  netdevQmp,
  overlayPath,
  savedStatePath,
  pidAlive,
  processCmdline,
  processUsage,
  qemuArgs,
  qemuId,
  qemuImg,
  spawnQemu,
  type CpuSample,
  type DomainPaths,
  type MachineLimits,
  type Spawned,
} from './qemu-process.js';
import { QmpClient, type QmpEvent } from './qmp.js';

export interface QemuDriverOptions {
  /**
   * What a domain boots when it names no kernel and none of its disks comes from an image (a VM
   * made without an image): e.g. the tiny guest. Without it such a domain boots its blank disk.
   */
  defaultBoot?: { kernel: string; initrd: string; append: (vmId: string) => string };
  /** The address this host's QEMUs listen on when receiving a live migration; default 127.0.0.1. */
  migrationHost?: string;
  /** One directory per domain lives here: spec.json, disk overlays, qmp.sock, console.log, pid. */
  stateDir: string;
  hostId?: string;
  hostname?: string;
  binary?: string;
  /** Default: the machine's cores, memory and the free space of stateDir's file system. */
  capacity?: Partial<Resources>;
  /** Default: 16 vCPUs per core, memory and disk 1.0. */
  overcommit?: Partial<Overcommit>;
  labels?: Record<string, string>;
  /** Maps a disk's image id to a file; default: absolute ids as paths, others under imageDir. */
  resolveImage?: (imageId: string) => string | undefined;
  imageDir?: string;
  /** How long an ACPI shutdown may take before the process is killed; default 30 s. */
  shutdownTimeoutMs?: number;
  /**
   * Bandwidth a live migration may use, disks and memory each, in MiB/s; default: QEMU's own. A
   * host whose guests share the network with migrations keeps them from starving the guests.
   */
  migrationBandwidthMibs?: number;
  /** CPUs a domain may hot-plug up to; default the host's cores (at least the domain's vCPUs). */
  hotplugVcpus?: number;
  /** Memory a running domain may grow to; default four times its boot memory, within the host's. */
  hotplugMemoryMib?: number;
  /** Empty PCIe ports for hot-plugged disks and NICs; default 4. */
  hotplugPorts?: number;
  /** QEMU -cpu model, e.g. host; default QEMU's own. */
  cpuModel?: string;
  /** Force TCG even where KVM works. */
  accel?: 'kvm' | 'tcg';
  /**
   * NIC backend. 'user' (default): QEMU's user-mode network, which has no per-NIC counters.
   * 'bridge': a tap per NIC on a Linux bridge per network, measured by the kernel; needs
   * CAP_NET_ADMIN and /dev/net/tun.
   */
  network?: NetworkMode;
  /** Bridge mode: the bridge of a network id, where not the derived rsvbr-<hash> (made if missing). */
  bridges?: Readonly<Record<string, string>>;
  logger?: Logger;
}

interface SnapshotRecord {
  name: string;
  state: DomainState;
  spec: DomainSpec;
  /** Taken from a running QEMU with savevm (memory and disks), else a disk-only qemu-img snapshot. */
  memory: boolean;
}

/** What spec.json holds. */
interface DomainRecord {
  spec: DomainSpec;
  origin: string;
  state: DomainState;
  stateSinceMs: number;
  snapshots: SnapshotRecord[];
  /** Hot-plug limits the running QEMU was started with; an adopting driver needs them. */
  limits?: MachineLimits;
}

interface LiveProcess {
  pid: number;
  qmp: QmpClient;
  /** Set by an operation that stops the process, so its exit is not taken for a crash. */
  expectingExit: boolean;
  shutdownEvent: QmpEvent | undefined;
  cpu: CpuSample | undefined;
  limits: MachineLimits;
  gone: Promise<void>;
}

interface QemuDomain extends DomainRecord {
  readonly vmId: string;
  readonly paths: DomainPaths;
  live: LiveProcess | undefined;
  /** Target of a live migration: where its QEMU receives. */
  incoming?: IncomingEndpoint;
  /** Source of a migration: the state to return to if it fails, and whether it was live. */
  outgoingFrom?: DomainState;
  outgoingLive?: boolean;
}

const SNAPSHOT_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** query-blockstats answers at once unless QEMU is busy (savevm holds the monitor): then skip. */
const COUNTERS_TIMEOUT_MS = 1_000;
const VM_ID = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * The `qemu` driver: one QEMU process per domain, managed over QMP. State lives in files under
 * stateDir, and processes run detached, so a new driver on the same directory adopts them.
 * Operations on one domain run one at a time; resources are accounted as by the sim driver.
 */
export class QemuDriver implements HypervisorDriver {
  readonly hostId: string;
  readonly profile: CapabilityProfile;
  private readonly description: HostDescription;
  private readonly ledger: Ledger;
  private readonly domains = new Map<string, QemuDomain>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly logger: Logger;
  private readonly binary: string;
  private readonly shutdownTimeoutMs: number;
  /** Bridge mode's taps; undefined in user mode. */
  private readonly taps: TapNetwork | undefined;
  private closed = false;

  private constructor(
    private readonly options: QemuDriverOptions,
    readonly capabilities: QemuCapabilities,
  ) {
    this.logger = options.logger ?? silentLogger();
    this.binary = options.binary ?? DEFAULT_QEMU_BINARY;
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 30_000;
    this.taps =
      options.network === 'bridge'
        ? new TapNetwork({
            scope: resolve(options.stateDir),
            ...(options.bridges ? { bridges: options.bridges } : {}),
            logger: this.logger,
          })
        : undefined;
    this.hostId = options.hostId ?? hostname();
    this.profile = capabilities.profile;
    const capacity: Resources = {
      vcpus: options.capacity?.vcpus ?? cpus().length,
      memoryMib: options.capacity?.memoryMib ?? Math.floor(totalmem() / (1024 * 1024)),
      diskMib: options.capacity?.diskMib ?? freeDiskMib(options.stateDir),
    };
    const overcommit = { ...DEFAULT_OVERCOMMIT, ...options.overcommit };
    this.ledger = new Ledger(this.hostId, limitsOf(capacity, overcommit));
    this.description = {
      hostId: this.hostId,
      hostname: options.hostname ?? hostname(),
      capacity,
      profile: this.profile,
      labels: {
        ...options.labels,
        'overcommit.cpu': String(overcommit.cpu),
        'overcommit.memory': String(overcommit.memory),
        'overcommit.disk': String(overcommit.disk),
        'qemu.machine': capabilities.machine,
        'qemu.accel': capabilities.kvm ? 'kvm' : 'tcg',
      },
    };
  }

  /** Probes QEMU, then adopts the domains of stateDir: live QEMUs keep running, dead ones are marked. */
  static async open(options: QemuDriverOptions): Promise<QemuDriver> {
    mkdirSync(options.stateDir, { recursive: true });
    if (options.network === 'bridge') await assertTapPrivileges();
    const caps = await probeQemu(options.binary, options.accel ? options.accel === 'kvm' : undefined);
    const driver = new QemuDriver(options, caps);
    await driver.reattach();
    return driver;
  }

  /** Lets go of every QEMU without stopping it, so another driver can adopt them. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.locks.values()]);
    for (const d of this.domains.values()) {
      const live = d.live;
      d.live = undefined;
      if (live) await live.qmp.close();
    }
  }

  /** The QMP client of a running domain, for tests and diagnostics. */
  monitor(vmId: string): QmpClient | undefined {
    return this.domains.get(vmId)?.live?.qmp;
  }

  /** The QEMU process id of a running domain. */
  pidOf(vmId: string): number | undefined {
    return this.domains.get(vmId)?.live?.pid;
  }

  /** Bridge mode: the tap device a NIC of the domain uses while its QEMU runs. */
  tapOf(vmId: string, nicId: string): string | undefined {
    return this.taps?.tapOf(vmId, nicId);
  }

  paths(vmId: string): DomainPaths {
    return domainPaths(this.options.stateDir, vmId);
  }

  // ---- HypervisorDriver ----

  describe(): HostDescription {
    return this.description;
  }

  async status(): Promise<HostStatus> {
    const domains = await Promise.all([...this.domains.values()].map((d) => this.measured(d, true)));
    let cpu = 0;
    let memory = 0;
    for (const d of domains) {
      cpu += d.cpuUsedPercent;
      memory += d.memoryUsedMib;
    }
    return {
      hostId: this.hostId,
      allocated: { ...this.ledger.used },
      cpuUsedPercent: Math.round(cpu * 10) / 10,
      memoryUsedMib: Math.round(memory),
      domains,
      reachable: true,
      error: '',
    };
  }

  async list(): Promise<Domain[]> {
    return Promise.all([...this.domains.values()].map((d) => this.measured(d)));
  }

  async get(vmId: string): Promise<Domain> {
    return this.measured(this.find(vmId));
  }

  async create(spec: DomainSpec): Promise<Domain> {
    const normal = normaliseSpec(spec, this.profile);
    if (!VM_ID.test(normal.vmId))
      throw errors.invalid('spec.vmId', 'letters, digits, ".", "_" and "-" only (it names a directory)');
    return this.serial(normal.vmId, async () => {
      const key = specKey(normal);
      const existing = this.domains.get(normal.vmId);
      if (existing) {
        if (existing.origin === key && existing.state !== 'incoming') return this.view(existing);
        throw new ReservoirError(
          'ALREADY_EXISTS',
          `${this.subject(normal.vmId)} already exists with a different spec`,
        );
      }
      const paths = this.paths(normal.vmId);
      this.ledger.move(ZERO, held('defined', normal));
      try {
        mkdirSync(paths.dir, { recursive: true });
        for (const disk of normal.disks) await this.createOverlay(paths, disk);
        const d: QemuDomain = {
          vmId: normal.vmId,
          paths,
          spec: normal,
          origin: key,
          state: 'defined',
          stateSinceMs: Date.now(),
          snapshots: [],
          live: undefined,
        };
        this.persist(d);
        this.domains.set(d.vmId, d);
        return this.view(d);
      } catch (e) {
        this.ledger.move(held('defined', normal), ZERO);
        rmSync(paths.dir, { recursive: true, force: true });
        throw e;
      }
    });
  }

  async start(vmId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const next = transition('start', d.state, this.subject(vmId));
      if (!next) return this.view(d);
      const prior = d.state;
      this.commit(d, 'running');
      try {
        await this.launch(d, undefined, true);
      } catch (e) {
        this.commit(d, prior);
        throw e;
      }
      return this.view(d);
    });
  }

  async shutdown(vmId: string, hard = false): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const next = transition(hard ? 'hardShutdown' : 'shutdown', d.state, this.subject(vmId));
      if (!next) return this.view(d);
      const live = d.live;
      if (live) {
        if (hard) await this.kill(d, live);
        else await this.powerdown(d, live);
      }
      this.commit(d, 'shutoff');
      return this.view(d);
    });
  }

  async destroy(vmId: string): Promise<boolean> {
    return this.serial(vmId, async () => {
      const d = this.domains.get(vmId);
      if (!d) return false;
      assertAllowed('destroy', d.state, this.subject(vmId));
      if (d.live) await this.kill(d, d.live);
      this.ledger.move(held(d.state, d.spec), ZERO);
      this.domains.delete(vmId);
      rmSync(d.paths.dir, { recursive: true, force: true });
      return true;
    });
  }

  // Suspend saves memory and device state to a file and ends the process (state 'suspended'): the
  // domain then holds only its storage. Resume starts QEMU loading that state, paused, then runs it.
  async suspend(vmId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      if (!transition('suspend', d.state, this.subject(vmId))) return this.view(d);
      const live = this.liveOf(d);
      const file = savedStatePath(d.paths);
      await live.qmp.execute('stop');
      try {
        await live.qmp.execute('migrate', { uri: `exec:cat > '${file.replace(/'/g, "'\\''")}'` });
        for (;;) {
          const info = await live.qmp.execute<{ status?: string; 'error-desc'?: string }>('query-migrate');
          if (info.status === 'completed') break;
          if (info.status === 'failed' || info.status === 'cancelled')
            throw errors.internal(
              `saving the state of ${this.subject(vmId)} ${info.status}: ${info['error-desc'] ?? ''}`,
            );
          await sleep(20);
        }
      } catch (e) {
        rmSync(file, { force: true });
        await live.qmp.execute('cont').catch(() => undefined);
        throw e;
      }
      await this.kill(d, live);
      this.commit(d, 'suspended');
      return this.view(d);
    });
  }

  async resume(vmId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const next = transition('resume', d.state, this.subject(vmId));
      if (!next) return this.view(d);
      if (d.state === 'paused') {
        await this.liveOf(d).qmp.execute('cont');
        this.commit(d, 'running');
        return this.view(d);
      }
      const file = savedStatePath(d.paths);
      if (!existsSync(file))
        throw errors.precondition(
          `${this.subject(vmId)} is suspended but its saved state is missing: start it afresh`,
        );
      this.commit(d, 'running');
      try {
        await this.launch(d, undefined, false, `exec:cat '${file.replace(/'/g, "'\\''")}'`);
        const qmp = this.liveOf(d).qmp;
        // The state loads before the guest may run; -S then holds it paused until cont.
        for (let i = 0; ; i++) {
          const status = (await qmp.execute<{ status: string }>('query-status')).status;
          if (status !== 'inmigrate') break;
          if (i > 3000)
            throw errors.internal(`loading the saved state of ${this.subject(vmId)} did not finish`);
          await sleep(20);
        }
        await qmp.execute('cont');
      } catch (e) {
        if (d.live) await this.kill(d, d.live);
        this.commit(d, 'suspended');
        throw e;
      }
      rmSync(file, { force: true });
      return this.view(d);
    });
  }

  async reboot(vmId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      assertAllowed('reboot', d.state, this.subject(vmId));
      await this.liveOf(d).qmp.execute('system_reset');
      return this.view(d);
    });
  }

  async snapshot(vmId: string, name: string): Promise<Domain> {
    if (!name) throw errors.invalid('name', 'a snapshot needs a name');
    if (!SNAPSHOT_NAME.test(name)) throw errors.invalid('name', 'letters, digits, ".", "_" and "-" only');
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      if (d.snapshots.some((s) => s.name === name)) return this.view(d);
      assertAllowed('snapshot', d.state, this.subject(vmId));
      if (d.spec.disks.length === 0)
        throw errors.precondition(
          `${this.subject(vmId)} has no disk to hold a snapshot (qcow2 internal snapshots)`,
        );
      const live = d.live;
      if (live) await live.qmp.hmpQuiet(`savevm ${name}`, 120_000);
      else
        for (const disk of d.spec.disks)
          await qemuImg(['snapshot', '-c', name, overlayPath(d.paths, disk.id)]);
      d.snapshots.push({ name, state: d.state, spec: d.spec, memory: live !== undefined });
      this.persist(d);
      return this.view(d);
    });
  }

  async revert(vmId: string, name: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      assertAllowed('revert', d.state, this.subject(vmId));
      const snap = d.snapshots.find((s) => s.name === name);
      if (!snap)
        throw new ReservoirError(
          'NOT_FOUND',
          `snapshot "${name}" of domain "${vmId}" not found on host ${this.hostId}`,
        );
      if (!snap.memory) {
        if (d.live) await this.kill(d, d.live);
        for (const disk of snap.spec.disks)
          await qemuImg(['snapshot', '-a', name, overlayPath(d.paths, disk.id)]);
        this.commit(d, snap.state, snap.spec);
        return this.view(d);
      }
      const live = d.live;
      if (live && specKey(snap.spec) === specKey(d.spec)) {
        await live.qmp.hmpQuiet(`loadvm ${name}`, 120_000);
        await live.qmp.execute(snap.state === 'running' ? 'cont' : 'stop');
        this.commit(d, snap.state, snap.spec);
        return this.view(d);
      }
      // The devices differ (or nothing runs): a fresh QEMU with the snapshot's spec loads it at start.
      if (live) await this.kill(d, live);
      this.commit(d, snap.state, snap.spec);
      try {
        await this.launch(d, name, snap.state === 'running');
      } catch (e) {
        this.commit(d, 'shutoff');
        throw e;
      }
      return this.view(d);
    });
  }

  async deleteSnapshot(vmId: string, name: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const snap = d.snapshots.find((s) => s.name === name);
      if (!snap) return this.view(d);
      assertAllowed('deleteSnapshot', d.state, this.subject(vmId));
      if (d.live) await d.live.qmp.hmpQuiet(`delvm ${name}`, 60_000);
      else
        for (const disk of snap.spec.disks)
          await qemuImg(['snapshot', '-d', name, overlayPath(d.paths, disk.id)]);
      d.snapshots = d.snapshots.filter((s) => s !== snap);
      this.persist(d);
      return this.view(d);
    });
  }

  async resize(vmId: string, request: ResizeRequest): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const current = d.spec.resources;
      const vcpus = request.vcpus || current.vcpus;
      const memoryMib = request.memoryMib || current.memoryMib;
      checkFamilyLimits(vcpus, memoryMib, this.profile, '');
      if (vcpus === current.vcpus && memoryMib === current.memoryMib) return this.view(d);
      assertAllowed('resize', d.state, this.subject(vmId));
      const next = reviseSpec(d.spec, { resources: { vcpus, memoryMib, diskMib: current.diskMib } });
      const live = d.live;
      if (!live) {
        this.commit(d, d.state, next);
        return this.view(d);
      }
      const reboot = 'power it off and start it again to apply';
      if (vcpus < current.vcpus)
        throw errors.precondition(`QEMU cannot remove CPUs from a running VM; ${reboot}`);
      if (memoryMib < current.memoryMib)
        throw errors.precondition(`QEMU cannot remove memory from a running VM; ${reboot}`);
      if (vcpus > live.limits.maxVcpus)
        throw errors.precondition(
          `${this.subject(vmId)} was started with at most ${live.limits.maxVcpus} vCPUs; ${reboot}`,
        );
      if (memoryMib > live.limits.maxMemoryMib)
        throw errors.precondition(
          `${this.subject(vmId)} was started with at most ${live.limits.maxMemoryMib} MiB; ${reboot}`,
        );
      // Account first so a full host refuses before the guest changes.
      this.commit(d, d.state, next);
      try {
        if (vcpus > current.vcpus) await this.plugCpus(live, vcpus - current.vcpus);
        if (memoryMib > current.memoryMib) await this.plugMemory(live, memoryMib - current.memoryMib);
      } catch (e) {
        // Whatever did get plugged is real: account what the guest now has.
        const actual = await this.measureResources(live, current).catch(() => current);
        this.commit(d, d.state, reviseSpec(d.spec, { resources: actual }));
        throw e;
      }
      return this.view(d);
    });
  }

  async attachDisk(vmId: string, disk: DiskSpec): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const normal = normaliseDisk(disk, this.profile, 'disk');
      const existing = d.spec.disks.find((x) => x.id === normal.id);
      if (existing) {
        if (sameDisk(existing, normal)) return this.view(d);
        throw new ReservoirError(
          'ALREADY_EXISTS',
          `disk "${normal.id}" is attached to ${this.subject(vmId)} with a different definition`,
        );
      }
      assertAllowed('devices', d.state, this.subject(vmId));
      const r = d.spec.resources;
      const next = reviseSpec(d.spec, {
        resources: { ...r, diskMib: r.diskMib + normal.sizeMib },
        disks: [...d.spec.disks, normal],
      });
      this.commit(d, d.state, next);
      try {
        await this.createOverlay(d.paths, normal);
        const live = d.live;
        if (live) {
          const node = qemuId('disk', normal.id);
          await live.qmp.execute('blockdev-add', {
            driver: 'qcow2',
            'node-name': node,
            file: { driver: 'file', filename: overlayPath(d.paths, normal.id) },
          });
          try {
            await this.plugOnPort(live, {
              driver: 'virtio-blk-pci',
              drive: node,
              id: qemuId('dev', normal.id),
            });
          } catch (e) {
            await live.qmp.execute('blockdev-del', { 'node-name': node }).catch(() => {});
            throw e;
          }
        }
      } catch (e) {
        rmSync(overlayPath(d.paths, normal.id), { force: true });
        this.commit(
          d,
          d.state,
          reviseSpec(d.spec, { resources: r, disks: d.spec.disks.filter((x) => x.id !== normal.id) }),
        );
        throw e;
      }
      return this.view(d);
    });
  }

  async detachDisk(vmId: string, diskId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const disk = d.spec.disks.find((x) => x.id === diskId);
      if (!disk) return this.view(d);
      assertAllowed('devices', d.state, this.subject(vmId));
      if (d.live) {
        await this.unplug(d.live, qemuId('dev', diskId));
        await d.live.qmp.execute('blockdev-del', { 'node-name': qemuId('disk', diskId) });
      }
      const r = d.spec.resources;
      this.commit(
        d,
        d.state,
        reviseSpec(d.spec, {
          resources: { ...r, diskMib: r.diskMib - disk.sizeMib },
          disks: d.spec.disks.filter((x) => x !== disk),
        }),
      );
      // Snapshots may still need the overlay's internal snapshots; it goes with the domain.
      if (!d.snapshots.some((s) => s.spec.disks.some((x) => x.id === diskId)))
        rmSync(overlayPath(d.paths, diskId), { force: true });
      return this.view(d);
    });
  }

  async attachNic(vmId: string, nic: NicSpec): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const normal = normaliseNic(nic, vmId, 'nic');
      const existing = d.spec.nics.find((x) => x.id === normal.id);
      if (existing) {
        if (sameNic(existing, normal)) return this.view(d);
        throw new ReservoirError(
          'ALREADY_EXISTS',
          `nic "${normal.id}" is attached to ${this.subject(vmId)} with a different definition`,
        );
      }
      assertAllowed('devices', d.state, this.subject(vmId));
      const live = d.live;
      if (live) {
        const netdev = qemuId('net', normal.id);
        await this.taps?.plug(vmId, [normal]);
        try {
          await live.qmp.execute('netdev_add', netdevQmp(netdev, this.taps?.tapOf(vmId, normal.id)));
          try {
            await this.plugOnPort(live, {
              driver: 'virtio-net-pci',
              netdev,
              id: qemuId('nic', normal.id),
              mac: normal.mac,
            });
          } catch (e) {
            await live.qmp.execute('netdev_del', { id: netdev }).catch(() => {});
            throw e;
          }
        } catch (e) {
          await this.taps?.unplug(vmId, [normal]).catch(() => {});
          throw e;
        }
      }
      this.commit(d, d.state, reviseSpec(d.spec, { nics: [...d.spec.nics, normal] }));
      return this.view(d);
    });
  }

  async detachNic(vmId: string, nicId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      const nic = d.spec.nics.find((x) => x.id === nicId);
      if (!nic) return this.view(d);
      assertAllowed('devices', d.state, this.subject(vmId));
      if (d.live) {
        await this.unplug(d.live, qemuId('nic', nicId));
        await d.live.qmp.execute('netdev_del', { id: qemuId('net', nicId) });
        await this.taps?.unplug(vmId, [nic]);
      }
      this.commit(d, d.state, reviseSpec(d.spec, { nics: d.spec.nics.filter((x) => x.id !== nicId) }));
      return this.view(d);
    });
  }

  // Live migration without shared storage (live-migration.ts): the target's QEMU waits with blank
  // disks exported over NBD; the source mirrors its disks there, then migrates memory. Cold moves
  // between QEMU hosts would need a disk copy channel of their own and are refused for now.
  async prepareIncoming(spec: DomainSpec, live: boolean): Promise<Domain> {
    const normal = normaliseSpec(spec, this.profile);
    if (!VM_ID.test(normal.vmId))
      throw errors.invalid('spec.vmId', 'letters, digits, ".", "_" and "-" only (it names a directory)');
    return this.serial(normal.vmId, async () => {
      const existing = this.domains.get(normal.vmId);
      if (existing) {
        if (existing.state === 'incoming') return this.view(existing);
        throw errors.precondition(`${this.subject(normal.vmId)} already exists and is ${existing.state}`);
      }
      const paths = this.paths(normal.vmId);
      this.ledger.move(ZERO, held('incoming', normal));
      const d: QemuDomain = {
        vmId: normal.vmId,
        paths,
        spec: normal,
        origin: specKey(normal),
        state: 'incoming',
        stateSinceMs: Date.now(),
        snapshots: [],
        live: undefined,
      };
      try {
        mkdirSync(paths.dir, { recursive: true });
        // Blank disks of the source's sizes: the mirror fills them.
        for (const disk of normal.disks)
          await qemuImg([
            'create',
            '-q',
            '-f',
            'qcow2',
            overlayPath(paths, disk.id),
            `${Math.max(disk.sizeMib, 1)}M`,
          ]);
        this.domains.set(d.vmId, d);
        // Cold too: a QEMU that never runs the guest holds the disks and serves their exports.
        // Waiting for a stream (-incoming) keeps its devices from claiming the disks for writing.
        await this.launch(d, undefined, false, 'defer');
        const host = this.options.migrationHost ?? '127.0.0.1';
        const endpoint: IncomingEndpoint = {
          nbd: { host, port: await freeTcpPort(host) },
          migrationUri: live ? `tcp:${host}:${await freeTcpPort(host)}` : '',
        };
        await openIncoming(this.liveOf(d).qmp, diskNodes(d.spec), endpoint);
        d.incoming = endpoint;
        this.persist(d);
        return this.view(d);
      } catch (e) {
        if (d.live) await this.kill(d, d.live);
        this.domains.delete(d.vmId);
        this.ledger.move(held('incoming', normal), ZERO);
        rmSync(paths.dir, { recursive: true, force: true });
        throw e;
      }
    });
  }

  async completeIncoming(image: MigrationImage): Promise<Domain> {
    return this.serial(image.vmId, async () => {
      const d = this.find(image.vmId);
      // Live lands as the source was (running or paused); cold lands powered off unless it ran.
      const next: DomainState =
        image.sourceState === 'running'
          ? 'running'
          : image.live
            ? 'paused'
            : image.sourceState === 'defined'
              ? 'defined'
              : 'shutoff';
      if (d.state !== 'incoming') {
        if (d.state === next) return this.view(d);
        throw errors.precondition(`${this.subject(image.vmId)} is ${d.state}, not incoming`);
      }
      const live = this.liveOf(d);
      await finishIncoming(live.qmp, diskNodes(d.spec), image.live && next === 'running');
      d.incoming = undefined;
      // Internal snapshots live in the source's qcow2 files; the copy carries the current state only.
      d.snapshots = [];
      if (!image.live) {
        // The holder QEMU never ran the guest: a cold move starts it afresh, or leaves it off.
        await this.kill(d, live);
        this.commit(d, 'shutoff');
        if (next === 'running') {
          this.commit(d, 'running');
          await this.launch(d, undefined, true);
        } else this.commit(d, next);
        return this.view(d);
      }
      this.commit(d, next);
      return this.view(d);
    });
  }

  async abortIncoming(vmId: string): Promise<boolean> {
    return this.serial(vmId, async () => {
      const d = this.domains.get(vmId);
      if (!d) return false;
      if (d.state !== 'incoming')
        throw errors.precondition(`${this.subject(vmId)} is ${d.state}, not incoming; it stays`);
      if (d.live) await this.kill(d, d.live);
      this.ledger.move(held('incoming', d.spec), ZERO);
      this.domains.delete(vmId);
      rmSync(d.paths.dir, { recursive: true, force: true });
      return true;
    });
  }

  async beginOutgoing(vmId: string, live: boolean): Promise<OutgoingMigration> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      transition(live ? 'migrateLive' : 'migrateCold', d.state, this.subject(vmId));
      const prior = d.state;
      if (live) this.liveOf(d);
      // A cold move copies disks that nothing writes: the guest is powered off first.
      else if (d.live) await this.powerdown(d, d.live);
      d.outgoingFrom = prior;
      d.outgoingLive = live;
      this.commit(d, 'migrating');
      return {
        spec: d.spec,
        priorState: prior,
        snapshots: d.snapshots.map((x) => x.name),
        memoryImageMib: live ? d.spec.resources.memoryMib : 0,
      };
    });
  }

  /** Not serialized with the domain's other operations: the migrating state refuses them meanwhile. */
  async transferOut(
    vmId: string,
    to: IncomingEndpoint,
    control: TransferControl = {},
  ): Promise<TransferFigures> {
    const d = this.find(vmId);
    if (d.state !== 'migrating')
      throw errors.precondition(`${this.subject(vmId)} is ${d.state}, not migrating`);
    if (!to.migrationUri) return this.copyDisks(d, to, control);
    const figures = await migrateOut(this.liveOf(d).qmp, diskNodes(d.spec), to, {
      ...(this.options.migrationBandwidthMibs
        ? { bandwidthBytesPerSecond: this.options.migrationBandwidthMibs * 2 ** 20 }
        : {}),
      ...(control.signal ? { signal: control.signal } : {}),
      ...(control.onProgress ? { onProgress: control.onProgress } : {}),
    });
    return {
      transferredMib: Math.round((figures.diskBytes + figures.memoryBytes) / 2 ** 20),
      downtimeMs: figures.downtimeMs,
      durationMs: figures.totalMs,
    };
  }

  /**
   * A cold move: each disk, read through its backing chain, is written into the target's export
   * in the target's own format, then compared with the source content by content.
   */
  private async copyDisks(
    d: QemuDomain,
    to: IncomingEndpoint,
    control: TransferControl,
  ): Promise<TransferFigures> {
    const started = performance.now();
    const { signal, onProgress } = control;
    const sizes: number[] = [];
    for (const disk of d.spec.disks) {
      const info = JSON.parse(
        await qemuImg(['info', '--output=json', '-f', 'qcow2', overlayPath(d.paths, disk.id)], signal),
      ) as { 'virtual-size': number };
      sizes.push(info['virtual-size']);
    }
    const total = sizes.reduce((s, n) => s + n, 0);
    let bytes = 0;
    const report = () =>
      onProgress?.({
        phase: 'cold',
        totalBytes: total,
        transferredBytes: bytes,
        remainingBytes: total - bytes,
        dirtyBytesPerSecond: 0,
      });
    report();
    for (const [i, disk] of d.spec.disks.entries()) {
      if (signal?.aborted) throw errors.cancelled('migration canceled');
      const source = overlayPath(d.paths, disk.id);
      const target = exportUri(to, qemuId('disk', disk.id));
      await qemuImg(['convert', '-n', '-f', 'qcow2', '-O', 'raw', source, target], signal);
      try {
        await qemuImg(['compare', '-q', '-f', 'qcow2', '-F', 'raw', source, target], signal);
      } catch (e) {
        if (signal?.aborted) throw e;
        throw errors.aborted(
          `disk ${disk.id} of ${this.subject(d.vmId)} differs at the target after the copy: ${(e as Error).message}`,
        );
      }
      bytes += sizes[i]!;
      report();
    }
    return {
      transferredMib: Math.round(bytes / 2 ** 20),
      downtimeMs: 0,
      durationMs: Math.round(performance.now() - started),
    };
  }

  async completeOutgoing(vmId: string): Promise<void> {
    await this.serial(vmId, async () => {
      const d = this.domains.get(vmId);
      if (!d) return;
      if (d.state !== 'migrating')
        throw errors.precondition(`${this.subject(vmId)} is ${d.state}, not migrating`);
      if (d.live) await this.kill(d, d.live);
      this.ledger.move(held('migrating', d.spec), ZERO);
      this.domains.delete(vmId);
      rmSync(d.paths.dir, { recursive: true, force: true });
    });
  }

  async cancelOutgoing(vmId: string): Promise<Domain> {
    return this.serial(vmId, async () => {
      const d = this.find(vmId);
      if (d.state === 'migrating') {
        const prior = d.outgoingFrom ?? 'shutoff';
        const wasLive = d.outgoingLive ?? false;
        d.outgoingFrom = undefined;
        d.outgoingLive = undefined;
        if (d.live) {
          // A memory migration that completed leaves the source paused (postmigrate); when the
          // hand-over then failed, the guest runs on here, where its disks still are.
          if (prior === 'running') {
            const status = await d.live.qmp
              .execute<{ status: string }>('query-status')
              .catch(() => ({ status: 'running' }));
            if (status.status !== 'running') await d.live.qmp.execute('cont');
          }
          this.commit(d, prior);
        }
        // A live move keeps QEMU running throughout: no process now means it died meanwhile.
        else if (wasLive) this.commit(d, 'crashed');
        else if (prior === 'running' || prior === 'paused') {
          // A cold move powered the guest off; it goes back to running where it was.
          this.commit(d, 'shutoff');
          this.commit(d, 'running');
          await this.launch(d, undefined, true).catch((e: unknown) => {
            this.commit(d, 'shutoff');
            throw e;
          });
        } else this.commit(d, prior);
      }
      return this.view(d);
    });
  }

  // ---- processes ----

  private limitsFor(spec: DomainSpec): MachineLimits {
    const hostMib = Math.floor(totalmem() / (1024 * 1024));
    const r = spec.resources;
    const maxVcpus = Math.min(
      Math.max(r.vcpus, this.options.hotplugVcpus ?? cpus().length),
      this.profile.maxVcpusPerVm,
    );
    const wanted = this.options.hotplugMemoryMib ?? Math.min(r.memoryMib * 4, hostMib);
    return {
      maxVcpus: Math.max(maxVcpus, r.vcpus),
      maxMemoryMib: Math.max(r.memoryMib, wanted),
      hotplugPorts: this.options.hotplugPorts ?? 4,
    };
  }

  /** Starts QEMU for a domain (paused by -S), attaches QMP, and lets the guest run when asked. */
  private async launch(
    d: QemuDomain,
    loadvm: string | undefined,
    run: boolean,
    incoming?: string,
  ): Promise<void> {
    for (const f of [d.paths.qmp, d.paths.health, d.paths.pid]) rmSync(f, { force: true });
    for (const disk of d.spec.disks) {
      if (!existsSync(overlayPath(d.paths, disk.id))) await this.createOverlay(d.paths, disk);
    }
    const limits = this.limitsFor(d.spec);
    const args = qemuArgs(this.bootable(d.spec), d.paths, {
      kvm: this.capabilities.kvm,
      limits,
      ...(this.options.cpuModel ? { cpuModel: this.options.cpuModel } : {}),
      ...(loadvm ? { loadvm } : {}),
      ...(incoming ? { incoming } : {}),
      ...(this.taps ? { tapOf: this.taps.tapOf.bind(this.taps, d.vmId) } : {}),
    });
    await this.plugNics(d);
    let proc: Spawned;
    try {
      proc = await spawnQemu(this.binary, args, d.paths.log);
    } catch (e) {
      await this.releaseNics(d);
      throw e;
    }
    writeFileSync(d.paths.pid, `${proc.pid}\n`);
    let qmp: QmpClient | undefined;
    try {
      qmp = await connectWithRetry(d.paths.qmp, proc.pid, 15_000);
      this.adopt(
        d,
        proc.pid,
        qmp,
        limits,
        proc.exited.then(() => {}),
      );
      this.persist(d);
      if (run) await qmp.execute('cont');
      this.logger.info({ vmId: d.vmId, pid: proc.pid }, 'QEMU started');
    } catch (e) {
      if (d.live) d.live.expectingExit = true;
      d.live = undefined;
      await qmp?.close();
      if (pidAlive(proc.pid)) process.kill(proc.pid, 'SIGKILL');
      await Promise.race([proc.exited, sleep(2_000)]);
      await this.releaseNics(d);
      throw new ReservoirError(
        'UNAVAILABLE',
        `QEMU for ${this.subject(d.vmId)} did not start: ${(e as Error).message}${this.logTail(d)}`,
        {
          cause: e,
        },
      );
    }
  }

  private adopt(
    d: QemuDomain,
    pid: number,
    qmp: QmpClient,
    limits: MachineLimits,
    exited?: Promise<void>,
  ): LiveProcess {
    const gone = exited ?? qmp.closed.then(() => waitGone(pid, 5_000));
    const live: LiveProcess = {
      pid,
      qmp,
      expectingExit: false,
      shutdownEvent: undefined,
      cpu: undefined,
      limits,
      gone,
    };
    d.live = live;
    qmp.on('SHUTDOWN', (e) => (live.shutdownEvent = e));
    qmp.on('BLOCK_IO_ERROR', (e) => {
      if (e.data.action === 'stop' && d.live === live && d.state === 'running') this.commit(d, 'paused');
    });
    qmp.on('close', () => {
      if (qmp.lostPeer) this.onExit(d, live);
    });
    return live;
  }

  /** The process ended on its own: a guest power-off makes the domain shutoff, anything else crashed. */
  private onExit(d: QemuDomain, live: LiveProcess): void {
    if (d.live !== live) return;
    d.live = undefined;
    if (pidAlive(live.pid)) process.kill(live.pid, 'SIGKILL');
    if (live.expectingExit || this.closed) return;
    void this.releaseNics(d);
    if (d.state === 'incoming') {
      // A receiving QEMU ends when its source gives up: the reservation stays until it is aborted.
      this.logger.info({ vmId: d.vmId, pid: live.pid }, 'the QEMU waiting for a migration ended');
      return;
    }
    const next: DomainState = live.shutdownEvent ? 'shutoff' : 'crashed';
    this.logger.warn(
      { vmId: d.vmId, pid: live.pid, state: next, shutdown: live.shutdownEvent?.data },
      'QEMU exited',
    );
    if (this.domains.get(d.vmId) === d) this.commit(d, next);
  }

  private async kill(d: QemuDomain, live: LiveProcess): Promise<void> {
    live.expectingExit = true;
    if (pidAlive(live.pid)) process.kill(live.pid, 'SIGKILL');
    await Promise.race([live.gone, sleep(5_000)]);
    await live.qmp.close();
    if (d.live === live) d.live = undefined;
    await this.releaseNics(d);
  }

  /** ACPI power button, then the deadline; a guest that ignores it is stopped with quit, then killed. */
  private async powerdown(d: QemuDomain, live: LiveProcess): Promise<void> {
    live.expectingExit = true;
    await live.qmp.execute('system_powerdown').catch(() => {});
    const exited = await Promise.race([
      live.gone.then(() => true),
      sleep(this.shutdownTimeoutMs).then(() => false),
    ]);
    if (!exited) {
      this.logger.warn(
        { vmId: d.vmId, timeoutMs: this.shutdownTimeoutMs },
        'guest ignored ACPI shutdown; quitting QEMU',
      );
      await live.qmp.execute('quit', undefined, 2_000).catch(() => {});
      const quit = await Promise.race([live.gone.then(() => true), sleep(2_000).then(() => false)]);
      if (!quit) await this.kill(d, live);
    }
    await live.qmp.close();
    if (d.live === live) d.live = undefined;
    await this.releaseNics(d);
  }

  /** Bridge mode: the taps of the domain's NICs, made before QEMU opens them; none left behind on failure. */
  private async plugNics(d: QemuDomain): Promise<void> {
    if (!this.taps) return;
    try {
      await this.taps.plug(d.vmId, d.spec.nics);
    } catch (e) {
      await this.releaseNics(d);
      throw e;
    }
  }

  /** The domain's process has ended: its taps go with it, and the next start makes them again. */
  private async releaseNics(d: QemuDomain): Promise<void> {
    await this.taps
      ?.unplug(d.vmId, d.spec.nics)
      .catch((e: unknown) =>
        this.logger.warn({ vmId: d.vmId, err: e }, 'could not remove the taps of a QEMU'),
      );
  }

  private async plugCpus(live: LiveProcess, count: number): Promise<void> {
    const slots =
      await live.qmp.execute<
        Array<{ type: string; props: Record<string, number>; 'qom-path'?: string; 'vcpus-count': number }>
      >('query-hotpluggable-cpus');
    const free = slots.filter((s) => !s['qom-path']).sort((a, b) => order(a.props) - order(b.props));
    if (free.length < count)
      throw errors.precondition(
        `only ${free.length} more vCPUs can be hot-plugged; power off and start again for more`,
      );
    for (const slot of free.slice(0, count)) {
      const p = slot.props;
      const id = `cpu-${p['socket-id'] ?? 0}-${p['core-id'] ?? 0}-${p['thread-id'] ?? 0}`;
      await live.qmp.execute('device_add', { driver: slot.type, id, ...p });
    }
  }

  private async plugMemory(live: LiveProcess, mib: number): Promise<void> {
    const devices = await live.qmp.execute<unknown[]>('query-memory-devices');
    if (devices.length >= MEMORY_SLOTS)
      throw errors.precondition(
        `all ${MEMORY_SLOTS} memory slots are in use; power off and start again for more`,
      );
    const n = Date.now().toString(36);
    await live.qmp.execute('object-add', {
      'qom-type': 'memory-backend-ram',
      id: `mem-${n}`,
      size: mib * 1024 * 1024,
    });
    try {
      await live.qmp.execute('device_add', { driver: 'pc-dimm', id: `dimm-${n}`, memdev: `mem-${n}` });
    } catch (e) {
      await live.qmp.execute('object-del', { id: `mem-${n}` }).catch(() => {});
      throw e;
    }
  }

  /** vCPUs and memory of a running QEMU, from QMP. */
  private async measureResources(live: LiveProcess, fallback: Resources): Promise<Resources> {
    const cpusNow = await live.qmp.execute<unknown[]>('query-cpus-fast');
    const mem = await live.qmp.execute<{ 'base-memory': number; 'plugged-memory'?: number }>(
      'query-memory-size-summary',
    );
    return {
      vcpus: cpusNow.length,
      memoryMib: Math.round((mem['base-memory'] + (mem['plugged-memory'] ?? 0)) / (1024 * 1024)),
      diskMib: fallback.diskMib,
    };
  }

  /** device_add on the first free hot-plug port. */
  private async plugOnPort(live: LiveProcess, device: Record<string, unknown>): Promise<void> {
    let last: unknown;
    for (let i = 0; i < live.limits.hotplugPorts; i++) {
      try {
        await live.qmp.execute('device_add', { ...device, bus: `hp${i}` });
        return;
      } catch (e) {
        last = e;
      }
    }
    throw errors.precondition(
      `no free hot-plug port for ${String(device.id)}: ${(last as Error | undefined)?.message ?? 'none configured'}`,
    );
  }

  /** device_del needs the guest to let go of the device; DEVICE_DELETED says it did. */
  private async unplug(live: LiveProcess, id: string): Promise<void> {
    const deleted = live.qmp.waitFor('DEVICE_DELETED', 15_000, (e) => e.data.device === id);
    deleted.catch(() => {});
    await live.qmp.execute('device_del', { id });
    try {
      await deleted;
    } catch (e) {
      throw new ReservoirError(
        'DEADLINE_EXCEEDED',
        `the guest did not release ${id}: ${(e as Error).message}`,
      );
    }
  }

  private async createOverlay(paths: DomainPaths, disk: DiskSpec): Promise<void> {
    const file = overlayPath(paths, disk.id);
    if (!disk.imageId) {
      await qemuImg(['create', '-q', '-f', 'qcow2', file, `${Math.max(disk.sizeMib, 1)}M`]);
      return;
    }
    const image = this.resolveImage(disk.imageId);
    await qemuImg(['create', '-q', '-f', 'qcow2', '-b', image, '-F', disk.format, file]);
  }

  private bootable(spec: DomainSpec): DomainSpec {
    const boot = this.options.defaultBoot;
    if (!boot || spec.context[KERNEL_KEY] || spec.disks.some((x) => x.imageId)) return spec;
    return {
      ...spec,
      context: {
        ...spec.context,
        [KERNEL_KEY]: boot.kernel,
        [INITRD_KEY]: boot.initrd,
        [APPEND_KEY]: boot.append(spec.vmId),
      },
    };
  }

  private resolveImage(imageId: string): string {
    const path =
      this.options.resolveImage?.(imageId) ??
      (isAbsolute(imageId)
        ? imageId
        : this.options.imageDir
          ? join(this.options.imageDir, imageId)
          : undefined);
    if (!path || !existsSync(path))
      throw errors.precondition(`image "${imageId}" is not available on host ${this.hostId}`);
    return path;
  }

  // ---- adoption ----

  private async reattach(): Promise<void> {
    for (const vmId of readdirSync(this.options.stateDir)) {
      const paths = this.paths(vmId);
      if (!existsSync(paths.spec)) continue;
      let record: DomainRecord;
      try {
        record = JSON.parse(readFileSync(paths.spec, 'utf8')) as DomainRecord;
      } catch (e) {
        this.logger.warn({ vmId, err: e }, 'unreadable domain record; skipped');
        continue;
      }
      const d: QemuDomain = { ...record, vmId, paths, live: undefined };
      const pid = readPid(paths.pid);
      let state = d.state;
      if (pid !== undefined && pidAlive(pid) && processCmdline(pid)?.some((a) => a.includes(paths.qmp))) {
        try {
          const qmp = await QmpClient.connect(paths.qmp, { timeoutMs: 3_000 });
          const status = await qmp.execute<{ status: string; running: boolean }>('query-status');
          this.adopt(d, pid, qmp, record.limits ?? this.limitsFor(d.spec));
          state = status.running ? 'running' : 'paused';
          this.logger.info({ vmId, pid, status: status.status }, 'adopted QEMU');
          // Its taps live on with it; this puts them back on their bridges if those were remade.
          await this.taps
            ?.plug(vmId, d.spec.nics)
            .catch((e: unknown) => this.logger.warn({ vmId, err: e }, 'the taps of an adopted QEMU'));
        } catch (e) {
          this.logger.warn({ vmId, pid, err: e }, 'QEMU alive but its monitor does not answer; killed');
          process.kill(pid, 'SIGKILL');
          state = 'crashed';
        }
      } else if (state === 'running' || state === 'paused' || state === 'migrating') {
        state = 'crashed';
      }
      // No process: taps left by one that ended while no driver watched.
      if (!d.live) await this.releaseNics(d);
      try {
        this.ledger.move(ZERO, held(state, d.spec));
      } catch (e) {
        this.logger.warn({ vmId, err: e }, 'adopted domain exceeds the host limits');
      }
      this.domains.set(vmId, d);
      if (state !== d.state) {
        d.state = state;
        d.stateSinceMs = Date.now();
      }
      this.persist(d);
    }
  }

  // ---- internals ----

  /** Runs operations on one vm id one after another. */
  private serial<T>(vmId: string, body: () => Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(errors.unavailable(`the qemu driver of host ${this.hostId} is closed`));
    const prev = this.locks.get(vmId) ?? Promise.resolve();
    const next = prev.then(body, body);
    const tail = next.catch(() => {});
    this.locks.set(vmId, tail);
    void tail.then(() => {
      if (this.locks.get(vmId) === tail) this.locks.delete(vmId);
    });
    return next;
  }

  /** The one place a domain's state and holding change: checked against the limits, then saved. */
  private commit(d: QemuDomain, state: DomainState, spec: DomainSpec = d.spec): void {
    this.ledger.move(held(d.state, d.spec), held(state, spec));
    if (state !== d.state) {
      d.state = state;
      d.stateSinceMs = Date.now();
    }
    d.spec = spec;
    this.persist(d);
  }

  private persist(d: QemuDomain): void {
    const record: DomainRecord = {
      spec: d.spec,
      origin: d.origin,
      state: d.state,
      stateSinceMs: d.stateSinceMs,
      snapshots: d.snapshots,
      ...(d.live ? { limits: d.live.limits } : {}),
    };
    const tmp = `${d.paths.spec}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(record, null, 2));
      renameSync(tmp, d.paths.spec);
    } catch (e) {
      // A destroyed domain's directory is gone; nothing to keep.
      if (this.domains.get(d.vmId) === d) throw e;
    }
  }

  private liveOf(d: QemuDomain): LiveProcess {
    if (!d.live) throw errors.precondition(`${this.subject(d.vmId)} has no QEMU process (it is ${d.state})`);
    return d.live;
  }

  private find(vmId: string): QemuDomain {
    const d = this.domains.get(vmId);
    if (!d) throw new ReservoirError('NOT_FOUND', `domain "${vmId}" not found on host ${this.hostId}`);
    return d;
  }

  private subject(vmId: string): string {
    return `domain "${vmId}" on host ${this.hostId}`;
  }

  private logTail(d: QemuDomain): string {
    try {
      const text = readFileSync(d.paths.log, 'utf8').trim().split('\n').slice(-3).join(' | ');
      return text ? ` (qemu: ${text})` : '';
    } catch {
      return '';
    }
  }

  private view(d: QemuDomain, sample = false): Domain {
    let cpuUsedPercent = 0;
    let memoryUsedMib = 0;
    const live = d.live;
    if (live) {
      const usage = processUsage(live.pid);
      if (usage) {
        cpuUsedPercent = cpuPercent(live.cpu, usage);
        memoryUsedMib = Math.round(usage.rssMib);
        if (sample) live.cpu = usage.cpu;
      }
    }
    return {
      hostId: this.hostId,
      vmId: d.vmId,
      state: d.state,
      spec: d.spec,
      snapshots: d.snapshots.map((s) => s.name),
      cpuUsedPercent,
      memoryUsedMib,
      stateSinceMs: d.stateSinceMs,
      ...(d.incoming ? { incoming: d.incoming } : {}),
    };
  }

  /** The view with the I/O counters of the domain's process, for the reads that may wait on QMP. */
  private async measured(d: QemuDomain, sample = false): Promise<Domain> {
    const live = d.live;
    const counters = live ? await this.countersOf(d, live) : undefined;
    const domain = this.view(d, sample);
    return counters ? { ...domain, counters } : domain;
  }

  /**
   * Block counters from query-blockstats, NIC counters from the taps (bridge mode; user mode
   * cannot measure them). Undefined when QMP does not answer: one silent monitor must not fail
   * the host's status, which is also its heartbeat.
   */
  private async countersOf(d: QemuDomain, live: LiveProcess): Promise<DomainCounters | undefined> {
    try {
      const stats = await live.qmp.execute<BlockStats[]>('query-blockstats', undefined, COUNTERS_TIMEOUT_MS);
      return {
        disks: diskCounters(d.spec, stats),
        nics: this.taps?.counters(d.vmId, d.spec.nics) ?? [],
      };
    } catch (e) {
      this.logger.warn({ vmId: d.vmId, err: e }, 'block counters unavailable; reported without counters');
      return undefined;
    }
  }
}

/** The block node of each disk, as qemuArgs names them. */
function diskNodes(spec: DomainSpec): string[] {
  return spec.disks.map((x) => qemuId('disk', x.id));
}

function order(props: Record<string, number>): number {
  return (props['socket-id'] ?? 0) * 1_000_000 + (props['core-id'] ?? 0) * 1_000 + (props['thread-id'] ?? 0);
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(20);
}

function freeDiskMib(dir: string): number {
  try {
    const s = statfsSync(dir);
    return Math.max(Math.floor((s.bavail * s.bsize) / (1024 * 1024)), 1);
  } catch {
    return 1;
  }
}
