// OVF descriptor → service manifest. Every VirtualSystem, however deeply nested in collections,
// becomes one component; a lone top VirtualSystem is a one-component service. Structural problems
// (a system without CPUs or memory, a malformed rsv: value) throw located INVALID_ARGUMENT lines;
// semantic ones are left to validateManifest, which the returned source lets point back here.
import { parseOvfDocument, type OvfDocument, type OvfSystemDetail } from '@reservoir/ovf';
import { completeBounds, DEFAULT_COOLDOWN_SECONDS, DEFAULT_SCALE_IN } from './defaults.js';
import { ovfAttr, ovfChildren, rsvAttr, textOf, type XmlElement } from './dom.js';
import type { Component, ManifestFile, ManifestNetwork, ServiceManifest } from './model.js';
import { OvfReadContext } from './ovf-read-context.js';
import { readExtensions } from './ovf-read-extensions.js';
import type { ManifestSource } from './source.js';
import { startupOrders } from './startup-order.js';

export interface ReadManifest {
  manifest: ServiceManifest;
  source: ManifestSource;
}

/** Reads a descriptor and where each part of the model came from (for located validation). */
export function readOvfManifest(xmlText: string, file = 'manifest.ovf'): ReadManifest {
  const doc = parseOvfDocument(xmlText, file);
  const ctx = new OvfReadContext(file);
  const top = topContent(doc);
  ctx.place('', top.element);
  const ext = readExtensions([top.element, doc.envelope], ctx);
  const orders = startupOrders(doc);
  const places = elementIndex(doc);
  const components = doc.virtualSystems.map((vs, i) =>
    readComponent(vs, `components[${i}]`, orders[i] ?? 0, places, ctx),
  );
  const manifest: ServiceManifest = {
    id: top.id,
    name: top.name,
    description: annotation(top.element),
    files: readFiles(doc, places, ctx),
    networks: readNetworks(doc, places, ext.publicNetworks, ctx),
    components,
    kpis: ext.kpis,
    rules: ext.rules,
    deployment: ext.deployment,
    affinity: ext.affinity,
    sla: ext.sla,
    business: ext.business,
  };
  ctx.throwIfErrors();
  return { manifest, source: ctx.source };
}

/** OVF descriptor text → manifest; throws INVALID_ARGUMENT with every located problem. */
export function manifestFromOvf(xmlText: string, file = 'manifest.ovf'): ServiceManifest {
  return readOvfManifest(xmlText, file).manifest;
}

function topContent(doc: OvfDocument): { id: string; name: string; element: XmlElement } {
  const collection = doc.collections.find((c) => c.id === doc.contentId);
  if (collection !== undefined) {
    return { id: collection.id, name: collection.name || collection.id, element: collection.element };
  }
  const system = doc.virtualSystems.find((s) => s.id === doc.contentId);
  // A lone VirtualSystem is both the service and its one component; OVF has one id space, and
  // the service is written back as a collection around the component, so it takes another id.
  if (system !== undefined)
    return { id: `${system.id}-service`, name: system.name || system.id, element: system.element };
  return { id: doc.contentId, name: doc.contentId, element: doc.envelope };
}

/** The service description: the standard AnnotationSection of the top content. */
function annotation(el: XmlElement): string {
  const section = ovfChildren(el, 'AnnotationSection')[0];
  const text = section === undefined ? undefined : ovfChildren(section, 'Annotation')[0];
  return text === undefined ? '' : textOf(text);
}

/** The elements the model's parts were read from, looked up by id or name (built once per descriptor). */
interface ElementIndex {
  /** References/File by ovf:id. */
  files: Map<string, XmlElement>;
  /** NetworkSection/Network by ovf:name. */
  networks: Map<string, XmlElement>;
  /** DiskSection/Disk by ovf:diskId. */
  disks: Map<string, XmlElement>;
  /** Per collection id, its StartupSection/Item elements by ovf:id. */
  startupItems: Map<string, Map<string, XmlElement>>;
}

