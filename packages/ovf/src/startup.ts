import type { OvfStartupItem } from './document.js';
import type { Problems } from './problems.js';
import type { XmlElement } from './xml-tree.js';
import { parseNumber } from './units.js';
import { ovfAttr, ovfChildren } from './xml.js';

/** The StartupSection Items of a collection, with DSP8023's defaults for absent attributes. */
export function parseStartup(collection: XmlElement, problems: Problems): OvfStartupItem[] {
  return ovfChildren(collection, 'StartupSection').flatMap((section) =>
    ovfChildren(section, 'Item').map((item) => ({
      id: ovfAttr(item, 'id') ?? '',
      order: integer(item, 'order', problems),
      waitingForGuest: ovfAttr(item, 'waitingForGuest') === 'true',
      startDelaySeconds: integer(item, 'startDelay', problems),
      stopDelaySeconds: integer(item, 'stopDelay', problems),
      startAction: ovfAttr(item, 'startAction') ?? 'powerOn',
      stopAction: ovfAttr(item, 'stopAction') ?? 'powerOff',
    })),
  );
}

function integer(item: XmlElement, name: string, problems: Problems): number {
  const raw = ovfAttr(item, name);
  if (raw === null) return 0;
  const n = parseNumber(raw);
  if (n === null) {
    problems.warn(item, `ovf:${name} "${raw}" is not a number`);
    return 0;
  }
  return n;
}
