import type { Element } from '@xmldom/xmldom';
import { ReservoirError } from '@reservoir/runtime';
import type { OvfWriteCollection, OvfWriteSpec, OvfWriteSystem, XmlNode } from './document.js';
import type { OvfDisk } from './model.js';
import { OVF_1_NS, RASD_NS, VSSD_NS } from './namespaces.js';
import { hardwareItems } from './write-hardware.js';
import { contentsOf, validateSpec } from './write-validate.js';
import { badNamesOf, prefixesOf, XmlBuilder } from './xml-build.js';

type Content = OvfWriteSystem | OvfWriteCollection;

/**
 * Writes an OVF 1.x descriptor (envelope/1 namespace, `ovf:version="1.0"`). An inconsistent spec
 * (unknown disk, network, file or child id, duplicate ids, clashing prefixes) throws
 * `ReservoirError('INVALID_ARGUMENT')` with one problem per line.
 */
export function writeOvf(spec: OvfWriteSpec): string {
  const problems = validateSpec(spec);
  const foreign = foreignNodes(spec);
  for (const { node, path } of foreign) problems.push(...badNamesOf(node, path));
  const b = new XmlBuilder(OVF_1_NS, 'Envelope', [
    ['ovf', OVF_1_NS],
    ['rasd', RASD_NS],
    ['vssd', VSSD_NS],
  ]);
  const bindings = [
    ...foreign.flatMap(({ node }) => prefixesOf(node)),
    ...contentsOf(spec.content).flatMap((c) =>
      (c.extraAttributes ?? []).filter((a) => a.prefix !== '').map((a) => [a.prefix, a.ns] as const),
    ),
  ];
  for (const [prefix, ns] of bindings) {
    const clash = b.declare(prefix, ns);
    if (clash !== null && !problems.includes(clash)) problems.push(clash);
  }
  if (problems.length > 0) throw new ReservoirError('INVALID_ARGUMENT', problems.join('\n'));

  new DescriptorWriter(b).envelope(spec);
  return b.serialize();
}

class DescriptorWriter {
  constructor(private readonly b: XmlBuilder) {}

  envelope(spec: OvfWriteSpec): void {
    const { b } = this;
    const env = b.root;
    b.attr(env, OVF_1_NS, 'ovf:version', '1.0');
    const refs = this.ovf(env, 'References');
    for (const r of spec.references) {
      const file = this.ovf(refs, 'File');
      this.attrs(file, { id: r.id, href: r.href, size: r.size });
    }
    if (spec.disks.length > 0) {
      const section = this.section(env, 'DiskSection', 'Virtual disk information');
      for (const d of spec.disks) this.attrs(this.ovf(section, 'Disk'), diskAttributes(d));
    }
    if (spec.networks.length > 0) {
      const section = this.section(env, 'NetworkSection', 'The list of logical networks');
      for (const n of spec.networks) {
        const net = this.ovf(section, 'Network');
        this.attrs(net, { name: n.name });
        if (n.description !== '') this.ovf(net, 'Description', n.description);
      }
    }
    this.extras(env, spec.extraSections);
    this.content(env, spec.content);
  }

  private content(parent: Element, c: Content): void {
    const el = this.ovf(parent, c.kind);
    this.attrs(el, { id: c.id });
    for (const a of c.extraAttributes ?? []) this.b.foreignAttr(el, a);
    if (c.kind === 'VirtualSystemCollection') {
      this.ovf(el, 'Info', 'A collection of virtual systems');
      this.ovf(el, 'Name', c.name);
      if (c.startup.length > 0) {
        const section = this.section(el, 'StartupSection', 'Startup order of the virtual systems');
        for (const s of c.startup) {
          this.attrs(this.ovf(section, 'Item'), {
            id: s.id,
            order: s.order,
            startDelay: s.startDelaySeconds,
            waitingForGuest: String(s.waitingForGuest),
            startAction: s.startAction,
            stopDelay: s.stopDelaySeconds,
            stopAction: s.stopAction,
          });
        }
      }
      // Sections precede the nested content in the schema, extensions included.
      this.extras(el, c.extraSections);
      for (const child of c.children) this.content(el, child);
      return;
    }
    this.ovf(el, 'Info', 'A virtual machine');
    this.ovf(el, 'Name', c.name);
    this.products(el, c);
    if (c.osType !== '') {
      const os = this.section(el, 'OperatingSystemSection', 'The kind of installed guest operating system');
      this.attrs(os, { id: c.osType });
    }
    this.hardware(el, c);
    this.extras(el, c.extraSections);
  }

