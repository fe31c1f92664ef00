import { errors } from '@reservoir/runtime';
import { formatIpv4, parseCidr, parseIpv4 } from '../ip-pool.js';
import type { GuestFacts } from './guest-facts.js';
import { sourceDiskFormat, type GuestProfile } from './guest-profiles.js';
import type { HypervisorProfile } from './hypervisor-profile.js';
import type { Free, InteropInput } from './input.js';

// The test bed a migration matrix runs on: one host per hypervisor family at one site, as in
// seed 001 (four servers in an isolated lab partition). Which hosts share a subnet and a CPU model
// is what decides, with the families' own limits and features, where a guest keeps its address and
// its processor, so the matrix follows from the test bed rather than from per-cell rules.

export interface TestbedHost {
  family: string;
  hostId: string;
  cpuModel: string;
  network: { name: string; cidr: string };
  free: Free;
}

export interface Testbed {
  site: string;
  country: string;
  licences: readonly string[];
  hosts: readonly TestbedHost[];
}

const LAB_FREE: Free = { vcpus: 32, memoryMib: 256 * 1024, diskMib: 1024 * 1024 };

/**
 * Seed 001's lab: the CPUs are identical for VMware, Xen and KVM and different for Hyper-V. The KVM
 * and Xen hosts bridge onto one Linux VLAN; ESXi and Hyper-V each have a virtual switch network of
 * their own. Memory is larger than the seed's 64 GB so that the per-VM limits, not the lab, decide
 * where the large database goes.
 */
export const SEED_001_TESTBED: Testbed = {
  site: 'eic-lab',
  country: 'US',
  licences: ['sql-server', 'windows-server'],
  hosts: [
    {
      family: 'kvm',
      hostId: 'c6220-kvm',
      cpuModel: 'Intel Xeon E5-2650 @ 2.00GHz',
      network: { name: 'br0', cidr: '10.1.0.0/24' },
      free: LAB_FREE,
    },
    {
      family: 'xen',
      hostId: 'c6220-xen',
      cpuModel: 'Intel Xeon E5-2650 @ 2.00GHz',
      network: { name: 'xenbr0', cidr: '10.1.0.0/24' },
      free: LAB_FREE,
    },
    {
      family: 'vmware',
      hostId: 'c6220-esxi',
      cpuModel: 'Intel Xeon E5-2650 @ 2.00GHz',
      network: { name: 'VM Network', cidr: '10.2.0.0/24' },
      free: LAB_FREE,
    },
    {
      family: 'hyperv',
      hostId: 's2600gz-hyperv',
      cpuModel: 'Intel Xeon E5-2850 @ 2.70GHz',
      network: { name: 'External', cidr: '10.3.0.0/24' },
      free: LAB_FREE,
    },
  ],
};

export function testbedHost(bed: Testbed, family: string): TestbedHost {
  const h = bed.hosts.find((x) => x.family === family);
  if (!h) throw errors.notFound('test bed host of family', family);
  return h;
}

/** The guest's address on a test bed network: the tenth host address, the first being the gateway. */
export function guestIp(host: TestbedHost): string {
  const c = parseCidr(host.network.cidr, 'network.cidr');
  return formatIpv4(Math.min(c.first + 9, c.last));
}

function gateway(host: TestbedHost): string {
  return formatIpv4(parseCidr(host.network.cidr, 'network.cidr').first);
}

/** The interoperability question of one matrix cell: the guest on the source family's host, to the target's. */
export function cellInput(
  guest: GuestProfile,
  source: HypervisorProfile,
  target: HypervisorProfile,
  bed: Testbed,
): InteropInput {
  const from = testbedHost(bed, source.hypervisor);
  const to = testbedHost(bed, target.hypervisor);
  return {
    vm: {
      id: `${guest.id}-${source.hypervisor}`,
      name: guest.title,
      vcpus: guest.vcpus,
      memoryMib: guest.memoryMib,
      diskMib: guest.diskMib,
      diskFormat: sourceDiskFormat(source),
      requirements: guest.requirements,
      nics: [{ networkId: from.network.name, ip: guestIp(from), cidr: from.network.cidr }],
      state: 'running',
    },
    source: {
      site: bed.site,
      hostId: from.hostId,
      profile: source,
      country: bed.country,
      hostCpuModel: from.cpuModel,
    },
    target: {
      site: bed.site,
      country: bed.country,
      hosts: [{ hostId: to.hostId, profile: target, free: to.free, cpuModel: to.cpuModel }],
      networks: [to.network],
      licences: bed.licences,
    },
  };
}

/**
 * What the guest reports on a test bed host. A guest that lands on its own subnet keeps its address;
 * on another one it takes the address DHCP gives there, which is what seed 001 saw.
 */
export function guestFactsOn(guest: GuestProfile, host: TestbedHost, keepIp?: string): GuestFacts {
  const ip = keepIp !== undefined && sameSubnet(keepIp, host) ? keepIp : guestIp(host);
  return {
    cpuModel: host.cpuModel,
    vcpus: guest.vcpus,
    memoryMib: guest.memoryMib,
    ips: [ip],
    routes: [`default via ${gateway(host)}`, `${host.network.cidr} dev eth0`],
  };
}

function sameSubnet(ip: string, host: TestbedHost): boolean {
  const c = parseCidr(host.network.cidr, 'network.cidr');
  const n = parseIpv4(ip, 'ip');
  return n >= c.first && n <= c.last;
}
