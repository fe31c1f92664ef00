import type { Element } from '@xmldom/xmldom';
import { ReservoirError } from '@reservoir/runtime';
import type { OvfDisk, OvfModel, OvfProperty, OvfReference, OvfVirtualSystem } from './model.js';
import { editionOf } from './namespaces.js';
import { Problems } from './problems.js';
import { bytesPerUnit, parseNumber } from './units.js';
import { hardwareSections, summarizeHardware } from './hardware.js';
import { descendants, ovfAttr, ovfChildren, ovfKind, parseXmlRoot } from './xml.js';

const KNOWN_SECTIONS = new Set([
  'DiskSection',
  'NetworkSection',
  'DeploymentOptionSection',
  'ProductSection',
  'OperatingSystemSection',
  'VirtualHardwareSection',
  'AnnotationSection',
  'EulaSection',
  'StartupSection',
  'ResourceAllocationSection',
  'InstallSection',
]);

/** Parses an OVF descriptor (0.9, 1.x or 2.x) into the normalized model. */
export function parseOvf(xmlText: string, file = 'descriptor.ovf'): OvfModel {
  const problems = new Problems(file);
  const root = parseXmlRoot(xmlText, problems);
  const edition = editionOf(root.namespaceURI);
  if (root.localName !== 'Envelope' || edition === null) {
    const ns = root.namespaceURI ?? 'no namespace';
    problems.error(
      root,
      `not an OVF envelope (root element in ${ns}; expected Envelope in an OVF 0.9, 1.x or 2.x namespace)`,
    );
    throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  }

  const all = [root, ...descendants(root)];
  const references = parseReferences(root, problems);
  const networks = ovfChildren(root, 'NetworkSection').flatMap((s) =>
    ovfChildren(s, 'Network').map((n) => ovfAttr(n, 'name') ?? ''),
  );
  const defaults = propertyDefaults(all);
  const disks = parseDisks(all, defaults, problems);
  const defaultConfig = defaultConfiguration(all);
  warnUnknownRequired(all, problems);

  const systems = all.filter((el) => ovfKind(el) === 'VirtualSystem');
  if (systems.length === 0) problems.warn(root, 'no VirtualSystem');
  const virtualSystems = systems.map((vs) =>
    parseVirtualSystem(vs, disks, systems.length, defaultConfig, problems),
  );

  if (problems.errors.length > 0) throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  return { edition, references, networks, virtualSystems, warnings: problems.warnings };
}

function parseReferences(root: Element, problems: Problems): OvfReference[] {
  const seen = new Set<string>();
  return ovfChildren(root, 'References').flatMap((refs) =>
    ovfChildren(refs, 'File').map((f) => {
      const id = ovfAttr(f, 'id') ?? '';
      const href = ovfAttr(f, 'href') ?? '';
      if (id === '') problems.warn(f, 'File without ovf:id');
      else if (seen.has(id)) problems.warn(f, `duplicate File id "${id}"`);
      seen.add(id);
      if (href === '') problems.warn(f, `File "${id}" without ovf:href`);
      const rawSize = ovfAttr(f, 'size');
      let size: number | null = null;
      if (rawSize !== null) {
        size = parseNumber(rawSize);
        if (size === null) problems.error(f, `size "${rawSize}" is not a number`);
        else if (size < 0) problems.warn(f, `negative size ${size}`);
      }
      return { id, href, size };
    }),
  );
}

function propertyDefaults(all: Element[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of all) {
    if (ovfKind(el) !== 'Property') continue;
    const key = ovfAttr(el, 'key');
    const value = ovfAttr(el, 'value') ?? ovfAttr(el, 'defaultValue');
    if (key !== null && value !== null && !out.has(key)) out.set(key, value);
  }
  return out;
}

const PROPERTY_REF = /^\$\{([^}]+)\}$/;

