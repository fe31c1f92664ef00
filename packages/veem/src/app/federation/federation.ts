import { errors, ReservoirError, type Task } from '@reservoir/runtime';
import type { DiskTool, ImageFiles } from '../disk-tool.js';
import type { Veem } from '../veem.js';
import type { Vm } from '../../domain/vm.js';
import type { CapabilityProfile } from '../../domain/host.js';
import { describeOvf, describeVm } from './descriptor.js';
import { IncomingTransfers } from './incoming.js';
import { checkAgainstOffer } from './interop-input.js';
import { siteOffer } from './offer.js';
import type { DifferenceLike, FederationStore, PartnerGateway } from './ports.js';
import type { FederationSettings } from './settings.js';
import { TransferRunner } from './transfers.js';
import type { SiteOffer, StepReply, Transfer, TransferMode, VmDescriptor } from './types.js';

export interface FederationDeps {
  veem: Veem;
  store: FederationStore;
  settings: FederationSettings;
  files: ImageFiles;
  disks: DiskTool;
  /** Builds the gateway to a partner from its agreement (gRPC in production). */
  connect: (agreement: FederationSettings['partners'][number]) => PartnerGateway;
  /** The federation heuristic (PE-7): which of the offering sites should take the VMs, best first. */
  chooseSite?: SiteChooser;
}

/** Sites ranked for a demand; the Policy Engine's ChooseSite, or the cheapest-first fallback. */
/** What the site choice needs of a VM. */
export type DemandVm = Pick<Vm, 'id' | 'resources' | 'operationalRequirements'>;

export type SiteChooser = (
  vms: readonly DemandVm[],
  offers: readonly SiteOffer[],
) => Promise<{ ranked: string[]; rejected: { site: string; reasons: string[] }[] }>;

/** Without a Policy Engine: the sites whose agreement still has room, cheapest for the demand first. */
export const cheapestFirst: SiteChooser = (vms, offers) => {
  const need = vms.reduce(
    (s, v) => ({ vcpus: s.vcpus + v.resources.vcpus, memoryMib: s.memoryMib + v.resources.memoryMib }),
    { vcpus: 0, memoryMib: 0 },
  );
  const rejected: { site: string; reasons: string[] }[] = [];
  const fits = offers.filter((o) => {
    const room = (cap: number, used: number, asked: number) => !cap || used + asked <= cap;
    const ok =
      room(o.agreementCap.vcpus, o.agreementUsed.vcpus, need.vcpus) &&
      room(o.agreementCap.memoryMib, o.agreementUsed.memoryMib, need.memoryMib);
    if (!ok) rejected.push({ site: o.site, reasons: ['the agreement cap would be exceeded'] });
    return ok;
  });
  const cost = (o: SiteOffer) =>
    o.pricePerVcpuHour * need.vcpus + (o.pricePerGibHour * need.memoryMib) / 1024;
  const ranked = fits.sort((a, b) => cost(a) - cost(b) || a.site.localeCompare(b.site)).map((o) => o.site);
  return Promise.resolve({ ranked, rejected });
};

export interface InteropCheck {
  interoperable: boolean;
  level: number;
  targetSite: string;
  targetHost: string;
  targetFormat: string;
  differences: DifferenceLike[];
}

/** The target that lets the federation heuristic choose the partner site. */
export const AUTO = 'auto';

/** "SITE" or "SITE/HOST". */
export function parseTarget(target: string): { site: string; host: string } {
  const m = /^([A-Za-z0-9._-]+)(?:\/([A-Za-z0-9._-]+))?$/.exec(target.trim());
  if (!m) throw errors.invalid('target', `"${target}" must be SITE or SITE/HOST`);
  return { site: m[1]!, host: m[2] ?? '' };
}

/**
 * One site's federation: the offers and incoming VMs it serves to partners, and the checks and
 * transfers it runs towards them (or towards its own hosts, through the same process).
 */
export class Federation {
  readonly incoming: IncomingTransfers;
  readonly transfers: TransferRunner;
  private readonly gateways = new Map<string, PartnerGateway>();

  constructor(private readonly d: FederationDeps) {
    this.incoming = new IncomingTransfers(d);
    this.transfers = new TransferRunner({ ...d, partner: (site) => this.partner(site) });
    d.veem.addTaskOwner(async () => (await d.store.transfers({ active: true })).map((t) => t.taskId));
  }

