import { writeOvf } from './write.js';

/**
 * The smallest useful package descriptor: one VM with one disk file `disk.vmdk` of `diskBytes`
 * bytes, and optionally more referenced files. Tests of packaging and signing build on it.
 */
export function oneDiskDescriptor(
  diskBytes: number,
  more: { id: string; href: string; size: number }[] = [],
  memoryMiB = 128,
): string {
  return writeOvf({
    references: [{ id: 'f1', href: 'disk.vmdk', size: diskBytes }, ...more],
    disks: [{ diskId: 'd1', capacityBytes: 2 ** 30, format: '', fileRef: 'f1' }],
    networks: [],
    content: {
      kind: 'VirtualSystem',
      id: 'vm',
      name: 'vm',
      osType: '',
      cpus: 1,
      memoryMiB,
      diskIds: ['d1'],
      nicNetworks: [],
      properties: [],
    },
  });
}
