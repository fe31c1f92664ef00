// Each component must be something a VEEM can run: real CPUs and memory, disks whose images and
// networks are declared, and instance bounds the elasticity engine can honour.
import type { Component, ServiceManifest } from './model.js';
import type { Findings } from './problem.js';

export function checkComponents(m: ServiceManifest, f: Findings): void {
  const files = new Set(m.files.map((x) => x.id));
  const networks = new Set(m.networks.map((n) => n.name));
  const disks = new Map<string, { disk: Component['disks'][number]; owner: string }>();
  m.components.forEach((c, i) => {
    const p = `components[${i}]`;
    checkResources(c, p, f);
    checkBounds(c, p, f);
    c.networks.forEach((n, j) => {
      if (!networks.has(n))
        f.error(`${p}.networks[${j}]`, `NIC on network "${n}", which the NetworkSection does not declare`);
    });
    c.disks.forEach((d, j) => {
      const dp = `${p}.disks[${j}]`;
      if (!(d.capacityBytes > 0))
        f.error(`${dp}.capacityBytes`, `disk "${d.diskId}" capacity ${d.capacityBytes} is not positive`);
      if (d.fileRef !== null && !files.has(d.fileRef)) {
        f.error(
          `${dp}.fileRef`,
          `disk "${d.diskId}" refers to file "${d.fileRef}", which References does not list`,
        );
      }
      // OVF has one DiskSection: a disk id shared by components must mean the same disk.
      const seen = disks.get(d.diskId);
      if (seen === undefined) disks.set(d.diskId, { disk: d, owner: c.id });
      else if (JSON.stringify(seen.disk) !== JSON.stringify(d)) {
        f.error(dp, `disk "${d.diskId}" differs from the disk of that id in component "${seen.owner}"`);
      }
    });
  });
}

function checkResources(c: Component, p: string, f: Findings): void {
  if (!Number.isInteger(c.cpus) || c.cpus < 1)
    f.error(`${p}.cpus`, `cpus ${c.cpus} is not a whole number of at least 1`);
  if (!(c.memoryMiB > 0)) f.error(`${p}.memoryMiB`, `memory ${c.memoryMiB} MiB is not positive`);
  if (!Number.isInteger(c.startupOrder) || c.startupOrder < 0) {
    f.error(`${p}.startupOrder`, `startup order ${c.startupOrder} is not a whole number of at least 0`);
  }
  if (!(c.cooldownSeconds >= 0))
    f.error(`${p}.cooldownSeconds`, `cooldown ${c.cooldownSeconds} s is negative`);
}

function checkBounds(c: Component, p: string, f: Findings): void {
  const { min, max, initial } = c.instances;
  const whole = (n: number, key: string, least: number): boolean => {
    if (Number.isInteger(n) && n >= least) return true;
    f.error(`${p}.instances.${key}`, `instances ${key} ${n} is not a whole number of at least ${least}`);
    return false;
  };
  const ok = [whole(min, 'min', 0), whole(max, 'max', 1), whole(initial, 'initial', 0)].every(Boolean);
  if (!ok) return;
  if (min > max) f.error(`${p}.instances.max`, `instances max ${max} is below min ${min}`);
  else if (initial < min || initial > max) {
    f.error(`${p}.instances.initial`, `instances initial ${initial} is outside [min ${min}, max ${max}]`);
  }
}
