import { formatIpv4, parseCidr } from '../../domain/ip-pool.js';
import type { Vm } from '../../domain/vm.js';
import type { VeemContext } from '../context.js';
import type { GuestView } from './types.js';

/** The processor a guest sees when its host names none: the seed-001 test bed's Xeon E5. */
export const DEFAULT_CPU_MODEL = 'Intel(R) Xeon(R) CPU E5-2650 0 @ 2.00GHz';

/**
 * What the guest of a VM reports about itself: the host's CPU model (hosts pass it through, as
 * seed 001 observed), its vCPUs and memory, its leased addresses and the routes of its networks
 * (the first address of a network is its gateway).
 */
export function guestView(ctx: VeemContext, vm: Vm): GuestView {
  const host = vm.host ? ctx.inv.hosts.get(vm.host) : undefined;
  const routes: string[] = [];
  vm.nics.forEach((nic, i) => {
    const net = ctx.inv.networks().find((n) => n.id === nic.networkId);
    if (!net) return;
    routes.push(`${net.cidr} dev eth${i}`);
    if (i === 0) {
      const { network } = parseCidr(net.cidr, 'cidr');
      routes.push(`default via ${formatIpv4(network + 1)} dev eth0`);
    }
  });
  return {
    cpuModel: host?.labels['cpu-model'] || DEFAULT_CPU_MODEL,
    vcpus: vm.resources.vcpus,
    memoryMib: vm.resources.memoryMib,
    ips: vm.nics.map((n) => n.ip).filter(Boolean),
    routes,
  };
}