function parseDisks(all: Element[], defaults: Map<string, string>, problems: Problems): Map<string, OvfDisk> {
  const disks = new Map<string, OvfDisk>();
  for (const section of all.filter((el) => ovfKind(el) === 'DiskSection')) {
    for (const d of ovfChildren(section, 'Disk')) {
      const diskId = ovfAttr(d, 'diskId') ?? '';
      if (diskId === '') problems.warn(d, 'Disk without ovf:diskId');
      else if (disks.has(diskId)) problems.warn(d, `duplicate diskId "${diskId}"`);
      disks.set(diskId, {
        diskId,
        capacityBytes: diskCapacity(d, defaults, problems),
        format: ovfAttr(d, 'format') ?? '',
        fileRef: ovfAttr(d, 'fileRef'),
      });
    }
  }
  return disks;
}

function diskCapacity(d: Element, defaults: Map<string, string>, problems: Problems): number | null {
  let raw = ovfAttr(d, 'capacity');
  if (raw === null) {
    problems.warn(d, 'no capacity');
    return null;
  }
  const ref = PROPERTY_REF.exec(raw.trim());
  if (ref?.[1] !== undefined) {
    const value = defaults.get(ref[1]);
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

function defaultConfiguration(all: Element[]): string | null {
  const section = all.find((el) => ovfKind(el) === 'DeploymentOptionSection');
  if (section === undefined) return null;
  const configs = ovfChildren(section, 'Configuration');
  const chosen = configs.find((c) => ovfAttr(c, 'default') === 'true') ?? configs[0];
  return chosen === undefined ? null : ovfAttr(chosen, 'id');
}

function warnUnknownRequired(all: Element[], problems: Problems): void {
  for (const el of all) {
    const kind = ovfKind(el) ?? el.localName ?? '';
    if (!kind.endsWith('Section') || KNOWN_SECTIONS.has(kind)) continue;
    if (ovfAttr(el, 'required') === 'true') problems.warn(el, `unknown section ${kind} is marked required`);
  }
}

function parseProperties(vs: Element, problems: Problems): OvfProperty[] {
  const seen = new Set<string>();
  const out: OvfProperty[] = [];
  for (const ps of ovfChildren(vs, 'ProductSection')) {
    const classPrefix = [ovfAttr(ps, 'class'), ovfAttr(ps, 'instance')].filter((s) => s !== null && s !== '');
    const props = [
      ...ovfChildren(ps, 'Property'),
      ...ovfChildren(ps, 'Category').flatMap((c) => ovfChildren(c, 'Property')),
    ];
    for (const p of props) {
      const bare = ovfAttr(p, 'key');
      if (bare === null || bare === '') {
        problems.warn(p, 'Property without ovf:key');
        continue;
      }
      const key = [...classPrefix, bare].join('.');
      if (seen.has(key)) problems.warn(p, `duplicate property key "${key}"`);
      seen.add(key);
      out.push({
        key,
        type: ovfAttr(p, 'type') ?? '',
        value: ovfAttr(p, 'value') ?? ovfAttr(p, 'defaultValue') ?? '',
      });
    }
  }
  return out;
}

function parseVirtualSystem(
  vs: Element,
  disks: Map<string, OvfDisk>,
  systemCount: number,
  defaultConfig: string | null,
  problems: Problems,
): OvfVirtualSystem {
  const id = ovfAttr(vs, 'id') ?? '';
  if (id === '') problems.warn(vs, 'VirtualSystem without ovf:id');
  const name = ovfChildren(vs, 'Name')[0]?.textContent?.trim() || id;
  const os = ovfChildren(vs, 'OperatingSystemSection')[0];
  const osType = os === undefined ? '' : (ovfAttr(os, 'id') ?? '');
  const hw = summarizeHardware(hardwareSections(vs), defaultConfig, problems);
  const diskIds = hw.diskIds.length > 0 || systemCount > 1 ? hw.diskIds : [...disks.keys()];
  const vsDisks = diskIds.flatMap((diskId) => {
    const d = disks.get(diskId);
    return d === undefined ? [] : [d];
  });
  return {
    id,
    name,
    osType,
    cpus: hw.cpus,
    memoryMiB: hw.memoryMiB,
    disks: vsDisks,
    nics: hw.nics,
    properties: parseProperties(vs, problems),
  };
}
