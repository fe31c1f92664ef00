// Reading extension content (vendor sections and attributes, or OVF sections the writer does not
// model) out of a parsed descriptor as XmlNode/XmlAttribute values that writeOvf can embed again.
import type { XmlAttribute, XmlNode } from './document.js';
import { editionOf, isOvfNamespace, OVF_1_NS, XMLNS_NS, XSI_NS } from './namespaces.js';
import { ovfKind } from './xml.js';
import type { XmlElement } from './xml-tree.js';

/**
 * An element as an XmlNode, ready for writeOvf: elements and attributes in the document's own OVF
 * namespace (any edition) move to the 1.x one (elements unprefixed, attributes `ovf:`), and a 0.9
 * `<Section xsi:type="ovf:X_Type">` becomes `<X>`. Another edition's namespace (VMware's `ovf2:`
 * sections in 1.x descriptors) stays as it is. Text is kept verbatim when it holds more than whitespace.
 */
export function xmlNodeOf(el: XmlElement): XmlNode {
  const edition = editionOf(el.root.namespaceURI);
  return nodeOf(el, (ns) => edition !== null && editionOf(ns) === edition);
}

function nodeOf(el: XmlElement, own: (ns: string | null) => boolean): XmlNode {
  const ovf = own(el.namespaceURI);
  const typed = ovf && (el.localName === 'Section' || el.localName === 'Content');
  const attributes: NonNullable<XmlNode['attributes']> = [];
  for (const a of el.attributes) {
    if (a.namespaceURI === XMLNS_NS || a.name === 'xmlns') continue;
    if (typed && a.namespaceURI === XSI_NS && a.localName === 'type') continue;
    const name = a.localName;
    if (a.namespaceURI === null) attributes.push({ name, value: a.value });
    else if (own(a.namespaceURI)) attributes.push({ name, value: a.value, ns: OVF_1_NS, prefix: 'ovf' });
    else attributes.push({ name, value: a.value, ns: a.namespaceURI, prefix: a.prefix ?? '' });
  }
  const node: XmlNode = {
    ns: ovf ? OVF_1_NS : (el.namespaceURI ?? ''),
    prefix: ovf ? '' : (el.prefix ?? ''),
    name: ovf ? (ovfKind(el) ?? el.localName) : el.localName,
  };
  if (attributes.length > 0) node.attributes = attributes;
  const children = el.children.map((c) => nodeOf(c, own));
  if (children.length > 0) node.children = children;
  const text = el.directText;
  if (text.trim() !== '') node.text = text;
  return node;
}

/** Attributes of an element in a vendor namespace (not OVF, XSI or a namespace declaration). */
export function foreignAttributesOf(el: XmlElement): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  for (const a of el.attributes) {
    const ns = a.namespaceURI;
    if (ns === null || ns === XMLNS_NS || ns === XSI_NS || isOvfNamespace(ns)) continue;
    out.push({ ns, prefix: a.prefix ?? '', name: a.localName, value: a.value });
  }
  return out;
}
