import type { Logger, TaskRegistry } from '@reservoir/runtime';
import type {
  AdmissionPort,
  CostQuoter,
  ServiceEventSink,
  SignaturePolicy,
  SmStore,
  VeemPort,
} from './ports.js';
import type { SmSettings } from './settings.js';

/** What the SM's use cases share. */
export interface SmContext {
  settings: SmSettings;
  store: SmStore;
  veem: VeemPort;
  admission?: AdmissionPort;
  tasks: TaskRegistry;
  events?: ServiceEventSink;
  /** The accounting service's estimate of a manifest, for the budget directive (SM-7, ACC-9). */
  quoter?: CostQuoter;
  /** Which organizations require signed OVF packages, and whom to trust; without it none does. */
  signatures?: SignaturePolicy;
  logger: Logger;
  now(): number;
}
