// Flattens the StartupSections of nested collections into one order per VirtualSystem.
// A system's position is the chain of its own and its ancestors' ovf:order values, top first;
// a system missing from its collection's StartupSection has order 0 (no constraint).
import type { OvfDocument } from '@reservoir/ovf';

/** One order per doc.virtualSystems entry: verbatim for a flat collection, dense ranks (from 1) when nested. */
export function startupOrders(doc: OvfDocument): number[] {
  const collections = new Map(doc.collections.map((c) => [c.id, c]));
  // Per collection id, the order of each child id: the first StartupSection Item naming it.
  const orders = new Map<string, Map<string, number>>();
  for (const [id, c] of collections) {
    const byChild = new Map<string, number>();
    for (const s of c.startup) if (!byChild.has(s.id)) byChild.set(s.id, s.order);
    orders.set(id, byChild);
  }
  const orderIn = (parentId: string, childId: string): number => orders.get(parentId)?.get(childId) ?? 0;

  const chains = doc.virtualSystems.map((vs) => {
    const chain: number[] = [];
    let child = vs.id;
    // Bounded by the number of collections, so a malformed parent loop cannot hang the reader.
    for (let parent = vs.parentId, n = 0; parent !== null && n <= collections.size; n++) {
      chain.unshift(orderIn(parent, child));
      child = parent;
      parent = collections.get(parent)?.parentId ?? null;
    }
    return chain;
  });
  if (chains.every((c) => c.length <= 1)) return chains.map((c) => c[0] ?? 0);

  const depth = Math.max(...chains.map((c) => c.length));
  const padded = chains.map((c) => [...c, ...Array<number>(depth - c.length).fill(0)]);
  const distinct = [...new Set(padded.map((c) => c.join(',')))]
    .map((k) => k.split(',').map(Number))
    .sort(compareChains);
  const rank = new Map(distinct.map((d, i) => [d.join(','), i + 1]));
  return padded.map((c) => rank.get(c.join(',')) ?? 0);
}

function compareChains(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
