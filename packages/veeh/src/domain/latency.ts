/** Operations of a simulated host, each with its own latency and its own fault rules. */
export const SIM_OPS = [
  'get',
  'monitor',
  'create',
  'start',
  'shutdown',
  'destroy',
  'suspend',
  'resume',
  'reboot',
  'snapshot',
  'revert',
  'deleteSnapshot',
  'resize',
  'attachDisk',
  'detachDisk',
  'attachNic',
  'detachNic',
  'prepareIncoming',
  'migrate',
  'receiveMigration',
  'abortIncoming',
] as const;

export type SimOp = (typeof SIM_OPS)[number];

export function isSimOp(s: string): s is SimOp {
  return (SIM_OPS as readonly string[]).includes(s);
}

export interface LatencyProfile {
  /** Milliseconds each operation takes; missing means instant. */
  ops: Readonly<Partial<Record<SimOp, number>>>;
  /** Share of the modelled transfer time a migration really waits: 0 instant, 1 real time. */
  migrationTimeScale: number;
}

export const LATENCY_PROFILE_NAMES = ['none', 'realistic'] as const;
export type LatencyProfileName = (typeof LATENCY_PROFILE_NAMES)[number];

export const LATENCY_PROFILES: Readonly<Record<LatencyProfileName, LatencyProfile>> = {
  // Unit tests and scale benchmarks: every operation completes at once.
  none: { ops: {}, migrationTimeScale: 0 },
  // Orders of magnitude of a libvirt/KVM host on local SSD: defining a domain clones its disk,
  // an ACPI shutdown waits for the guest, a suspend writes guest memory to disk.
  realistic: {
    ops: {
      get: 2,
      monitor: 5,
      create: 1500,
      start: 800,
      shutdown: 1500,
      destroy: 300,
      suspend: 1200,
      resume: 900,
      reboot: 1500,
      snapshot: 600,
      revert: 800,
      deleteSnapshot: 200,
      resize: 300,
      attachDisk: 250,
      detachDisk: 250,
      attachNic: 150,
      detachNic: 150,
      prepareIncoming: 200,
      migrate: 300,
      receiveMigration: 100,
      abortIncoming: 100,
    },
    migrationTimeScale: 1,
  },
};