  get site(): string {
    return this.d.veem.ctx.settings.site;
  }

  get veem(): Veem {
    return this.d.veem;
  }

  get settings(): FederationSettings {
    return this.d.settings;
  }

  /** The gateway to a site: a partner under an agreement, or this site itself. */
  partner(site: string): PartnerGateway {
    const known = this.gateways.get(site);
    if (known) return known;
    let gw: PartnerGateway;
    if (site === this.site) gw = new LocalPartner(this);
    else {
      const agreement = this.d.settings.partners.find((p) => p.site === site);
      if (!agreement)
        throw errors.notFound(
          'partner site',
          `${site} (this site federates with: ${this.d.settings.partners.map((p) => p.site).join(', ') || 'none'})`,
        );
      gw = this.d.connect(agreement);
    }
    this.gateways.set(site, gw);
    return gw;
  }

  /** Which agreement a caller presents; the partner-facing calls refuse anyone else. */
  authenticate(site: string, token: string): void {
    if (site === this.site) return;
    const agreement = this.d.settings.partners.find((p) => p.site === site);
    if (!agreement || !token || agreement.token !== token)
      throw new ReservoirError(
        'UNAUTHENTICATED',
        `no federation agreement with ${site || 'an unnamed site'} for this token`,
      );
  }

  async offer(forSite: string): Promise<SiteOffer> {
    return siteOffer(this.d.veem.ctx, this.d.settings, forSite, await this.d.store.incomings());
  }

  async partners(): Promise<{ site: string; endpoint: string; offer?: SiteOffer; error: string }[]> {
    return Promise.all(
      this.d.settings.partners.map(async (p) => {
        try {
          return { site: p.site, endpoint: p.endpoint, offer: await this.partner(p.site).offer(), error: '' };
        } catch (e) {
          return { site: p.site, endpoint: p.endpoint, error: (e as Error).message };
        }
      }),
    );
  }

  /** Usage scenario 1: can this VM (or OVF) go to SITE[/HOST], at which level, and what differs. */
  async check(req: { vmId?: string; ovf?: string; target: string; live?: boolean }): Promise<InteropCheck> {
    let vm: VmDescriptor;
    let profile;
    if (req.vmId) {
      const v = await this.d.veem.vms.find(req.vmId);
      vm = describeVm(this.d.veem.ctx, v, this.d.settings.country);
      profile = v.host ? this.d.veem.ctx.inv.hosts.get(v.host)?.profile : undefined;
    } else if (req.ovf) {
      vm = describeOvf(req.ovf, 'descriptor.ovf', this.d.settings.country);
      vm.sourceSite = this.site;
    } else throw errors.invalid('vm_id', 'give a VM id or an OVF descriptor');
    const { site, host } =
      req.target === AUTO
        ? { site: await this.chooseTarget(vm, profile), host: '' }
        : parseTarget(req.target);
    const offer = await this.partner(site).offer();
    if (host && !offer.hosts.some((h) => h.id === host || h.name === host))
      throw errors.notFound('host', `${host} at ${site} (or it takes no VMs now)`);
    // A running VM is checked for a live move unless the caller says it moves cold.
    const report = checkAgainstOffer(vm, profile, offer, host, req.live ?? vm.state === 'running');
    return { ...report, level: report.level ?? 0, targetSite: site };
  }

  /** Usage scenario 2: copy or move a VM by the message process; the task follows it. */
  async transfer(req: { vmId: string; target: string; mode: TransferMode; requestId?: string }): Promise<{
    transfer: Transfer;
    task: Task;
  }> {
    let target = parseTarget(req.target === AUTO ? this.site : req.target);
    if (req.target === AUTO) {
      const v = await this.d.veem.vms.find(req.vmId);
      const desc = describeVm(this.d.veem.ctx, v, this.d.settings.country);
      target = {
        site: await this.chooseTarget(
          desc,
          v.host ? this.d.veem.ctx.inv.hosts.get(v.host)?.profile : undefined,
        ),
        host: '',
      };
    }
    const { site, host } = target;
    return this.transfers.begin({
      vmId: req.vmId,
      targetSite: site,
      targetHost: host,
      mode: req.mode,
      requestId: req.requestId ?? '',
    });
  }

  async getTransfer(id: string): Promise<Transfer> {
    const t = await this.d.store.transfer(id);
    if (!t) throw errors.notFound('transfer', id);
    return t;
  }

