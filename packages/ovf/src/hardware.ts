import type { Element } from '@xmldom/xmldom';
import { childText, ovfAttr, ovfChildren, childElements, ovfKind } from './xml.js';
import { bytesPerUnit, parseNumber } from './units.js';
import type { Problems } from './problems.js';

export const RESOURCE_PROCESSOR = 3;
export const RESOURCE_MEMORY = 4;
export const RESOURCE_ETHERNET = 10;

const ITEM_KINDS = new Set(['Item', 'StorageItem', 'EthernetPortItem']);

export interface HardwareSummary {
  cpus: number | null;
  memoryMiB: number | null;
  nics: number;
  /** Connection of each ethernet adapter, in item order ('' when it names none). */
  nicNetworks: string[];
  diskIds: string[];
}

/** Whether an Item applies to the default configuration (no ovf:configuration, or it lists the default). */
function appliesTo(item: Element, defaultConfig: string | null): 'always' | 'configured' | 'no' {
  const conf = ovfAttr(item, 'configuration');
  if (conf === null || conf.trim() === '') return 'always';
  if (defaultConfig !== null && conf.split(/[\s,]+/).includes(defaultConfig)) return 'configured';
  return 'no';
}

function items(section: Element): Element[] {
  return childElements(section).filter((c) => {
    const kind = ovfKind(c);
    return kind !== null && ITEM_KINDS.has(kind);
  });
}

/** Picks the item for a resource type: one matching the default configuration beats an unconfigured one. */
function pick(all: Element[], type: number, defaultConfig: string | null): Element | null {
  let chosen: Element | null = null;
  for (const item of all) {
    if (parseNumber(childText(item, 'ResourceType')) !== type) continue;
    const applies = appliesTo(item, defaultConfig);
    if (applies === 'configured') return item;
    if (applies === 'always' && chosen === null) chosen = item;
  }
  return chosen;
}

function quantity(item: Element, problems: Problems): number | null {
  const raw = childText(item, 'VirtualQuantity');
  if (raw === null) {
    problems.warn(item, 'no VirtualQuantity');
    return null;
  }
  const n = parseNumber(raw);
  if (n === null) problems.error(item, `VirtualQuantity "${raw}" is not a number`);
  return n;
}

const DISK_REF = /^(?:ovf:)?\/disk\/(.+)$/;

export function summarizeHardware(
  sections: Element[],
  defaultConfig: string | null,
  problems: Problems,
): HardwareSummary {
  const summary: HardwareSummary = { cpus: null, memoryMiB: null, nics: 0, nicNetworks: [], diskIds: [] };
  // Several VirtualHardwareSections (one per hypervisor) describe the same machine: use the first one.
  const section = sections[0];
  if (section === undefined) return summary;
  const all = items(section);
  const cpu = pick(all, RESOURCE_PROCESSOR, defaultConfig);
  if (cpu !== null) summary.cpus = quantity(cpu, problems);
  const mem = pick(all, RESOURCE_MEMORY, defaultConfig);
  if (mem !== null) {
    const q = quantity(mem, problems);
    const units = childText(mem, 'AllocationUnits');
    const perUnit = bytesPerUnit(units ?? 'byte * 2^20');
    if (perUnit === null) problems.warn(mem, `AllocationUnits "${units}" not understood`);
    else if (q !== null) summary.memoryMiB = (q * perUnit) / 2 ** 20;
  }
  for (const item of all) {
    if (appliesTo(item, defaultConfig) === 'no') continue;
    const type = parseNumber(childText(item, 'ResourceType'));
    if (type === RESOURCE_ETHERNET) {
      summary.nics++;
      summary.nicNetworks.push(childText(item, 'Connection') ?? '');
    }
    const host = childText(item, 'HostResource');
    const m = host === null ? null : DISK_REF.exec(host);
    if (m?.[1] !== undefined) summary.diskIds.push(m[1]);
  }
  return summary;
}

export function hardwareSections(vs: Element): Element[] {
  return ovfChildren(vs, 'VirtualHardwareSection');
}
