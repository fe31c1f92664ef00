import type { OvfDisk } from './model.js';
import type { Problems } from './problems.js';
import { bytesPerUnit, parseNumber } from './units.js';
import { ovfAttr, ovfChildren } from './xml.js';
import type { XmlElement } from './xml-tree.js';

/**
 * Every DiskSection's disks by diskId (a later duplicate wins, with a warning); `properties` are
 * the document's Property elements, whose defaults `ovf:capacity="${key}"` may refer to.
 */
export function parseDisks(
  sections: readonly XmlElement[],
  properties: readonly XmlElement[],
  problems: Problems,
): Map<string, OvfDisk> {
  // Read on the first `${key}` capacity: most descriptors have none.
  let defaults: Map<string, string> | undefined;
  const defaultOf = (key: string) => (defaults ??= propertyDefaults(properties)).get(key);
  const disks = new Map<string, OvfDisk>();
  for (const section of sections) {
    for (const d of ovfChildren(section, 'Disk')) {
      const diskId = ovfAttr(d, 'diskId') ?? '';
      if (diskId === '') problems.warn(d, 'Disk without ovf:diskId');
      else if (disks.has(diskId)) problems.warn(d, `duplicate diskId "${diskId}"`);
      disks.set(diskId, {
        diskId,
        capacityBytes: diskCapacity(d, defaultOf, problems),
        format: ovfAttr(d, 'format') ?? '',
        fileRef: ovfAttr(d, 'fileRef'),
      });
    }
  }
  return disks;
}

/** Bare property key → its default, for `ovf:capacity="${disksize}"`. */
function propertyDefaults(properties: readonly XmlElement[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of properties) {
    const key = ovfAttr(el, 'key');
    const value = ovfAttr(el, 'value') ?? ovfAttr(el, 'defaultValue');
    if (key !== null && value !== null && !out.has(key)) out.set(key, value);
  }
  return out;
}

const PROPERTY_REF = /^\$\{([^}]+)\}$/;

function diskCapacity(
  d: XmlElement,
  defaultOf: (key: string) => string | undefined,
  problems: Problems,
): number | null {
  let raw = ovfAttr(d, 'capacity');
  if (raw === null) {
    problems.warn(d, 'no capacity');
    return null;
  }
  const ref = PROPERTY_REF.exec(raw.trim());
  if (ref?.[1] !== undefined) {
    const value = defaultOf(ref[1]);
    if (value === undefined || parseNumber(value) === null) {
      problems.warn(d, `capacity "${raw}" cannot be resolved from a property default`);
      return null;
    }
    raw = value;
  }
  const n = parseNumber(raw);
  if (n === null) {
    problems.error(d, `capacity "${raw}" is not a number`);
    return null;
  }
  const units = ovfAttr(d, 'capacityAllocationUnits');
  const perUnit = bytesPerUnit(units);
  if (perUnit === null) {
    problems.warn(d, `capacityAllocationUnits "${units}" not understood`);
    return null;
  }
  return n * perUnit;
}
