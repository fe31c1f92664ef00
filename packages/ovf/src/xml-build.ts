// Building a namespaced DOM for writeOvf: every prefix is declared once on the root, text and
// attribute values are escaped by xmldom's serializer, and the result is indented for people.
import { DOMImplementation, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import type { XmlAttribute, XmlNode } from './document.js';
import { XML_NS, XMLNS_NS } from './namespaces.js';

// XML NCName, approximately: a letter or underscore, then letters, digits, '.', '-', '_'.
const NCNAME = /^[\p{L}_][\p{L}\p{N}\p{M}._-]*$/u;

export const isXmlName = (name: string): boolean => NCNAME.test(name);

export class XmlBuilder {
  readonly doc: Document;
  readonly root: Element;
  private readonly prefixes = new Map<string, string>([['xml', XML_NS]]);

  /** A document whose root is in `defaultNs`, unprefixed, with `declared` prefixes bound on it. */
  constructor(defaultNs: string, rootName: string, declared: [prefix: string, ns: string][]) {
    this.doc = new DOMImplementation().createDocument(defaultNs, rootName, null);
    this.root = this.doc.documentElement as Element;
    this.root.setAttributeNS(XMLNS_NS, 'xmlns', defaultNs);
    for (const [prefix, ns] of declared) this.declare(prefix, ns);
  }

  /**
   * Binds a prefix on the root. Returns a problem when it is already bound elsewhere or is not a
   * name, so that a caller can report every clash at once.
   */
  declare(prefix: string, ns: string): string | null {
    if (prefix === 'xmlns' || !NCNAME.test(prefix)) return `"${prefix}" cannot be a namespace prefix`;
    const bound = this.prefixes.get(prefix);
    if (bound === ns) return null;
    if (bound !== undefined) return `prefix "${prefix}" is bound to ${bound} and to ${ns}`;
    if (ns === '') return `prefix "${prefix}" has no namespace`;
    this.prefixes.set(prefix, ns);
    this.root.setAttributeNS(XMLNS_NS, `xmlns:${prefix}`, ns);
    return null;
  }

  /** Appends `<prefix:name>` (text optional) to `parent`; the prefix must have been declared. */
  add(parent: Element, ns: string, qname: string, text?: string): Element {
    const el = this.doc.createElementNS(ns, qname);
    if (text !== undefined) el.appendChild(this.doc.createTextNode(text));
    parent.appendChild(el);
    return el;
  }

  attr(el: Element, ns: string | null, qname: string, value: string | number): void {
    if (ns === null) el.setAttribute(qname, String(value));
    else el.setAttributeNS(ns, qname, String(value));
  }

  foreignAttr(el: Element, a: XmlAttribute): void {
    this.attr(el, a.ns, `${a.prefix}:${a.name}`, a.value);
  }

  /** Appends an XmlNode tree; `inScopeDefault` is the default namespace where `parent` sits. */
  addNode(parent: Element, node: XmlNode, inScopeDefault: string): void {
    const el =
      node.ns === ''
        ? this.doc.createElementNS(null, node.name)
        : this.doc.createElementNS(node.ns, node.prefix === '' ? node.name : `${node.prefix}:${node.name}`);
    let scope = inScopeDefault;
    // xmldom declares an element's own default namespace, but not the undeclaring xmlns="".
    if (node.ns === '' && inScopeDefault !== '') {
      el.setAttributeNS(XMLNS_NS, 'xmlns', '');
      scope = '';
    } else if (node.ns !== '' && node.prefix === '') scope = node.ns;
    for (const a of node.attributes ?? []) {
      if (a.ns === undefined || a.ns === '') this.attr(el, null, a.name, a.value);
      else this.attr(el, a.ns, `${a.prefix}:${a.name}`, a.value);
    }
    if (node.text !== undefined) el.appendChild(this.doc.createTextNode(node.text));
    parent.appendChild(el);
    for (const child of node.children ?? []) this.addNode(el, child, scope);
  }

  /** The document as text, two-space indented, with an XML declaration. */
  serialize(): string {
    indent(this.doc, this.root, 0);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.doc)}\n`;
  }
}

/** Every prefix and namespace an XmlNode tree uses, for declaring them before writing. */
export function prefixesOf(node: XmlNode): [prefix: string, ns: string][] {
  const out: [string, string][] = [];
  if (node.prefix !== '') out.push([node.prefix, node.ns]);
  for (const a of node.attributes ?? []) {
    if (a.ns !== undefined && a.ns !== '' && a.prefix) out.push([a.prefix, a.ns]);
  }
  for (const c of node.children ?? []) out.push(...prefixesOf(c));
  return out;
}

/** Names in an XmlNode tree that are not XML names, as problems. */
export function badNamesOf(node: XmlNode, path: string): string[] {
  const out: string[] = [];
  if (!NCNAME.test(node.name)) out.push(`${path}: "${node.name}" is not an element name`);
  if (node.prefix !== '' && node.ns === '') out.push(`${path}: prefix "${node.prefix}" without a namespace`);
  for (const a of node.attributes ?? []) {
    if (!NCNAME.test(a.name)) out.push(`${path}: "${a.name}" is not an attribute name`);
    if (a.ns !== undefined && a.ns !== '' && !a.prefix)
      out.push(`${path}: attribute "${a.name}" in ${a.ns} needs a prefix`);
  }
  (node.children ?? []).forEach((c, i) => out.push(...badNamesOf(c, `${path}/${c.name}[${i}]`)));
  return out;
}

/** Indents element-only content; elements holding text keep it exactly. */
function indent(doc: Document, el: Element, depth: number): void {
  const kids: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) kids.push(n as Element);
    else if ((n.nodeValue ?? '').trim() !== '') return;
  }
  if (kids.length === 0) return;
  const pad = `\n${'  '.repeat(depth + 1)}`;
  for (const k of kids) {
    el.insertBefore(doc.createTextNode(pad), k);
    indent(doc, k, depth + 1);
  }
  el.appendChild(doc.createTextNode(`\n${'  '.repeat(depth)}`));
}
