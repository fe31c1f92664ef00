// Small helpers over the element tree for the extension content that parseOvfDocument leaves to its readers.
import { editionOf, type XmlElement } from '@reservoir/ovf';
import { RESERVOIR_OVF_NS } from './model.js';

export type { XmlElement };

/** Children in the Reservoir namespace with that local name. */
export function rsvChildren(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.namespaceURI === RESERVOIR_OVF_NS && c.localName === name);
}

/** The first child in the Reservoir namespace with that local name. */
export function rsvChild(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.namespaceURI === RESERVOIR_OVF_NS && c.localName === name) return c;
  return undefined;
}

/** Children in any OVF envelope namespace with that local name. */
export function ovfChildren(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.localName === name && editionOf(c.namespaceURI) !== null);
}

/** An attribute by local name in an OVF namespace or unqualified (OVF attributes are written both ways). */
export function ovfAttr(el: XmlElement, name: string): string | null {
  for (const a of el.attributes) {
    if (a.localName !== name) continue;
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
  return el.getAttribute(name);
}

export function textOf(el: XmlElement): string {
  return el.textContent.trim();
}

export function lineOf(el: XmlElement): number {
  return el.lineNumber;
}

const KEY_ATTRIBUTES = ['id', 'name', 'diskId'];

/**
 * "/Envelope/VirtualSystemCollection[@ovf:id='hadoop']/rsv:ElasticitySection/rsv:ThresholdRule[@id='grow']".
 * Remembers every path it builds, and the steps of all children of a parent at once, so labelling
 * every element of a descriptor stays linear in its size.
 */
export class ElementPaths {
  private readonly paths = new Map<XmlElement, string>();
  /** Step ("rsv:Site[3]") of each child of the parents seen so far. */
  private readonly steps = new Map<XmlElement, string>();

  of(el: XmlElement): string {
    const known = this.paths.get(el);
    if (known !== undefined) return known;
    // Ancestors first, without recursion: find the nearest one already known.
    const chain: XmlElement[] = [];
    let base = '';
    for (let e: XmlElement | null = el; e !== null; e = e.parent) {
      const p = this.paths.get(e);
      if (p !== undefined) {
        base = p;
        break;
      }
      chain.push(e);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      base = `${base}/${this.step(e)}`;
      this.paths.set(e, base);
    }
    return base;
  }

  private step(el: XmlElement): string {
    const key = keyPredicate(el);
    if (key !== null) return el.nodeName + key;
    const parent = el.parent;
    if (parent === null) return el.nodeName;
    let step = this.steps.get(el);
    if (step === undefined) {
      this.indexChildren(parent);
      step = this.steps.get(el) ?? el.nodeName;
    }
    return step;
  }

  /** Positions among same-named siblings: `[n]` where a name repeats. */
  private indexChildren(parent: XmlElement): void {
    const counts = new Map<string, number>();
    for (const c of parent.children) counts.set(c.nodeName, (counts.get(c.nodeName) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const c of parent.children) {
      const n = (seen.get(c.nodeName) ?? 0) + 1;
      seen.set(c.nodeName, n);
      this.steps.set(c, (counts.get(c.nodeName) ?? 0) > 1 ? `${c.nodeName}[${n}]` : c.nodeName);
    }
  }
}

/** `[@ovf:id='x']` from the first key attribute present, in KEY_ATTRIBUTES order. */
function keyPredicate(el: XmlElement): string | null {
  for (const key of KEY_ATTRIBUTES) {
    for (const a of el.attributes) {
      if (a.localName === key) return `[@${a.name}='${a.value}']`;
    }
  }
  return null;
}

/** The path of one element; see ElementPaths, which a reader labelling many elements should use. */
export function elementPath(el: XmlElement): string {
  return new ElementPaths().of(el);
}
