// The full OVF document: what readers beyond `ovf inspect` need (collections, startup order,
// NIC connections, property metadata, foreign extension content), and what `writeOvf` takes.
import type { XmlElement } from './xml-tree.js';
import type { OvfDisk, OvfEdition, OvfProperty, OvfReference, OvfVirtualSystem } from './model.js';

export interface OvfNetwork {
  name: string;
  description: string;
}

export interface OvfPropertyDetail extends OvfProperty {
  label: string;
  description: string;
  userConfigurable: boolean;
}

export interface OvfStartupItem {
  /** ovf:id of the child system or collection. */
  id: string;
  order: number;
  waitingForGuest: boolean;
  startDelaySeconds: number;
  stopDelaySeconds: number;
  startAction: string;
  stopAction: string;
}

export interface OvfSystemDetail extends OvfVirtualSystem {
  /** ovf:id of the enclosing VirtualSystemCollection; null at the top. */
  parentId: string | null;
  /** The Connection of each ethernet adapter, in item order ('' when it names none). */
  nicNetworks: string[];
  propertyDetails: OvfPropertyDetail[];
  /** Line of the VirtualSystem element, for located errors of readers on top. */
  line: number;
  element: XmlElement;
}

export interface OvfCollection {
  id: string;
  name: string;
  parentId: string | null;
  /** ovf:id of direct children (systems and collections), in document order. */
  childIds: string[];
  startup: OvfStartupItem[];
  line: number;
  element: XmlElement;
}

export interface OvfDocument {
  edition: OvfEdition;
  references: OvfReference[];
  disks: OvfDisk[];
  networks: OvfNetwork[];
  /** Every VirtualSystem, nested ones included, in document order. */
  virtualSystems: OvfSystemDetail[];
  collections: OvfCollection[];
  /** The Envelope's content: a VirtualSystem or a VirtualSystemCollection id. */
  contentId: string;
  warnings: string[];
  /** The Envelope, for readers of foreign-namespace sections and attributes. */
  envelope: XmlElement;
  /** Name used in located messages ("file:line: <Element>: message"). */
  file: string;
}

// --- Writing -----------------------------------------------------------------------------

/** A foreign-namespace element to embed (extensions); written with the given prefix. */
export interface XmlNode {
  ns: string;
  prefix: string;
  name: string;
  attributes?: { name: string; value: string; ns?: string; prefix?: string }[];
  children?: XmlNode[];
  text?: string;
}

/** A foreign-namespace attribute on an OVF element. */
export interface XmlAttribute {
  ns: string;
  prefix: string;
  name: string;
  value: string;
}

export interface OvfWriteSystem {
  kind: 'VirtualSystem';
  id: string;
  name: string;
  /** CIM OperatingSystemSection ovf:id; '' writes none. */
  osType: string;
  cpus: number;
  memoryMiB: number;
  /** DiskSection diskIds attached to this system, in order. */
  diskIds: string[];
  /** One ethernet adapter per entry, connected to the named network. */
  nicNetworks: string[];
  properties: OvfPropertyDetail[];
  extraAttributes?: XmlAttribute[];
  /** Written after the OVF sections of the system. */
  extraSections?: XmlNode[];
}

export interface OvfWriteCollection {
  kind: 'VirtualSystemCollection';
  id: string;
  name: string;
  startup: OvfStartupItem[];
  children: (OvfWriteSystem | OvfWriteCollection)[];
  extraAttributes?: XmlAttribute[];
  extraSections?: XmlNode[];
}

export interface OvfWriteSpec {
  references: OvfReference[];
  disks: OvfDisk[];
  networks: OvfNetwork[];
  content: OvfWriteSystem | OvfWriteCollection;
  /** Written on the Envelope, after the OVF sections. */
  extraSections?: XmlNode[];
}
