// The RASD Items writeOvf puts in a VirtualHardwareSection: CPU, memory, SCSI controllers with
// their disks, and ethernet adapters. Field names are RASD property names; the writer emits them
// in alphabetical order, as the 1.x and 2.x schemas require.
import type { OvfWriteSystem } from './document.js';
import { RESOURCE_ETHERNET, RESOURCE_MEMORY, RESOURCE_PROCESSOR } from './hardware.js';

export type RasdItem = Record<string, string>;

const RESOURCE_SCSI = 6;
const RESOURCE_DISK = 17;
/** A SCSI bus has 16 ids and the controller takes id 7. */
const SCSI_UNITS = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15];

export function hardwareItems(vs: OvfWriteSystem): RasdItem[] {
  const items: RasdItem[] = [];
  const add = (item: RasdItem): string => {
    const id = String(items.length + 1);
    items.push({ ...item, InstanceID: id });
    return id;
  };
  if (vs.cpus > 0) {
    add({
      AllocationUnits: 'hertz * 10^6',
      Description: 'Number of Virtual CPUs',
      ElementName: `${vs.cpus} virtual CPU(s)`,
      ResourceType: String(RESOURCE_PROCESSOR),
      VirtualQuantity: String(vs.cpus),
    });
  }
  if (vs.memoryMiB > 0) add(memoryItem(vs.memoryMiB));

  let controller = '';
  vs.diskIds.forEach((diskId, i) => {
    const unit = SCSI_UNITS[i % SCSI_UNITS.length] ?? 0;
    if (unit === 0) {
      const bus = Math.floor(i / SCSI_UNITS.length);
      controller = add({
        Address: String(bus),
        Description: 'SCSI Controller',
        ElementName: `SCSI controller ${bus}`,
        ResourceSubType: 'lsilogic',
        ResourceType: String(RESOURCE_SCSI),
      });
    }
    add({
      AddressOnParent: String(unit),
      ElementName: `Hard disk ${i + 1}`,
      HostResource: `ovf:/disk/${diskId}`,
      Parent: controller,
      ResourceType: String(RESOURCE_DISK),
    });
  });

  vs.nicNetworks.forEach((network, i) => {
    const connected = network !== '';
    add({
      AutomaticAllocation: String(connected),
      ...(connected ? { Connection: network } : {}),
      Description: connected ? `E1000 ethernet adapter on "${network}"` : 'E1000 ethernet adapter',
      ElementName: `Network adapter ${i + 1}`,
      ResourceSubType: 'E1000',
      ResourceType: String(RESOURCE_ETHERNET),
    });
  });
  return items;
}

/** Whole MiB as `byte * 2^20`; anything finer in bytes so that no precision is lost. */
function memoryItem(mib: number): RasdItem {
  const whole = Number.isInteger(mib);
  return {
    AllocationUnits: whole ? 'byte * 2^20' : 'byte',
    Description: 'Memory Size',
    ElementName: `${mib}MB of memory`,
    ResourceType: String(RESOURCE_MEMORY),
    VirtualQuantity: String(whole ? mib : Math.round(mib * 2 ** 20)),
  };
}
