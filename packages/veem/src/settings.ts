import type { VeemSettings } from './app/context.js';

/** What a VEEM runs with unless its configuration says otherwise. */
export const DEFAULT_SETTINGS: Omit<VeemSettings, 'site'> = {
  scheduler: {
    policy: 'packing',
    intervalMs: 1000,
    maxDispatch: 512,
    maxCandidates: 100,
    policyEngine: '',
    policyEngineTimeoutMs: 10_000,
  },
  monitor: { intervalMs: 2000, failureTimeoutMs: 10_000, callTimeoutMs: 5000 },
  hostCallRetries: 3,
  hostCallTimeoutMs: 15_000,
  burstMaxRatio: 1,
};
