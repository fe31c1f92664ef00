import type { reservoir } from '@reservoir/contracts';
import { errors, isReservoirError, taskFromPb } from '@reservoir/runtime';
import type { Federation } from '../../app/federation/federation.js';
import type { PartnerAgreement } from '../../app/federation/settings.js';
import type { Transfer } from '../../app/federation/types.js';
import type {
  AgentGateway,
  AgentPort,
  DomainInfo,
  DomainSpec,
  DomainStateName,
  HostDescription,
  HostReport,
} from '../../app/ports.js';
import type { CapabilityProfile } from '../../domain/host.js';
import { DISK_FORMATS } from '../../domain/image.js';
import { FEDERATED_FROM } from '../../app/federation/incoming.js';
import { vmiClient, type VmiClient } from '../../client.js';
import { ACTION_TO_PB } from './mapping.js';
import { resourcesFromPb } from './agent-gateway.js';

/** The agent endpoint under which a partner site is registered as one large host. */
export function partnerEndpoint(site: string): string {
  return `partner.${site}:0`;
}

export function partnerOf(endpoint: string): string | undefined {
  const m = /^partner\.([A-Za-z0-9._-]+):0$/.exec(endpoint);
  return m?.[1];
}

/** Host agents over VHI, except partner sites, which are reached through the federation. */
export class RoutingAgentGateway implements AgentGateway {
  private readonly partners = new Map<string, PartnerAgent>();
  federation: Federation | undefined;

  constructor(private readonly inner: AgentGateway) {}

  agent(endpoint: string): AgentPort {
    const site = partnerOf(endpoint);
    if (site === undefined) return this.inner.agent(endpoint);
    if (!this.federation) throw errors.unavailable('the federation is not running yet');
    let a = this.partners.get(site);
    if (!a) {
      const agreement = this.federation.settings.partners.find((p) => p.site === site);
      if (!agreement) throw errors.notFound('federation agreement', site);
      a = new PartnerAgent(this.federation, agreement);
      this.partners.set(site, a);
    }
    return a;
  }

  close(): void {
    for (const a of this.partners.values()) a.close();
    this.inner.close();
  }
}

// A partner's VM states as a hypervisor would report the domain.
const DOMAIN_STATE: Record<string, DomainStateName> = {
  hold: 'defined',
  pending: 'defined',
  prolog: 'defined',
  boot: 'defined',
  running: 'running',
  shutdown: 'running',
  saving: 'running',
  migrating: 'running',
  poweroff: 'shutoff',
  suspended: 'suspended',
  stopped: 'shutoff',
  failed: 'crashed',
  unknown: 'crashed',
};

const WAIT_MS = 120_000;

/**
 * A partner site seen as one large host (VEEM-12/13, hybrid cloud): creating a domain provisions
 * the VM there by the federation's message process (its image is sent and verified), and every
 * later operation is the partner's VMI call on the VM it made.
 */
export class PartnerAgent implements AgentPort {
  private readonly vmi: VmiClient;

  constructor(
    private readonly fed: Federation,
    private readonly agreement: PartnerAgreement,
  ) {
    this.vmi = vmiClient(agreement.endpoint, 30_000);
  }

  private get site(): string {
    return this.agreement.site;
  }

  close(): void {
    this.vmi.close();
  }

