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
import { ovfAttr, ovfChild, ovfChildren, ovfKind, parseXmlDocument } from './xml.js';
import type { XmlElement } from './xml-tree.js';

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
  const { root } = parseXmlDocument(xmlText, problems);
  const edition = editionOf(root.namespaceURI);
  if (root.localName !== 'Envelope' || edition === null) {
    const ns = root.namespaceURI ?? 'no namespace';
    problems.error(
      root,
      `not an OVF envelope (root element in ${ns}; expected Envelope in an OVF 0.9, 1.x or 2.x namespace)`,
    );
    throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  }

  const byKind = elementsByKind(root);
  const references = parseReferences(root, problems);
  const networks: OvfNetwork[] = ovfChildren(root, 'NetworkSection').flatMap((s) =>
    ovfChildren(s, 'Network').map((n) => ({
      name: ovfAttr(n, 'name') ?? '',
      description: ovfChild(n, 'Description')?.textContent.trim() ?? '',
    })),
  );
  const disks = parseDisks(kindOf(byKind, 'DiskSection'), kindOf(byKind, 'Property'), problems);
  const defaultConfig = defaultConfiguration(kindOf(byKind, 'DeploymentOptionSection'));
  for (const el of kindOf(byKind, REQUIRED_UNKNOWN)) {
    problems.warn(el, `unknown section ${ovfKind(el) ?? el.localName} is marked required`);
  }

  const systems = kindOf(byKind, 'VirtualSystem');
  if (systems.length === 0) problems.warn(root, 'no VirtualSystem');
  const virtualSystems = systems.map((vs) =>
    parseVirtualSystem(vs, disks, systems.length, defaultConfig, problems),
  );
  const collections = kindOf(byKind, 'VirtualSystemCollection').map((el) => parseCollection(el, problems));
  const content = root.children.find((el) => CONTENT_KINDS.has(ovfKind(el) ?? ''));

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

/** The kinds parseOvfDocument looks for anywhere in the document. */
const INDEXED_KINDS = new Set([
  'DiskSection',
  'Property',
  'DeploymentOptionSection',
  'VirtualSystem',
  'VirtualSystemCollection',
]);

/** Where elementsByKind puts the sections of an unknown kind marked ovf:required="true". */
const REQUIRED_UNKNOWN = '#required';

/** One pass over every element (document order): those of the INDEXED_KINDS and REQUIRED_UNKNOWN, by kind. */
function elementsByKind(root: XmlElement): Map<string, XmlElement[]> {
  const out = new Map<string, XmlElement[]>();
  const add = (key: string, el: XmlElement) => {
    const list = out.get(key);
    if (list === undefined) out.set(key, [el]);
    else list.push(el);
  };
  // Depth first with an explicit stack (children pushed last to first): document order, and
  // neither the depth nor the breadth of a document reaches the call stack.
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    const ovf = ovfKind(el);
    if (ovf !== null && INDEXED_KINDS.has(ovf)) add(ovf, el);
    else {
      const kind = ovf ?? el.localName;
      if (kind.endsWith('Section') && !KNOWN_SECTIONS.has(kind) && ovfAttr(el, 'required') === 'true')
        add(REQUIRED_UNKNOWN, el);
    }
  }
  return out;
}

function kindOf(byKind: Map<string, XmlElement[]>, kind: string): XmlElement[] {
  return byKind.get(kind) ?? [];
}

function parseReferences(root: XmlElement, problems: Problems): OvfReference[] {
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

function defaultConfiguration(sections: XmlElement[]): string | null {
  const section = sections[0];
  if (section === undefined) return null;
  const configs = ovfChildren(section, 'Configuration');
  const chosen = configs.find((c) => ovfAttr(c, 'default') === 'true') ?? configs[0];
  return chosen === undefined ? null : ovfAttr(chosen, 'id');
}

/** ovf:id of the nearest enclosing VirtualSystemCollection, or null at the top. */
function parentCollectionId(el: XmlElement): string | null {
  for (let p = el.parent; p !== null; p = p.parent) {
    if (ovfKind(p) === 'VirtualSystemCollection') return ovfAttr(p, 'id') ?? '';
  }
  return null;
}

function nameOf(el: XmlElement, id: string): string {
  return ovfChild(el, 'Name')?.textContent.trim() || id;
}

function parseVirtualSystem(
  vs: XmlElement,
  disks: Map<string, OvfDisk>,
  systemCount: number,
  defaultConfig: string | null,
  problems: Problems,
): OvfSystemDetail {
  const id = ovfAttr(vs, 'id') ?? '';
  if (id === '') problems.warn(vs, 'VirtualSystem without ovf:id');
  const os = ovfChild(vs, 'OperatingSystemSection');
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
    line: vs.lineNumber,
    element: vs,
  };
}

function parseCollection(el: XmlElement, problems: Problems): OvfCollection {
  const id = ovfAttr(el, 'id') ?? '';
  return {
    id,
    name: nameOf(el, id),
    parentId: parentCollectionId(el),
    childIds: el.children
      .filter((c) => CONTENT_KINDS.has(ovfKind(c) ?? ''))
      .map((c) => ovfAttr(c, 'id') ?? ''),
    startup: parseStartup(el, problems),
    line: el.lineNumber,
    element: el,
  };
}