  private products(parent: Element, vs: OvfWriteSystem): void {
    if (vs.properties.length === 0) return;
    const section = this.section(parent, 'ProductSection', 'Product customization');
    for (const p of vs.properties) {
      const prop = this.ovf(section, 'Property');
      // ovf:type is required; ovf:value absent means "no default", which the model reads as ''.
      this.attrs(prop, {
        key: p.key,
        type: p.type === '' ? 'string' : p.type,
        value: p.value === '' ? null : p.value,
        userConfigurable: p.userConfigurable ? 'true' : null,
      });
      if (p.label !== '') this.ovf(prop, 'Label', p.label);
      if (p.description !== '') this.ovf(prop, 'Description', p.description);
    }
  }

  private hardware(parent: Element, vs: OvfWriteSystem): void {
    const { b } = this;
    const section = this.section(parent, 'VirtualHardwareSection', 'Virtual hardware requirements');
    const system = this.ovf(section, 'System');
    b.add(system, VSSD_NS, 'vssd:ElementName', 'Virtual Hardware Family');
    b.add(system, VSSD_NS, 'vssd:InstanceID', '0');
    b.add(system, VSSD_NS, 'vssd:VirtualSystemIdentifier', vs.id);
    for (const item of hardwareItems(vs)) {
      const el = this.ovf(section, 'Item');
      for (const key of Object.keys(item).sort()) b.add(el, RASD_NS, `rasd:${key}`, item[key]);
    }
  }

  private extras(parent: Element, nodes: XmlNode[] | undefined): void {
    for (const node of nodes ?? []) this.b.addNode(parent, node, OVF_1_NS);
  }

  private section(parent: Element, kind: string, info: string): Element {
    const el = this.ovf(parent, kind);
    this.ovf(el, 'Info', info);
    return el;
  }

  private ovf(parent: Element, name: string, text?: string): Element {
    return this.b.add(parent, OVF_1_NS, name, text);
  }

  /** Sets ovf: attributes in the given order, skipping null ones. */
  private attrs(el: Element, values: Record<string, string | number | null>): void {
    for (const [name, value] of Object.entries(values)) {
      if (value !== null) this.b.attr(el, OVF_1_NS, `ovf:${name}`, value);
    }
  }
}

/** Capacity in the largest binary unit that divides it; a missing capacity stays missing. */
function diskAttributes(d: OvfDisk): Record<string, string | number | null> {
  let capacity: number | null = d.capacityBytes;
  let units = 'byte';
  if (capacity !== null && Number.isInteger(capacity) && capacity > 0) {
    for (const exp of [40, 30, 20, 10]) {
      if (capacity % 2 ** exp === 0) {
        capacity /= 2 ** exp;
        units = `byte * 2^${exp}`;
        break;
      }
    }
  }
  return {
    diskId: d.diskId,
    capacity,
    capacityAllocationUnits: capacity === null ? null : units,
    fileRef: d.fileRef,
    format: d.format === '' ? null : d.format,
  };
}

function foreignNodes(spec: OvfWriteSpec): { node: XmlNode; path: string }[] {
  const at = (owner: string, nodes: XmlNode[] | undefined) =>
    (nodes ?? []).map((node, i) => ({ node, path: `${owner} extraSections[${i}]` }));
  return [
    ...at('Envelope', spec.extraSections),
    ...contentsOf(spec.content).flatMap((c) => at(`${c.kind} "${c.id}"`, c.extraSections)),
  ];
}
