// Small DOM helpers for the extension content that parseOvfDocument leaves to its readers.
import { editionOf, type OvfDocument } from '@reservoir/ovf';
import { RESERVOIR_OVF_NS } from './model.js';

export type XmlElement = OvfDocument['envelope'];

export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as XmlElement);
  }
  return out;
}

/** Children in the Reservoir namespace with that local name. */
export function rsvChildren(el: XmlElement, name: string): XmlElement[] {
  return childElements(el).filter((c) => c.namespaceURI === RESERVOIR_OVF_NS && c.localName === name);
}

/** Children in any OVF envelope namespace with that local name. */
export function ovfChildren(el: XmlElement, name: string): XmlElement[] {
  return childElements(el).filter((c) => editionOf(c.namespaceURI) !== null && c.localName === name);
}

/** An attribute by local name in an OVF namespace or unqualified (OVF attributes are written both ways). */
export function ovfAttr(el: XmlElement, name: string): string | null {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a?.localName !== name) continue;
    if (a.namespaceURI === null || editionOf(a.namespaceURI) !== null) return a.value;
  }
  return null;
}

/** An rsv: attribute on an OVF element. */
export function rsvAttr(el: XmlElement, name: string): string | null {
  return el.getAttributeNS(RESERVOIR_OVF_NS, name);
}

/** An unqualified attribute on an rsv: element. */
export function plainAttr(el: XmlElement, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

export function textOf(el: XmlElement): string {
  return (el.textContent ?? '').trim();
}

export function lineOf(el: XmlElement): number {
  return el.lineNumber ?? 0;
}

const KEY_ATTRIBUTES = ['id', 'name', 'diskId'];

/** "/Envelope/VirtualSystemCollection[@ovf:id='hadoop']/rsv:ElasticitySection/rsv:ThresholdRule[@id='grow']". */
export function elementPath(el: XmlElement): string {
  const steps: string[] = [];
  for (let e: XmlElement | null = el; e !== null; e = parentElement(e)) {
    steps.unshift(e.nodeName + predicate(e));
  }
  return `/${steps.join('/')}`;
}

function parentElement(el: XmlElement): XmlElement | null {
  const p = el.parentNode;
  return p !== null && p.nodeType === 1 ? (p as XmlElement) : null;
}

function predicate(el: XmlElement): string {
  for (const key of KEY_ATTRIBUTES) {
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i);
      if (a?.localName === key) return `[@${a.name}='${a.value}']`;
    }
  }
  const parent = parentElement(el);
  if (parent === null) return '';
  const same = childElements(parent).filter((c) => c.nodeName === el.nodeName);
  return same.length > 1 ? `[${same.indexOf(el) + 1}]` : '';
}
