import { DOMParser, type Element } from '@xmldom/xmldom';
import { ReservoirError } from '@reservoir/runtime';
import { isOvfNamespace, XSI_NS } from './namespaces.js';
import type { Problems } from './problems.js';

interface ParseErrorLike {
  message: string;
  locator?: { lineNumber?: number };
}

/** Parses XML text into its root element; malformed XML throws INVALID_ARGUMENT with located lines. */
export function parseXmlRoot(xmlText: string, problems: Problems): Element {
  const parser = new DOMParser({
    locator: true,
    onError: (level, msg, context: { locator?: { lineNumber?: number } } | undefined) => {
      if (level === 'fatalError') return;
      const lineNumber = context?.locator?.lineNumber;
      problems.warn({ lineNumber }, `XML ${level}: ${msg}`);
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(xmlText, 'application/xml').documentElement;
  } catch (e) {
    const err = e as ParseErrorLike;
    problems.error({ lineNumber: err.locator?.lineNumber }, `malformed XML: ${err.message}`);
  }
  if (root === null) {
    if (problems.errors.length === 0) problems.error(null, 'malformed XML: no root element');
    throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  }
  return root;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

/** Every descendant element (document order), excluding `el` itself. */
export function descendants(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of childElements(el)) {
    out.push(c, ...descendants(c));
  }
  return out;
}

/** The OVF kind of an element: its local name, or for 0.9 `Section`/`Content` its xsi:type without `_Type`. */
export function ovfKind(el: Element): string | null {
  if (!isOvfNamespace(el.namespaceURI)) return null;
  if (el.localName === 'Section' || el.localName === 'Content') {
    const t = el.getAttributeNS(XSI_NS, 'type');
    if (t) {
      const local = t.includes(':') ? t.slice(t.indexOf(':') + 1) : t;
      return local.endsWith('_Type') ? local.slice(0, -'_Type'.length) : local;
    }
  }
  return el.localName;
}

export function ovfChildren(el: Element, kind: string): Element[] {
  return childElements(el).filter((c) => ovfKind(c) === kind);
}

/** An attribute in an OVF namespace (any edition) or unqualified, by local name. */
export function ovfAttr(el: Element, name: string): string | null {
  const attrs = el.attributes;
  let plain: string | null = null;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (a === null || a.localName !== name) continue;
    if (isOvfNamespace(a.namespaceURI)) return a.value;
    if (a.namespaceURI === null) plain = a.value;
  }
  return plain;
}

/** Text of the first child element with that local name, whatever its namespace (RASD/VSSD/EPASD/SASD). */
export function childText(el: Element, ...names: string[]): string | null {
  for (const c of childElements(el)) {
    if (c.localName !== null && names.includes(c.localName)) return (c.textContent ?? '').trim();
  }
  return null;
}
