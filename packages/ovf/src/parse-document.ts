import type { Element } from '@xmldom/xmldom';
import { ReservoirError } from '@reservoir/runtime';
import type { OvfCollection, OvfDocument, OvfNetwork, OvfSystemDetail } from './document.js';
import { parseDisks } from './disks.js';
import { hardwareSections, summarizeHardware } from './hardware.js';
import type { OvfDisk, OvfReference } from './model.js';
import { editionOf } from './namespaces.js';
import { Problems } from './problems.js';
import { parseProperties } from './properties.js';
import { parseStartup } from './startup.js';
import { parseNumber } from './units.js';
import { childElements, descendants, ovfAttr, ovfChildren, ovfKind, parseXmlRoot } from './xml.js';

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

const CONTENT_KINDS = new Set(['VirtualSystem', 'VirtualSystemCollection']);

/** Parses an OVF descriptor (0.9, 1.x or 2.x) into the full document; see parseOvf for the error contract. */
export function parseOvfDocument(xmlText: string, file = 'descriptor.ovf'): OvfDocument {
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
  const networks: OvfNetwork[] = ovfChildren(root, 'NetworkSection').flatMap((s) =>
    ovfChildren(s, 'Network').map((n) => ({
      name: ovfAttr(n, 'name') ?? '',
      description: ovfChildren(n, 'Description')[0]?.textContent?.trim() ?? '',
    })),
  );
  const disks = parseDisks(all, problems);
  const defaultConfig = defaultConfiguration(all);
  warnUnknownRequired(all, problems);

  const systems = all.filter((el) => ovfKind(el) === 'VirtualSystem');
  if (systems.length === 0) problems.warn(root, 'no VirtualSystem');
  const virtualSystems = systems.map((vs) =>
    parseVirtualSystem(vs, disks, systems.length, defaultConfig, problems),
  );
  const collections = all
    .filter((el) => ovfKind(el) === 'VirtualSystemCollection')
    .map((el) => parseCollection(el, problems));
  const content = childElements(root).find((el) => CONTENT_KINDS.has(ovfKind(el) ?? ''));

  if (problems.errors.length > 0) throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  return {
    edition,
    references,
    disks: [...disks.values()],
    networks,
    virtualSystems,
    collections,
    contentId: content === undefined ? '' : (ovfAttr(content, 'id') ?? ''),
    warnings: problems.warnings,
    envelope: root,
    file,
  };
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

/** ovf:id of the nearest enclosing VirtualSystemCollection, or null at the top. */
function parentCollectionId(el: Element): string | null {
  for (let p = el.parentNode; p !== null && p.nodeType === 1; p = p.parentNode) {
    const parent = p as Element;
    if (ovfKind(parent) === 'VirtualSystemCollection') return ovfAttr(parent, 'id') ?? '';
  }
  return null;
}

function nameOf(el: Element, id: string): string {
  return ovfChildren(el, 'Name')[0]?.textContent?.trim() || id;
}

function parseVirtualSystem(
  vs: Element,
  disks: Map<string, OvfDisk>,
  systemCount: number,
  defaultConfig: string | null,
  problems: Problems,
): OvfSystemDetail {
  const id = ovfAttr(vs, 'id') ?? '';
  if (id === '') problems.warn(vs, 'VirtualSystem without ovf:id');
  const os = ovfChildren(vs, 'OperatingSystemSection')[0];
  const hw = summarizeHardware(hardwareSections(vs), defaultConfig, problems);
  // A lone system without disk Items owns every disk of the package (VirtualBox 0.9 and
  // hand-written descriptors); with several systems an unattached disk belongs to none.
  const diskIds = hw.diskIds.length > 0 || systemCount > 1 ? hw.diskIds : [...disks.keys()];
  const propertyDetails = parseProperties(vs, problems);
  return {
    id,
    name: nameOf(vs, id),
    osType: os === undefined ? '' : (ovfAttr(os, 'id') ?? ''),
    cpus: hw.cpus,
    memoryMiB: hw.memoryMiB,
    disks: diskIds.flatMap((diskId) => disks.get(diskId) ?? []),
    nics: hw.nics,
    properties: propertyDetails.map(({ key, type, value }) => ({ key, type, value })),
    parentId: parentCollectionId(vs),
    nicNetworks: hw.nicNetworks,
    propertyDetails,
    line: vs.lineNumber ?? 0,
    element: vs,
  };
}

function parseCollection(el: Element, problems: Problems): OvfCollection {
  const id = ovfAttr(el, 'id') ?? '';
  return {
    id,
    name: nameOf(el, id),
    parentId: parentCollectionId(el),
    childIds: childElements(el)
      .filter((c) => CONTENT_KINDS.has(ovfKind(c) ?? ''))
      .map((c) => ovfAttr(c, 'id') ?? ''),
    startup: parseStartup(el, problems),
    line: el.lineNumber ?? 0,
    element: el,
  };
}
