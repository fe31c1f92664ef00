import { errors, newId } from '@reservoir/runtime';
import { CHECKSUM, DISK_FORMATS, type DiskFormat, type Image } from '../domain/image.js';
import { formatIpv4, parseCidr, parseIpv4 } from '../domain/ip-pool.js';
import { NETWORK_SCOPES, type Network, type NetworkScope } from '../domain/network.js';
import type { Quota } from '../domain/quota.js';
import type { VeemContext } from './context.js';
import { DEFAULT_ORG, DEFAULT_OWNER } from './vm-draft.js';
import { checkInt, checkName } from './validation.js';

export interface RegisterImage {
  name: string;
  format: string;
  sizeMib: number;
  checksum: string;
  source?: string;
  organization?: string;
  owner?: string;
}

export interface CreateNetwork {
  name: string;
  cidr: string;
  rangeStart?: string;
  rangeEnd?: string;
  organization?: string;
  scope?: string;
  vlan?: number;
}

/** Images, virtual networks and quotas: the VEEM's catalogs. */
export class Catalog {
  constructor(private readonly ctx: VeemContext) {}

  // --- Images ----------------------------------------------------------------------------

  async registerImage(req: RegisterImage): Promise<Image> {
    checkName('name', req.name);
    if (!(DISK_FORMATS as readonly string[]).includes(req.format)) {
      throw errors.invalid('format', `"${req.format}" is not one of ${DISK_FORMATS.join(', ')}`);
    }
    checkInt('size_mib', req.sizeMib, 1, 64 * 1024 * 1024, ' MiB');
    if (!CHECKSUM.test(req.checksum))
      throw errors.invalid('checksum', `"${req.checksum}" must be sha256:<64 lower-case hex digits>`);
    const org = req.organization || DEFAULT_ORG;
    if ([...this.ctx.inv.images.values()].some((i) => i.name === req.name && i.organization === org)) {
      throw errors.exists('image', req.name);
    }
    const image: Image = {
      id: newId('img', this.ctx.now()),
      name: req.name,
      format: req.format as DiskFormat,
      sizeMib: req.sizeMib,
      checksum: req.checksum,
      organization: org,
      owner: req.owner || DEFAULT_OWNER,
      state: 'ready',
      source: req.source ?? '',
      createdAtMs: this.ctx.now(),
    };
    await this.ctx.store.saveImage(image);
    this.ctx.inv.images.set(image.id, image);
    return image;
  }

  image(id: string): Image {
    return this.ctx.inv.image(id);
  }

  images(organization?: string): Image[] {
    return [...this.ctx.inv.images.values()].filter((i) => !organization || i.organization === organization);
  }

  imageUsers(id: string): number {
    let n = 0;
    for (const vm of this.ctx.inv.vms.values()) if (vm.imageId === id) n++;
    return n;
  }

  async cloneImage(id: string, name: string): Promise<Image> {
    const src = this.image(id);
    return this.registerImage({ ...src, name, source: `clone:${src.id}` });
  }

  async deleteImage(id: string): Promise<Image> {
    const i = this.image(id);
    const users = this.imageUsers(i.id);
    if (users > 0) throw errors.precondition(`image ${i.name} is used by ${users} VMs`);
    await this.ctx.store.deleteImage(i.id);
    this.ctx.inv.images.delete(i.id);
    return i;
  }

  // --- Networks --------------------------------------------------------------------------

  async createNetwork(req: CreateNetwork): Promise<Network> {
    checkName('name', req.name);
    const cidr = parseCidr(req.cidr, 'cidr');
    const first = req.rangeStart ? parseIpv4(req.rangeStart, 'range_start') : cidr.first + 1;
    const last = req.rangeEnd ? parseIpv4(req.rangeEnd, 'range_end') : cidr.last;
    if (first < cidr.first || first > cidr.last)
      throw errors.invalid('range_start', `${formatIpv4(first)} is outside ${req.cidr}`);
    if (last < first || last > cidr.last)
      throw errors.invalid(
        'range_end',
        `${formatIpv4(last)} must be inside ${req.cidr} and not before range_start`,
      );
    const scope = (req.scope || 'organization') as NetworkScope;
    if (!NETWORK_SCOPES.includes(scope))
      throw errors.invalid('scope', `"${req.scope}" is not one of ${NETWORK_SCOPES.join(', ')}`);
    if (req.vlan !== undefined) checkInt('vlan', req.vlan, 0, 4094);
    const org = req.organization || DEFAULT_ORG;
    if (this.ctx.inv.networks().some((n) => n.name === req.name && n.organization === org))
      throw errors.exists('network', req.name);
    const network: Network = {
      id: newId('net', this.ctx.now()),
      name: req.name,
      cidr: req.cidr,
      // The first address of the subnet is the gateway; leases start after it by default.
      gateway: formatIpv4(cidr.first),
      rangeStart: formatIpv4(first),
      rangeEnd: formatIpv4(last),
      organization: org,
      scope,
      vlan: req.vlan ?? 0,
      createdAtMs: this.ctx.now(),
    };
    await this.ctx.store.saveNetwork(network);
    this.ctx.inv.addNetwork(network);
    return network;
  }

  async deleteNetwork(id: string): Promise<Network> {
    const n = this.ctx.inv.network(id);
    const { used } = this.ctx.inv.poolSize(n.id);
    if (used > 0) throw errors.precondition(`network ${n.name} still has ${used} leases`);
    await this.ctx.store.deleteNetwork(n.id);
    this.ctx.inv.removeNetwork(n.id);
    return n;
  }

  // --- Quotas ----------------------------------------------------------------------------

  quota(organization: string): Quota {
    return (
      this.ctx.inv.quotas.get(organization) ?? {
        organization,
        maxVms: 0,
        maxVcpus: 0,
        maxMemoryMib: 0,
        maxDiskMib: 0,
      }
    );
  }

  async setQuota(q: Quota): Promise<Quota> {
    if (!q.organization) throw errors.invalid('quota.organization', 'must be given');
    for (const k of ['maxVms', 'maxVcpus', 'maxMemoryMib', 'maxDiskMib'] as const)
      checkInt(`quota.${k}`, q[k], 0, 2 ** 31);
    await this.ctx.store.saveQuota(q);
    this.ctx.inv.quotas.set(q.organization, q);
    return q;
  }
}