  private async describe(): Promise<HostDescription> {
    const offer = await this.fed.partner(this.site).offer();
    if (offer.hosts.length === 0) throw errors.unavailable(`${this.site} offers no host that takes VMs`);
    const best = [...offer.hosts].sort((a, b) => b.capacity.memoryMib - a.capacity.memoryMib)[0]!;
    const sum = offer.hosts.reduce(
      (s, h) => ({
        vcpus: s.vcpus + h.free.vcpus,
        memoryMib: s.memoryMib + h.free.memoryMib,
        diskMib: s.diskMib + h.free.diskMib,
      }),
      { vcpus: 0, memoryMib: 0, diskMib: 0 },
    );
    const cap = this.agreement.cap;
    const profile: CapabilityProfile = {
      ...best.profile,
      maxVcpusPerVm: Math.max(...offer.hosts.map((h) => h.profile.maxVcpusPerVm)),
      maxMemoryMibPerVm: Math.max(...offer.hosts.map((h) => h.profile.maxMemoryMibPerVm)),
      // qemu-img converts to whatever the partner's host takes.
      diskFormats: [...DISK_FORMATS],
      // A VM does not live-migrate across the federation: it is moved by the message process.
      liveMigration: false,
      driver: 'partner',
    };
    return {
      agentHostId: this.site,
      hostname: `partner ${this.site}`,
      // What the agreement lets this site use there, else what the partner has free now.
      capacity: {
        vcpus: cap.vcpus || sum.vcpus,
        memoryMib: cap.memoryMib || sum.memoryMib,
        diskMib: cap.diskMib || sum.diskMib,
      },
      profile,
      labels: { 'reservoir.partner': this.site, country: offer.country },
    };
  }

  async listHosts(): Promise<HostDescription[]> {
    return [await this.describe()];
  }

  async describeHost(): Promise<HostDescription> {
    return this.describe();
  }

  /** The provision transfer of a VM of this site placed on the partner, if any. */
  private async transferOf(vmId: string): Promise<Transfer | undefined> {
    const all = await this.fed.listTransfers(vmId);
    return all.filter((t) => t.mode === 'provision' && t.targetSite === this.site).at(-1);
  }

  private async remote(vmId: string): Promise<{ t: Transfer; vm: reservoir.veem.v1.Vm } | undefined> {
    const t = await this.transferOf(vmId);
    if (!t?.targetVmId) return undefined;
    try {
      const vm = await this.vmi.vms.getVm({ id: t.targetVmId });
      return vm.state === 'done' ? undefined : { t, vm };
    } catch (e) {
      if (isReservoirError(e) && e.code === 'NOT_FOUND') return undefined;
      throw e;
    }
  }

  private info(vmId: string, vm: reservoir.veem.v1.IVm): DomainInfo {
    return {
      vmId,
      state: DOMAIN_STATE[vm.state ?? ''] ?? 'crashed',
      snapshots: [...(vm.snapshots ?? [])],
      cpuUsedPercent: 0,
      memoryUsedMib: 0,
      resources: resourcesFromPb(vm.resources),
    };
  }

  private async need(vmId: string): Promise<{ t: Transfer; vm: reservoir.veem.v1.Vm }> {
    const r = await this.remote(vmId);
    if (!r) throw errors.notFound('domain', `${vmId} at ${this.site}`);
    return r;
  }

  private async waitTask(id: string | null | undefined): Promise<void> {
    if (!id) return;
    for await (const pb of this.vmi.tasks.watchTask({ id }, { deadlineMs: WAIT_MS })) {
      const t = taskFromPb(pb);
      if (t.state === 'succeeded') return;
      if (t.state === 'failed' || t.state === 'canceled')
        throw errors.internal(`${this.site}: ${t.operation} ${t.state}: ${t.errorMessage ?? t.message}`);
    }
  }

