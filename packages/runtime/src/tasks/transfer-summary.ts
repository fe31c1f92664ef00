import type { TransferProgress } from './task.js';

const MIB = 2 ** 20;

/** Bytes as MiB with one decimal: what an operator compares against a VM's memory and disk sizes. */
function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

/** A transfer in one line, e.g. "memory, 120.0 MiB of 300.0 MiB sent, 20.0 MiB remaining, guest dirties 3.1 MiB/s". */
export function transferSummary(t: TransferProgress): string {
  const parts = [
    `${mib(t.transferredBytes)} of ${mib(t.totalBytes)} sent`,
    `${mib(t.remainingBytes)} remaining`,
  ];
  if (t.dirtyBytesPerSecond > 0) parts.push(`guest dirties ${mib(t.dirtyBytesPerSecond)}/s`);
  return `${t.phase}, ${parts.join(', ')}`;
}