  listTransfers(vmId?: string): Promise<Transfer[]> {
    return this.d.store.transfers(vmId ? { vmId } : {});
  }

  /**
   * The partner site a VM should go to (`--to auto`): the federation heuristic ranks every partner's
   * offer, and the first whose check finds no blocking difference is it.
   */
  async chooseTarget(vm: VmDescriptor, profile: CapabilityProfile | undefined): Promise<string> {
    const { offers, unavailable } = await this.offersOf(this.d.settings.partners.map((p) => p.site));
    const why = [...unavailable];
    const demand: DemandVm = { id: vm.id, resources: vm.resources, operationalRequirements: vm.requirements };
    const { ranked, rejected } = offers.length
      ? await (this.d.chooseSite ?? cheapestFirst)([demand], offers)
      : { ranked: [], rejected: [] };
    for (const r of rejected) why.push(`${r.site}: ${r.reasons.join('; ')}`);
    for (const site of ranked) {
      const offer = offers.find((o) => o.site === site)!;
      const report = checkAgainstOffer(vm, profile, offer, '', false);
      if (report.interoperable) return site;
      why.push(
        `${site}: ${report.differences
          .filter((d) => d.severity === 'blocking')
          .map((d) => d.message)
          .join('; ')}`,
      );
    }
    throw errors.precondition(
      `no partner site can take VM ${vm.id || vm.name}${why.length ? `: ${why.join(' | ')}` : ' (this site has no partners)'}`,
    );
  }

  /**
   * Cloudburst: the partner sites (among those whose large host is registered here) that should
   * take VMs this site has no room for, best first, by the federation heuristic.
   */
  async chooseBurstSites(vms: readonly Vm[], sites: readonly string[]): Promise<string[]> {
    const burst = sites.filter((site) => this.d.settings.partners.some((p) => p.site === site && p.burst));
    const { offers, unavailable } = await this.offersOf(burst);
    if (unavailable.length) this.d.veem.ctx.logger.warn({ unavailable }, 'partner offers unavailable');
    if (offers.length === 0) return [];
    const choose = this.d.chooseSite ?? cheapestFirst;
    const { ranked, rejected } = await choose(vms, offers);
    if (rejected.length) this.d.veem.ctx.logger.info({ rejected }, 'partner sites refused for burst');
    return ranked;
  }

  /** The current offers of these sites, and why the ones that did not answer did not. */
  private async offersOf(sites: readonly string[]): Promise<{ offers: SiteOffer[]; unavailable: string[] }> {
    const offers: SiteOffer[] = [];
    const unavailable: string[] = [];
    for (const site of sites) {
      try {
        offers.push(await this.partner(site).offer());
      } catch (e) {
        unavailable.push(`${site}: ${(e as Error).message}`);
      }
    }
    return { offers, unavailable };
  }

  async start(): Promise<void> {
    await this.d.store.migrate();
    const n = await this.transfers.resume();
    if (n) this.d.veem.ctx.logger.info({ transfers: n }, 'resuming transfers');
  }

  stop(): void {
    this.transfers.stop();
    void this.incoming.close();
    for (const gw of this.gateways.values()) gw.close();
  }
}

/** This site as its own target: moves between its hypervisor kinds run the same process in-process. */
class LocalPartner implements PartnerGateway {
  constructor(private readonly f: Federation) {}
  get site(): string {
    return this.f.site;
  }
  offer(): Promise<SiteOffer> {
    return this.f.offer(this.f.site);
  }
  configure(req: Parameters<PartnerGateway['configure']>[0]): ReturnType<PartnerGateway['configure']> {
    return this.f.incoming.configure(req);
  }
  reserve(req: Parameters<PartnerGateway['reserve']>[0]): Promise<StepReply> {
    return this.f.incoming.reserve(req);
  }
  writeDisk(id: string, offset: number, data: Buffer): Promise<number> {
    return this.f.incoming.writeDisk(id, offset, data);
  }
  initialize(req: Parameters<PartnerGateway['initialize']>[0]): Promise<StepReply> {
    return this.f.incoming.initialize(req);
  }
  start(id: string, timeoutMs: number): Promise<StepReply> {
    return this.f.incoming.start(id, timeoutMs);
  }
  release(id: string): Promise<StepReply> {
    return this.f.incoming.release(id);
  }
  incoming(id: string): ReturnType<PartnerGateway['incoming']> {
    return this.f.incoming.status(id);
  }
  close(): void {}
}
