// What a service costs per hour, from the resources its components ask for: at the initial size
// (what admission must afford) and at the largest size its rules may reach (SM-7).
import type { Component, ServiceManifest } from './model.js';

export interface PriceList {
  perVcpuHour: number;
  perGiBMemoryHour: number;
  perGiBDiskHour: number;
  currency: string;
}

/** Prices used when a site's own are not known (validation without a provider in mind). */
export const REFERENCE_PRICES: Readonly<PriceList> = {
  perVcpuHour: 0.02,
  perGiBMemoryHour: 0.005,
  perGiBDiskHour: 0.0001,
  currency: 'EUR',
};

export interface ComponentCost {
  component: string;
  perInstanceHour: number;
  perHourAtInitial: number;
  perHourAtMax: number;
}

export interface CostEstimate {
  currency: string;
  perHourAtInitial: number;
  perHourAtMax: number;
  perComponent: ComponentCost[];
}

const GIB = 2 ** 30;
const MIB = 2 ** 20;

/** What one instance of each component asks for, and how many there are: what a price quote needs. */
export function componentResources(m: ServiceManifest): {
  component: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
  instancesInitial: number;
  instancesMax: number;
}[] {
  return m.components.map((c) => ({
    component: c.id,
    vcpus: c.cpus,
    memoryMib: c.memoryMiB,
    diskMib: Math.ceil(c.disks.reduce((s, d) => s + d.capacityBytes, 0) / MIB),
    instancesInitial: c.instances.initial,
    instancesMax: c.instances.max,
  }));
}

export function instanceCostPerHour(c: Component, prices: PriceList): number {
  const diskGiB = c.disks.reduce((sum, d) => sum + d.capacityBytes, 0) / GIB;
  return (
    c.cpus * prices.perVcpuHour +
    (c.memoryMiB / 1024) * prices.perGiBMemoryHour +
    diskGiB * prices.perGiBDiskHour
  );
}

export function estimateCost(m: ServiceManifest, prices: PriceList): CostEstimate {
  const perComponent = m.components.map((c) => {
    const perInstanceHour = instanceCostPerHour(c, prices);
    return {
      component: c.id,
      perInstanceHour,
      perHourAtInitial: perInstanceHour * c.instances.initial,
      perHourAtMax: perInstanceHour * c.instances.max,
    };
  });
  return {
    currency: prices.currency,
    perHourAtInitial: perComponent.reduce((s, c) => s + c.perHourAtInitial, 0),
    perHourAtMax: perComponent.reduce((s, c) => s + c.perHourAtMax, 0),
    perComponent,
  };
}
