import { ReservoirError } from '@reservoir/runtime';
import { isOvfNamespace, XSI_NS } from './namespaces.js';
import type { Problems } from './problems.js';
import { parseXml, XmlSyntaxError, type XmlElement, type XmlTree } from './xml-tree.js';

/**
 * Parses XML text into its element tree; malformed XML (an undeclared prefix included) throws
 * INVALID_ARGUMENT with a located line, recoverable XML errors become warnings.
 */
export function parseXmlDocument(xmlText: string, problems: Problems): XmlTree {
  let tree: XmlTree;
  try {
    tree = parseXml(xmlText);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    problems.error({ lineNumber: e.line }, `malformed XML: ${e.message}`);
    throw new ReservoirError('INVALID_ARGUMENT', problems.errors.join('\n'));
  }
  for (const w of tree.warnings) problems.warn({ lineNumber: w.line }, `XML error: ${w.message}`);
  return tree;
}

/** Every descendant element (document order), excluding `el` itself. */
export function descendants(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  // An explicit stack: neither the depth nor the breadth of a document reaches the call stack.
  const stack: XmlElement[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  while (stack.length > 0) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}

/** The OVF kind of an element: its local name, or for 0.9 `Section`/`Content` its xsi:type without `_Type`. */
export function ovfKind(el: XmlElement): string | null {
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

export function ovfChildren(el: XmlElement, kind: string): XmlElement[] {
  return el.children.filter((c) => ovfKind(c) === kind);
}

/** The first child of that OVF kind. */
export function ovfChild(el: XmlElement, kind: string): XmlElement | undefined {
  for (const c of el.children) if (ovfKind(c) === kind) return c;
  return undefined;
}

/** An attribute in an OVF namespace (any edition) or unqualified, by local name. */
export function ovfAttr(el: XmlElement, name: string): string | null {
  let plain: string | null = null;
  for (const a of el.attributes) {
    if (a.localName !== name) continue;
    if (isOvfNamespace(a.namespaceURI)) return a.value;
    if (a.namespaceURI === null) plain = a.value;
  }
  return plain;
}

/** Text of the first child element with that local name, whatever its namespace (RASD/VSSD/EPASD/SASD). */
export function childText(el: XmlElement, ...names: string[]): string | null {
  for (const c of el.children) {
    if (names.includes(c.localName)) return c.textContent.trim();
  }
  return null;
}
