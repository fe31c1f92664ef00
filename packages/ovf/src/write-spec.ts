import { ReservoirError } from '@reservoir/runtime';
import type { OvfDocument, OvfWriteCollection, OvfWriteSpec, OvfWriteSystem, XmlNode } from './document.js';
import { foreignAttributesOf, xmlNodeOf } from './foreign.js';
import { ovfKind } from './xml.js';
import type { XmlElement } from './xml-tree.js';

const CONTENT_KINDS = new Set(['VirtualSystem', 'VirtualSystemCollection']);

// Children writeOvf produces itself from the spec; every other child is carried as an extraSection.
// DeploymentOptionSection and Strings are dropped: the writer keeps only the default configuration,
// and Strings (message bundles) must follow the content, where extraSections cannot go.
const WRITTEN_BY_KIND: Record<string, Set<string>> = {
  Envelope: new Set(['References', 'DiskSection', 'NetworkSection', 'DeploymentOptionSection', 'Strings']),
  VirtualSystem: new Set([
    'Info',
    'Name',
    'ProductSection',
    'OperatingSystemSection',
    'VirtualHardwareSection',
  ]),
  VirtualSystemCollection: new Set(['Info', 'Name', 'StartupSection']),
};

/**
 * The spec that writes a parsed document back out; sections the writer does not model (EULA,
 * annotations, vendor sections, a collection's ProductSection) travel as extraSections. Lost on the
 * way: hardware beyond CPU, memory, disks and NICs (controller and NIC models, CD/floppy, video,
 * vendor Item config, ovf:transport), the non-default DeploymentOption values, ProductSection product
 * info and class/instance grouping (each property keeps its full `class.key.instance` key), foreign
 * attributes on the Envelope and on OperatingSystemSection, and Strings bundles.
 */
export function toWriteSpec(doc: OvfDocument): OvfWriteSpec {
  const content = doc.envelope.children.find((el) => CONTENT_KINDS.has(ovfKind(el) ?? ''));
  if (content === undefined) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${doc.file}: no VirtualSystem or VirtualSystemCollection to write`,
    );
  }
  const extra = extraSections(doc.envelope, 'Envelope');
  return {
    references: doc.references.map((r) => ({ ...r })),
    disks: doc.disks.map((d) => ({ ...d })),
    networks: doc.networks.map((n) => ({ ...n })),
    content: contentOf(doc, content),
    ...(extra.length > 0 ? { extraSections: extra } : {}),
  };
}

function contentOf(doc: OvfDocument, el: XmlElement): OvfWriteSystem | OvfWriteCollection {
  const kind = ovfKind(el) as 'VirtualSystem' | 'VirtualSystemCollection';
  const extras = {
    ...nonEmpty('extraAttributes', foreignAttributesOf(el)),
    ...nonEmpty('extraSections', extraSections(el, kind)),
  };
  if (kind === 'VirtualSystemCollection') {
    const c = doc.collections.find((x) => x.element === el);
    if (c === undefined) throw new Error('collection missing from its own document');
    return {
      kind,
      id: c.id,
      name: c.name,
      startup: c.startup.map((s) => ({ ...s })),
      children: el.children.filter((k) => CONTENT_KINDS.has(ovfKind(k) ?? '')).map((k) => contentOf(doc, k)),
      ...extras,
    };
  }
  const vs = doc.virtualSystems.find((x) => x.element === el);
  if (vs === undefined) throw new Error('VirtualSystem missing from its own document');
  return {
    kind,
    id: vs.id,
    name: vs.name,
    osType: vs.osType,
    // The writer omits a 0 quantity, which parses back as null.
    cpus: vs.cpus ?? 0,
    memoryMiB: vs.memoryMiB ?? 0,
    diskIds: vs.disks.map((d) => d.diskId),
    nicNetworks: [...vs.nicNetworks],
    properties: vs.propertyDetails.map((p) => ({ ...p })),
    ...extras,
  };
}

function extraSections(el: XmlElement, kind: string): XmlNode[] {
  const written = WRITTEN_BY_KIND[kind] ?? new Set<string>();
  return el.children
    .filter((c) => {
      const k = ovfKind(c);
      return k === null || !(written.has(k) || CONTENT_KINDS.has(k));
    })
    .map(xmlNodeOf);
}

function nonEmpty<K extends string, T>(key: K, values: T[]): Partial<Record<K, T[]>> {
  return values.length > 0 ? ({ [key]: values } as Record<K, T[]>) : {};
}
