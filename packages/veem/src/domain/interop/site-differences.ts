import type { InteropInput, TargetNetwork } from './input.js';
import type { Difference } from './report.js';
import { virtualHardwareFamily, type Requirements } from './requirements.js';

// What the target site means for the VM whichever host takes it: where it is (geography), which
// licences it honours, and whether the VM's subnets exist there (addresses). None of these is
// solved by a rebuild, so a blocking one rules out every level.

export function siteDifferences(input: InteropInput, req: Requirements): Difference[] {
  return [...geography(input, req), ...licences(input, req), ...addressing(input, req), ...unknown(req)];
}

/** Whether every NIC of the VM finds a target network with its CIDR, so its address can stay. */
export function sameSubnets(input: InteropInput): boolean {
  return input.vm.nics.every((n) => subnet(input.target.networks, n.cidr) !== undefined);
}

function subnet(networks: readonly TargetNetwork[], cidr: string): TargetNetwork | undefined {
  const want = cidr.trim();
  return networks.find((n) => n.cidr.trim() === want);
}

function upper(cs: readonly string[]): string[] {
  return cs.map((c) => c.trim().toUpperCase());
}

function geography(input: InteropInput, req: Requirements): Difference[] {
  const ds: Difference[] = [];
  const there = input.target.country.trim().toUpperCase();
  const here = input.source.country.trim().toUpperCase();
  const lists = req.countries.map((c) => ({ field: `vm.requirements.${c.key}`, allowed: c.countries }));
  const service = input.constraints?.allowedCountries;
  if (service) lists.push({ field: 'constraints.allowedCountries', allowed: upper(service) });
  // The same list stated twice (by the VM and its service) is one difference, not two.
  const seen = new Set<string>();
  for (const { field, allowed } of lists) {
    const key = [...allowed].sort().join(',');
    if (allowed.includes(there) || seen.has(key)) continue;
    seen.add(key);
    ds.push({
      code: 'GEOGRAPHY',
      severity: 'blocking',
      field,
      message: `the VM may run in ${allowed.length ? allowed.join(', ') : 'no country'} only; site ${input.target.site} is in ${there}`,
      source: allowed.join(','),
      target: there,
    });
  }
  // The site's own policy is about where workloads come from: it runs them in its own country anyway.
  const policy = input.target.allowedCountries;
  if (policy && !upper(policy).includes(here)) {
    ds.push({
      code: 'GEOGRAPHY',
      severity: 'blocking',
      field: 'target.allowedCountries',
      message: `site ${input.target.site} takes workloads from ${policy.length ? upper(policy).join(', ') : 'no country'} only; the VM comes from ${here}`,
      source: here,
      target: upper(policy).join(','),
    });
  }
  return ds;
}

function licences(input: InteropInput, req: Requirements): Difference[] {
  const honoured = new Set(input.target.licences);
  return req.licences
    .filter((l) => !honoured.has(l))
    .map((l) => ({
      code: 'LICENCE_UNAVAILABLE',
      severity: 'blocking' as const,
      field: 'vm.requirements.licence',
      message: `the VM needs licence ${l}; site ${input.target.site} honours ${input.target.licences.length ? [...input.target.licences].sort().join(', ') : 'none'}`,
      source: l,
      target: [...input.target.licences].sort().join(','),
    }));
}

function addressing(input: InteropInput, req: Requirements): Difference[] {
  const ds: Difference[] = [];
  const nets = input.target.networks;
  const have = nets.length ? nets.map((n) => `${n.name} ${n.cidr}`).join(', ') : 'no network';
  input.vm.nics.forEach((nic, i) => {
    if (subnet(nets, nic.cidr)) return;
    ds.push({
      code: 'ADDRESS_CHANGE',
      severity: req.staticIp ? 'blocking' : 'warning',
      field: `vm.nics[${i}].ip`,
      message:
        `nic ${i} loses its address ${nic.ip}: the target has no ${nic.cidr} network (it has ${have})` +
        (req.staticIp ? ' and the VM requires a static IP' : ''),
      source: nic.ip,
      target: '',
    });
    // A network of the same name on another subnet is the likely cause of a surprise: say so.
    const namesake = nets.find((n) => n.name === nic.networkId);
    if (namesake) {
      ds.push({
        code: 'SUBNET_CHANGE',
        severity: 'warning',
        field: `vm.nics[${i}].cidr`,
        message: `network ${nic.networkId} is ${namesake.cidr} at the target, not ${nic.cidr}`,
        source: nic.cidr,
        target: namesake.cidr,
      });
    }
  });
  return ds;
}

function unknown(req: Requirements): Difference[] {
  const ds: Difference[] = req.unknown.map((kv) => {
    const key = kv.slice(0, kv.indexOf('='));
    return {
      code: 'REQUIREMENT_UNSUPPORTED',
      severity: 'blocking' as const,
      field: `vm.requirements.${key}`,
      message: `requirement ${kv} is not one the target can check, so it cannot be promised`,
      source: kv,
    };
  });
  if (req.virtualHardware !== undefined && virtualHardwareFamily(req.virtualHardware) === undefined) {
    ds.push({
      code: 'REQUIREMENT_UNSUPPORTED',
      severity: 'blocking',
      field: 'vm.requirements.virtual-hardware',
      message: `virtual hardware ${req.virtualHardware} belongs to no known hypervisor family, so no target can run or rebuild it`,
      source: req.virtualHardware,
    });
  }
  return ds;
}
