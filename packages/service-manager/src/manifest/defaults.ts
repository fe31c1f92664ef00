// What a manifest means when it leaves something out, shared by the OVF and YAML readers so both
// forms read the same model (and writers may omit what equals these).
import type { BusinessDirectives, DeploymentConstraints, InstanceBounds, ScaleInPolicy } from './model.js';

export const DEFAULT_INSTANCES: Readonly<InstanceBounds> = { min: 1, max: 1, initial: 1 };
/** OneFlow's default_cooldown. */
export const DEFAULT_COOLDOWN_SECONDS = 300;
export const DEFAULT_SCALE_IN: ScaleInPolicy = 'youngest';
export const DEFAULT_STARTUP_ORDER = 0;
/** How often a threshold rule is evaluated when the manifest does not say. */
export const DEFAULT_FREQUENCY_SECONDS = 60;
/** Claudia leaves Tolerance optional; a 10 % dead band keeps a rule from flapping around its quota. */
export const DEFAULT_TOLERANCE_PERCENT = 10;
export const DEFAULT_PERIOD_SECONDS = 60;
export const DEFAULT_PERIOD_COUNT = 1;
export const DEFAULT_MIN_STEP = 1;
export const DEFAULT_CURRENCY = 'EUR';

export function noDeploymentConstraints(): DeploymentConstraints {
  return { allowedSites: [], allowedCountries: [], legalZones: [] };
}

export function noBusinessDirectives(): BusinessDirectives {
  return { budgetPerHour: null, currency: DEFAULT_CURRENCY, allowedProviders: [] };
}

/**
 * Bounds from whichever of min / max / initial are given: min 1, initial min, max the larger of
 * the two, so a manifest naming only `max` scales from one instance up to it.
 */
export function completeBounds(given: Partial<InstanceBounds>): InstanceBounds {
  const min = given.min ?? DEFAULT_INSTANCES.min;
  const initial = given.initial ?? min;
  return { min, initial, max: given.max ?? Math.max(min, initial) };
}
