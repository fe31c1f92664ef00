// Service manifest → OVF 1.x descriptor with rsv: extensions. Always one flat
// VirtualSystemCollection (so the service's own id, name and description survive even for a single
// component) whose StartupSection carries each component's order; manifestFromOvf reads it back
// to the same model.
import { ReservoirError } from '@reservoir/runtime';
import { writeOvf, type OvfDisk, type OvfStartupItem, type OvfWriteSystem } from '@reservoir/ovf';
import type { Component, ServiceManifest } from './model.js';
import { envelopeSections, serviceSections, systemAttributes } from './ovf-write-extensions.js';

export function manifestToOvf(m: ServiceManifest): string {
  const awaited = new Set(m.components.flatMap((c) => c.dependsOn));
  return writeOvf({
    references: m.files.map((f) => ({ id: f.id, href: f.href, size: f.sizeBytes })),
    disks: sharedDisks(m),
    networks: m.networks.map((n) => ({ name: n.name, description: n.description })),
    content: {
      kind: 'VirtualSystemCollection',
      id: m.id,
      name: m.name,
      startup: m.components.map((c) => startupItem(c, awaited.has(c.id))),
      children: m.components.map(systemOf),
      extraSections: serviceSections(m),
    },
    extraSections: envelopeSections(m),
  });
}

/** Components others depend on are started with waitingForGuest, so the next order waits for their guest. */
function startupItem(c: Component, awaited: boolean): OvfStartupItem {
  return {
    id: c.id,
    order: c.startupOrder,
    waitingForGuest: awaited,
    startDelaySeconds: 0,
    stopDelaySeconds: 0,
    startAction: 'powerOn',
    stopAction: 'powerOff',
  };
}

function systemOf(c: Component): OvfWriteSystem {
  return {
    kind: 'VirtualSystem',
    id: c.id,
    name: c.name,
    osType: c.osType,
    cpus: c.cpus,
    memoryMiB: c.memoryMiB,
    diskIds: c.disks.map((d) => d.diskId),
    nicNetworks: c.networks,
    properties: c.properties,
    extraAttributes: systemAttributes(c),
  };
}

/**
 * The DiskSection: one entry per diskId. Components may share a disk id only with the same
 * definition, since OVF has one DiskSection for the whole envelope.
 */
function sharedDisks(m: ServiceManifest): OvfDisk[] {
  const byId = new Map<string, { disk: OvfDisk; owner: string }>();
  const conflicts: string[] = [];
  m.components.forEach((c, i) =>
    c.disks.forEach((d, j) => {
      const disk = { diskId: d.diskId, capacityBytes: d.capacityBytes, format: d.format, fileRef: d.fileRef };
      const seen = byId.get(d.diskId);
      if (seen === undefined) byId.set(d.diskId, { disk, owner: c.id });
      else if (JSON.stringify(seen.disk) !== JSON.stringify(disk)) {
        conflicts.push(
          `components[${i}].disks[${j}]: disk "${d.diskId}" differs from the one of component "${seen.owner}"; ` +
            'OVF has one DiskSection, give it another diskId',
        );
      }
    }),
  );
  if (conflicts.length > 0) throw new ReservoirError('INVALID_ARGUMENT', conflicts.join('\n'));
  return [...byId.values()].map((e) => e.disk);
}