  private async act(vmId: string, action: keyof typeof ACTION_TO_PB): Promise<DomainInfo> {
    const { vm } = await this.need(vmId);
    const r = await this.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB[action] });
    await this.waitTask(r.task?.id);
    return this.info(vmId, await this.vmi.vms.getVm({ id: vm.id }));
  }

  /**
   * One listing of the partner's VMs per round: those it runs for this site carry the label the
   * federation put on them, naming this site's VM.
   */
  async monitor(): Promise<HostReport[]> {
    const prefix = `${this.fed.site}/`;
    const { vms } = await this.vmi.vms.listVms({ pageSize: 0 });
    const domains = (vms ?? [])
      .filter((vm) => vm.state !== 'done' && vm.labels?.[FEDERATED_FROM]?.startsWith(prefix))
      .map((vm) => this.info(vm.labels![FEDERATED_FROM]!.slice(prefix.length), vm));
    return [
      {
        agentHostId: this.site,
        reachable: true,
        error: '',
        cpuUsedPercent: 0,
        memoryUsedMib: domains.reduce((s, d) => s + d.resources.memoryMib, 0),
        domains,
      },
    ];
  }

  async createDomain(_agentHostId: string, spec: DomainSpec): Promise<DomainInfo> {
    const t = await this.fed.transfers.provision(spec.vmId, this.site);
    return this.info(spec.vmId, await this.vmi.vms.getVm({ id: t.targetVmId }));
  }

  async getDomain(_agentHostId: string, vmId: string): Promise<DomainInfo | undefined> {
    const r = await this.remote(vmId);
    return r ? this.info(vmId, r.vm) : undefined;
  }

  async startDomain(_agentHostId: string, vmId: string): Promise<DomainInfo> {
    const { t, vm } = await this.need(vmId);
    if (vm.state === 'poweroff' || vm.state === 'suspended') return this.act(vmId, 'start');
    const r = await this.fed.partner(this.site).start(t.id, WAIT_MS);
    if (!r.confirmed)
      throw errors.internal(`${this.site} could not start VM ${vm.id}: ${r.code}: ${r.message}`);
    return this.info(vmId, await this.vmi.vms.getVm({ id: vm.id }));
  }

  shutdownDomain(_agentHostId: string, vmId: string, hard: boolean): Promise<DomainInfo> {
    return this.act(vmId, hard ? 'poweroff-hard' : 'stop');
  }

  async destroyDomain(_agentHostId: string, vmId: string): Promise<boolean> {
    const t = await this.transferOf(vmId);
    if (!t) return false;
    const r = await this.fed.partner(this.site).release(t.id);
    if (!r.confirmed)
      throw errors.internal(`${this.site} could not release VM ${t.targetVmId}: ${r.message}`);
    return true;
  }

  suspendDomain(_agentHostId: string, vmId: string): Promise<DomainInfo> {
    return this.act(vmId, 'suspend');
  }

  resumeDomain(_agentHostId: string, vmId: string): Promise<DomainInfo> {
    return this.act(vmId, 'resume');
  }

  rebootDomain(_agentHostId: string, vmId: string): Promise<DomainInfo> {
    return this.act(vmId, 'reboot');
  }

  async snapshotDomain(_agentHostId: string, vmId: string, name: string): Promise<DomainInfo> {
    const { vm } = await this.need(vmId);
    await this.waitTask((await this.vmi.vms.snapshotVm({ id: vm.id, name })).task?.id);
    return this.info(vmId, await this.vmi.vms.getVm({ id: vm.id }));
  }

  async revertDomain(_agentHostId: string, vmId: string, name: string): Promise<DomainInfo> {
    const { vm } = await this.need(vmId);
    await this.waitTask((await this.vmi.vms.revertVm({ id: vm.id, name })).task?.id);
    return this.info(vmId, await this.vmi.vms.getVm({ id: vm.id }));
  }

  async resizeDomain(
    _agentHostId: string,
    vmId: string,
    vcpus: number,
    memoryMib: number,
  ): Promise<DomainInfo> {
    const { vm } = await this.need(vmId);
    await this.waitTask((await this.vmi.vms.resizeVm({ id: vm.id, vcpus, memoryMib })).task?.id);
    return this.info(vmId, await this.vmi.vms.getVm({ id: vm.id }));
  }

  prepareIncoming(): Promise<DomainInfo> {
    return Promise.reject(this.noMigration());
  }

  migrateDomain(): Promise<{ domain: DomainInfo; downtimeMs: number; durationMs: number }> {
    return Promise.reject(this.noMigration());
  }

  abortIncoming(): Promise<boolean> {
    return Promise.resolve(false);
  }

  cancelMigration(): Promise<DomainInfo> {
    return Promise.reject(this.noMigration());
  }

  private noMigration(): Error {
    return errors.precondition(
      `VMs do not live-migrate to or from partner ${this.site}; move them with "reservoir vm move"`,
    );
  }
}
