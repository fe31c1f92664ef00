import type { Logger, TaskRegistry } from '@reservoir/runtime';
import type { RankPolicy } from '../domain/scheduler.js';
import type { Inventory } from './inventory.js';
import type { AgentGateway, EventSink, VeemStore } from './ports.js';

export interface VeemSettings {
  site: string;
  scheduler: {
    policy: RankPolicy;
    intervalMs: number;
    maxDispatch: number;
    /** Hosts that fit to score per VM before choosing (0: all). */
    maxCandidates: number;
    /** host:port of the Policy Engine that places VMs; '' places them with the built-in scheduler. */
    policyEngine: string;
    /** Deadline of one call to the Policy Engine. */
    policyEngineTimeoutMs: number;
  };
  monitor: { intervalMs: number; failureTimeoutMs: number; callTimeoutMs: number };
  /** Retries of a host call that answered UNAVAILABLE before the operation fails. */
  hostCallRetries: number;
  hostCallTimeoutMs: number;
  /** A VM's burst allowance as a share of its guarantee at most (seed 000: 100%; a site may lower it). */
  burstMaxRatio?: number;
}

/** What every VEEM use case shares. */
export interface VeemContext {
  settings: VeemSettings;
  inv: Inventory;
  store: VeemStore;
  agents: AgentGateway;
  events: EventSink;
  tasks: TaskRegistry;
  logger: Logger;
  now: () => number;
}
