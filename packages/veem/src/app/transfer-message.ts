import type { TransferProgress } from '@reservoir/runtime';

const MIB = 2 ** 20;

/** Bytes as MiB with one decimal: what an operator compares against a VM's memory and disk sizes. */
function mib(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

/** The task line of a migration in flight, e.g. "live migration to h2: memory, 120.0 of 300.0 MiB sent, …". */
export function transferMessage(what: string, t: TransferProgress): string {
  const parts = [
    `${mib(t.transferredBytes)} of ${mib(t.totalBytes)} sent`,
    `${mib(t.remainingBytes)} remaining`,
  ];
  if (t.dirtyBytesPerSecond > 0) parts.push(`guest dirties ${mib(t.dirtyBytesPerSecond)}/s`);
  return `${what}: ${t.phase}, ${parts.join(', ')}`;
}
