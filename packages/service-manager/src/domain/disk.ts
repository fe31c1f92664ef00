import type { Component } from '../manifest/model.js';

/** Disk an instance of a component takes, MiB: each disk is at least its image (sizes by file id). */
export function componentDiskMib(c: Component, imageSizesMib: Readonly<Record<string, number>>): number {
  let mib = 0;
  for (const d of c.disks) {
    const capacity = Math.ceil(d.capacityBytes / 2 ** 20);
    const image = d.fileRef ? (imageSizesMib[d.fileRef] ?? 0) : 0;
    mib += Math.max(capacity, image);
  }
  return mib;
}
