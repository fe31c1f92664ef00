import { errors } from '@reservoir/runtime';
import type { CapabilityProfile, DomainState } from './driver.js';

/** How a migration's transfer is modelled: bandwidth, guest dirtying, downtime target. */
export interface MigrationModel {
  /** Link between the hosts; 10 GbE carries about 1,192 MiB/s. */
  bandwidthMibPerS: number;
  /** Share of guest memory written again per second while pre-copy runs. */
  dirtyRatePerS: number;
  /** Pre-copy stops once the rest fits in this pause (QEMU's default max downtime is 300 ms). */
  maxDowntimeMs: number;
  /** Pre-copy rounds before forcing the stop-and-copy (QEMU gives up converging after ~30). */
  maxRounds: number;
  /** Device state and resume on the target, paid in every migration. */
  switchoverMs: number;
  /** No shared storage (VEEH-3): the disks travel too, mirrored while the guest runs. */
  copyDisks: boolean;
}

export const DEFAULT_MIGRATION_MODEL: Readonly<MigrationModel> = Object.freeze({
  bandwidthMibPerS: 1192,
  dirtyRatePerS: 0.02,
  maxDowntimeMs: 300,
  maxRounds: 30,
  switchoverMs: 20,
  copyDisks: true,
});

export interface MigrationFigures {
  transferredMib: number;
  /** How long the guest did not run. */
  downtimeMs: number;
  durationMs: number;
  rounds: number;
}

export interface MigrationLoad {
  memoryImageMib: number;
  diskMib: number;
  live: boolean;
  /** The guest executed when the migration began (a cold move of it pauses it throughout). */
  wasRunning: boolean;
}

/**
 * Live: disks mirrored first, then pre-copy rounds that resend what the guest dirtied, until the
 * remainder fits the downtime target. Cold: one copy of disks and saved memory, guest stopped.
 */
export function planMigration(model: MigrationModel, load: MigrationLoad): MigrationFigures {
  const msFor = (mib: number) => (mib / model.bandwidthMibPerS) * 1000;
  const disks = model.copyDisks ? load.diskMib : 0;
  if (!load.live) {
    const transferred = disks + load.memoryImageMib;
    const duration = msFor(transferred) + model.switchoverMs;
    return {
      transferredMib: Math.ceil(transferred),
      downtimeMs: load.wasRunning ? Math.round(duration) : 0,
      durationMs: Math.round(duration),
      rounds: 1,
    };
  }
  let transferred = disks;
  let duration = msFor(disks);
  let toSend = load.memoryImageMib;
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const roundMs = msFor(toSend);
    transferred += toSend;
    if (roundMs <= model.maxDowntimeMs || rounds >= model.maxRounds) {
      const downtime = roundMs + model.switchoverMs;
      duration += downtime;
      return {
        transferredMib: Math.ceil(transferred),
        downtimeMs: Math.round(downtime),
        durationMs: Math.round(duration),
        rounds,
      };
    }
    duration += roundMs;
    toSend = Math.min(load.memoryImageMib, load.memoryImageMib * model.dirtyRatePerS * (roundMs / 1000));
  }
}

/** Same-family moves only: a cross-hypervisor move needs disk and driver conversion, a separate feature. */
export function checkMigration(source: CapabilityProfile, target: CapabilityProfile, live: boolean): void {
  if (source.hypervisor !== target.hypervisor) {
    throw errors.precondition(
      `cannot migrate from a ${source.hypervisor} host to a ${target.hypervisor} host: cross-hypervisor moves are not supported`,
    );
  }
  if (live && !(source.liveMigration && target.liveMigration)) {
    throw errors.precondition(`${source.hypervisor} hosts cannot live-migrate; use a cold migration`);
  }
}

/** Memory that travels: live and suspended/paused guests carry their RAM, powered-off ones none. */
export function memoryImageOf(state: DomainState, memoryMib: number): number {
  return state === 'running' || state === 'paused' || state === 'suspended' ? memoryMib : 0;
}
