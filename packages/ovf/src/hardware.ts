import { childText, ovfAttr, ovfChildren, ovfKind } from './xml.js';
import { bytesPerUnit, parseNumber } from './units.js';
import type { Problems } from './problems.js';
import type { XmlElement } from './xml-tree.js';

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
function appliesTo(item: XmlElement, defaultConfig: string | null): 'always' | 'configured' | 'no' {
  const conf = ovfAttr(item, 'configuration');
  if (conf === null || conf.trim() === '') return 'always';
  if (defaultConfig !== null && conf.split(/[\s,]+/).includes(defaultConfig)) return 'configured';
  return 'no';
}

interface HardwareItem {
  el: XmlElement;
  type: number | null;
  applies: 'always' | 'configured' | 'no';
}

function items(section: XmlElement, defaultConfig: string | null): HardwareItem[] {
  const out: HardwareItem[] = [];
  for (const el of section.children) {
    const kind = ovfKind(el);
    if (kind === null || !ITEM_KINDS.has(kind)) continue;
    out.push({
      el,
      type: parseNumber(childText(el, 'ResourceType')),
      applies: appliesTo(el, defaultConfig),
    });
  }
  return out;
}

/** Picks the item for a resource type: one matching the default configuration beats an unconfigured one. */
function pick(all: HardwareItem[], type: number): XmlElement | null {
  let chosen: XmlElement | null = null;
  for (const item of all) {
    if (item.type !== type) continue;
    if (item.applies === 'configured') return item.el;
    if (item.applies === 'always' && chosen === null) chosen = item.el;
  }
  return chosen;
}

function quantity(item: XmlElement, problems: Problems): number | null {
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
  sections: XmlElement[],
  defaultConfig: string | null,
  problems: Problems,
): HardwareSummary {
  const summary: HardwareSummary = { cpus: null, memoryMiB: null, nics: 0, nicNetworks: [], diskIds: [] };
  // Several VirtualHardwareSections (one per hypervisor) describe the same machine: use the first one.
  const section = sections[0];
  if (section === undefined) return summary;
  const all = items(section, defaultConfig);
  const cpu = pick(all, RESOURCE_PROCESSOR);
  if (cpu !== null) summary.cpus = quantity(cpu, problems);
  const mem = pick(all, RESOURCE_MEMORY);
  if (mem !== null) {
    const q = quantity(mem, problems);
    const units = childText(mem, 'AllocationUnits');
    const perUnit = bytesPerUnit(units ?? 'byte * 2^20');
    if (perUnit === null) problems.warn(mem, `AllocationUnits "${units}" not understood`);
    else if (q !== null) summary.memoryMiB = (q * perUnit) / 2 ** 20;
  }
  for (const { el: item, type, applies } of all) {
    if (applies === 'no') continue;
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

export function hardwareSections(vs: XmlElement): XmlElement[] {
  return ovfChildren(vs, 'VirtualHardwareSection');
}
