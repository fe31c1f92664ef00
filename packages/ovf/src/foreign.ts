// Reading extension content (vendor sections and attributes, or OVF sections the writer does not
// model) out of a parsed descriptor as XmlNode/XmlAttribute values that writeOvf can embed again.
import type { Element } from '@xmldom/xmldom';
import type { XmlAttribute, XmlNode } from './document.js';
import { editionOf, isOvfNamespace, OVF_1_NS, XMLNS_NS, XSI_NS } from './namespaces.js';
import { childElements, ovfKind } from './xml.js';

/**
 * An element as an XmlNode, ready for writeOvf: elements and attributes in the document's own OVF
 * namespace (any edition) move to the 1.x one (elements unprefixed, attributes `ovf:`), and a 0.9
 * `<Section xsi:type="ovf:X_Type">` becomes `<X>`. Another edition's namespace (VMware's `ovf2:`
 * sections in 1.x descriptors) stays as it is. Text is kept verbatim when it holds more than whitespace.
 */
export function xmlNodeOf(el: Element): XmlNode {
  const edition = editionOf(el.ownerDocument?.documentElement?.namespaceURI ?? null);
  return nodeOf(el, (ns) => edition !== null && editionOf(ns) === edition);
}

function nodeOf(el: Element, own: (ns: string | null) => boolean): XmlNode {
  const ovf = own(el.namespaceURI);
  const typed = ovf && (el.localName === 'Section' || el.localName === 'Content');
  const attributes: NonNullable<XmlNode['attributes']> = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a === null || a.namespaceURI === XMLNS_NS || a.name === 'xmlns') continue;
    if (typed && a.namespaceURI === XSI_NS && a.localName === 'type') continue;
    const name = a.localName ?? a.name;
    if (a.namespaceURI === null) attributes.push({ name, value: a.value });
    else if (own(a.namespaceURI)) attributes.push({ name, value: a.value, ns: OVF_1_NS, prefix: 'ovf' });
    else attributes.push({ name, value: a.value, ns: a.namespaceURI, prefix: a.prefix ?? '' });
  }
  const node: XmlNode = {
    ns: ovf ? OVF_1_NS : (el.namespaceURI ?? ''),
    prefix: ovf ? '' : (el.prefix ?? ''),
    name: ovf ? (ovfKind(el) ?? el.localName ?? '') : (el.localName ?? el.nodeName),
  };
  if (attributes.length > 0) node.attributes = attributes;
  const children = childElements(el).map((c) => nodeOf(c, own));
  if (children.length > 0) node.children = children;
  const text = directText(el);
  if (text.trim() !== '') node.text = text;
  return node;
}

/** Attributes of an element in a vendor namespace (not OVF, XSI or a namespace declaration). */
export function foreignAttributesOf(el: Element): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    const ns = a?.namespaceURI ?? null;
    if (a === null || ns === null || ns === XMLNS_NS || ns === XSI_NS || isOvfNamespace(ns)) continue;
    out.push({ ns, prefix: a.prefix ?? '', name: a.localName ?? a.name, value: a.value });
  }
  return out;
}

function directText(el: Element): string {
  let text = '';
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) text += n.nodeValue ?? '';
  }
  return text;
}
