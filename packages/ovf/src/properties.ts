import type { OvfPropertyDetail } from './document.js';
import type { Problems } from './problems.js';
import type { XmlElement } from './xml-tree.js';
import { ovfAttr, ovfChild, ovfChildren } from './xml.js';

/**
 * The ProductSection properties of a VirtualSystem (or collection), keyed as DSP0243 §9.5 and the
 * OVF environment spell them: `class.key.instance` (VMware's `${vami.ip0.<vm>}` references rely on it).
 */
export function parseProperties(owner: XmlElement, problems: Problems): OvfPropertyDetail[] {
  const seen = new Set<string>();
  const out: OvfPropertyDetail[] = [];
  for (const ps of ovfChildren(owner, 'ProductSection')) {
    const cls = ovfAttr(ps, 'class') ?? '';
    const instance = ovfAttr(ps, 'instance') ?? '';
    // 0.9 nests Properties in Category elements; 1.x and 2.x interleave them.
    const props = [
      ...ovfChildren(ps, 'Property'),
      ...ovfChildren(ps, 'Category').flatMap((c) => ovfChildren(c, 'Property')),
    ];
    for (const p of props) {
      const bare = ovfAttr(p, 'key');
      if (bare === null || bare === '') {
        problems.warn(p, 'Property without ovf:key');
        continue;
      }
      const key =
        cls === '' && instance === '' ? bare : [cls, bare, instance].filter((s) => s !== '').join('.');
      if (seen.has(key)) problems.warn(p, `duplicate property key "${key}"`);
      seen.add(key);
      out.push({
        key,
        type: ovfAttr(p, 'type') ?? '',
        value: ovfAttr(p, 'value') ?? ovfAttr(p, 'defaultValue') ?? '',
        label: childTextOf(p, 'Label'),
        description: childTextOf(p, 'Description'),
        // 0.9 called it configurableByUser.
        userConfigurable: (ovfAttr(p, 'userConfigurable') ?? ovfAttr(p, 'configurableByUser')) === 'true',
      });
    }
  }
  return out;
}

function childTextOf(el: XmlElement, kind: string): string {
  return ovfChild(el, kind)?.textContent.trim() ?? '';
}
