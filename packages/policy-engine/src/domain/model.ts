// The Policy Engine's placement model: objects (VMs) into containers (hosts) with multi-resource
// capacity, under constraints and a policy. Pure data; solvers read it, never change it.

export interface PeHost {
  id: string;
  /** One value per resource of the instance, in its order. */
  capacity: number[];
  tags: Record<string, string>;
  /** Per-resource multiplier of capacity (1 = none). */
  overcommit: number[];
  power: { idle: number; peak: number };
  cost: number;
  /** Capacity already taken by workloads outside the instance (same units as capacity). */
  reserved?: number[];
}

export interface PeVm {
  id: string;
  demand: number[];
  /** Where the VM runs now, if anywhere: moving it costs moveCost. */
  host?: string;
  benefit: number;
  moveCost: number;
  /** Pinned to its current host: solvers never move it (a running VM during online placement). */
  fixed?: boolean;
}

export type PeConstraint =
  | { type: 'affinity' | 'anti-affinity'; vms: string[]; scope: string; hard: boolean }
  | { type: 'spread'; vms: string[]; tag: string; min: number }
  | {
      type: 'allowed' | 'forbidden';
      vms: string[];
      hosts?: string[];
      tags?: Record<string, string[]>;
      /** Replaces the generic reason text (e.g. the VEEM's own filter said why). */
      reason?: string;
    }
  | { type: 'all-or-nothing'; vms: string[] };

export const POLICY_NAMES = ['consolidate', 'balance', 'min-migrations', 'profit', 'weighted'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export interface PePolicy {
  name: PolicyName;
  /** At most this many VMs that have a host may move (Infinity: no limit). */
  maxMigrations: number;
  /** For 'weighted': the share of each objective. */
  weights: Partial<Record<Exclude<PolicyName, 'weighted'>, number>>;
}

export interface PeInstance {
  resources: string[];
  hosts: PeHost[];
  vms: PeVm[];
  constraints: PeConstraint[];
  policy: PePolicy;
}