function elementIndex(doc: OvfDocument): ElementIndex {
  const section = (holder: XmlElement, name: string, item: string, key: string) =>
    firstBy(
      ovfChildren(holder, name).flatMap((s) => ovfChildren(s, item)),
      key,
    );
  const startupItems = new Map<string, Map<string, XmlElement>>();
  for (const c of doc.collections) {
    if (!startupItems.has(c.id)) startupItems.set(c.id, section(c.element, 'StartupSection', 'Item', 'id'));
  }
  return {
    files: section(doc.envelope, 'References', 'File', 'id'),
    networks: section(doc.envelope, 'NetworkSection', 'Network', 'name'),
    disks: section(doc.envelope, 'DiskSection', 'Disk', 'diskId'),
    startupItems,
  };
}

/** Elements by an OVF attribute's value; the first one wins, as a search in document order would find. */
function firstBy(elements: XmlElement[], attr: string): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const el of elements) {
    const key = ovfAttr(el, attr);
    if (key !== null && !out.has(key)) out.set(key, el);
  }
  return out;
}

function readFiles(doc: OvfDocument, places: ElementIndex, ctx: OvfReadContext): ManifestFile[] {
  return doc.references.map((r, i) => {
    const el = places.files.get(r.id);
    if (el !== undefined) ctx.place(`files[${i}]`, el);
    return { id: r.id, href: r.href, sizeBytes: r.size };
  });
}

function readNetworks(
  doc: OvfDocument,
  places: ElementIndex,
  publicNames: Set<string>,
  ctx: OvfReadContext,
): ManifestNetwork[] {
  return doc.networks.map((n, i) => {
    const el = places.networks.get(n.name);
    if (el !== undefined) ctx.place(`networks[${i}]`, el);
    const flagged = el === undefined ? null : rsvAttr(el, 'public');
    const isPublic =
      publicNames.has(n.name) || (el !== undefined && ctx.boolean(el, flagged, 'rsv:public', false));
    return { name: n.name, description: n.description, public: isPublic };
  });
}

function readComponent(
  vs: OvfSystemDetail,
  path: string,
  startupOrder: number,
  places: ElementIndex,
  ctx: OvfReadContext,
): Component {
  const el = vs.element;
  ctx.place(path, el);
  const item = vs.parentId === null ? undefined : places.startupItems.get(vs.parentId)?.get(vs.id);
  if (item !== undefined) ctx.place(`${path}.startupOrder`, item);
  if (vs.cpus === null)
    ctx.error(el, 'no virtual CPU count (Item of ResourceType 3): a component needs cpus');
  if (vs.memoryMiB === null)
    ctx.error(el, 'no memory size (Item of ResourceType 4): a component needs memory');
  const attr = (name: string) => ctx.integer(el, rsvAttr(el, name), `rsv:${name}`) ?? undefined;
  return {
    id: vs.id,
    name: vs.name || vs.id,
    osType: vs.osType,
    cpus: vs.cpus ?? 0,
    memoryMiB: vs.memoryMiB ?? 0,
    disks: vs.disks.map((d, j) => {
      if (d.capacityBytes === null) ctx.error(el, `disk "${d.diskId}" has no usable capacity`);
      const disk = places.disks.get(d.diskId);
      if (disk !== undefined) ctx.place(`${path}.disks[${j}]`, disk);
      return { diskId: d.diskId, capacityBytes: d.capacityBytes ?? 0, format: d.format, fileRef: d.fileRef };
    }),
    networks: vs.nicNetworks,
    properties: vs.propertyDetails.map((p) => ({
      key: p.key,
      // OVF requires the type; a descriptor leaving it out means a string.
      type: p.type || 'string',
      value: p.value,
      label: p.label,
      description: p.description,
      userConfigurable: p.userConfigurable,
    })),
    instances: completeBounds({ min: attr('min'), max: attr('max'), initial: attr('initial') }),
    startupOrder,
    dependsOn: (rsvAttr(el, 'dependsOn') ?? '').split(/[\s,]+/).filter((s) => s !== ''),
    scaleInPolicy: ctx.choice(
      el,
      rsvAttr(el, 'scaleIn'),
      ['youngest', 'oldest'] as const,
      'rsv:scaleIn',
      DEFAULT_SCALE_IN,
    ),
    cooldownSeconds: ctx.number(el, rsvAttr(el, 'cooldown'), 'rsv:cooldown') ?? DEFAULT_COOLDOWN_SECONDS,
  };
}
