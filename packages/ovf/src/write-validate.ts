// Consistency of an OvfWriteSpec before writing: a descriptor whose Items point at unknown disks
// or networks would be rejected by every importer, so writeOvf refuses to produce one.
import type { OvfWriteCollection, OvfWriteSpec, OvfWriteSystem } from './document.js';
import { isXmlName } from './xml-build.js';

type Content = OvfWriteSystem | OvfWriteCollection;

/** Problems of a spec, one message each; empty when it can be written. */
export function validateSpec(spec: OvfWriteSpec): string[] {
  const problems: string[] = [];
  const files = unique(
    spec.references.map((r) => r.id),
    'File id',
    problems,
  );
  const disks = unique(
    spec.disks.map((d) => d.diskId),
    'diskId',
    problems,
  );
  const networks = unique(
    spec.networks.map((n) => n.name),
    'network name',
    problems,
  );
  for (const r of spec.references) {
    if (r.href === '') problems.push(`File "${r.id}" has no href`);
    if (r.size !== null && !(Number.isFinite(r.size) && r.size >= 0))
      problems.push(`File "${r.id}" size ${r.size} is not a byte count`);
  }
  for (const d of spec.disks) {
    if (d.fileRef !== null && !files.has(d.fileRef))
      problems.push(`Disk "${d.diskId}" refers to unknown File "${d.fileRef}"`);
    if (d.capacityBytes !== null && !(Number.isFinite(d.capacityBytes) && d.capacityBytes >= 0))
      problems.push(`Disk "${d.diskId}" capacity ${d.capacityBytes} is not a byte count`);
  }
  const all = contentsOf(spec.content);
  unique(
    all.map((c) => c.id),
    'VirtualSystem/VirtualSystemCollection id',
    problems,
  );
  for (const c of all) {
    const what = `${c.kind} "${c.id}"`;
    if (c.id === '') problems.push(`${c.kind} without id`);
    for (const a of c.extraAttributes ?? []) {
      if (!isXmlName(a.name)) problems.push(`${what}: "${a.name}" is not an attribute name`);
      if (a.prefix === '' || a.ns === '')
        problems.push(`${what}: attribute "${a.name}" needs a prefix and namespace`);
    }
    if (c.kind === 'VirtualSystemCollection') {
      const children = new Set(c.children.map((k) => k.id));
      for (const s of c.startup) {
        if (!children.has(s.id)) problems.push(`${what}: startup item "${s.id}" is not a child`);
      }
      continue;
    }
    if (!(c.cpus >= 0 && Number.isInteger(c.cpus))) problems.push(`${what}: cpus ${c.cpus} is not a count`);
    if (!(c.memoryMiB >= 0 && Number.isFinite(c.memoryMiB)))
      problems.push(`${what}: memoryMiB ${c.memoryMiB} is not a size`);
    for (const id of c.diskIds) {
      if (!disks.has(id)) problems.push(`${what}: disk "${id}" is not in the DiskSection`);
    }
    for (const n of c.nicNetworks) {
      if (n !== '' && !networks.has(n)) problems.push(`${what}: network "${n}" is not in the NetworkSection`);
    }
    if (c.properties.some((p) => p.key === '')) problems.push(`${what}: property without key`);
    unique(
      c.properties.map((p) => p.key),
      `${what}: property key`,
      problems,
    );
  }
  return problems;
}

/** A content tree in document order: the collection, then its children's trees. */
export function contentsOf(c: Content): Content[] {
  return c.kind === 'VirtualSystem' ? [c] : [c, ...c.children.flatMap(contentsOf)];
}

function unique(values: string[], what: string, problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problems.push(`duplicate ${what} "${v}"`);
    seen.add(v);
  }
  return seen;
}
