import type { InstanceBounds, ScaleInPolicy } from '../manifest/model.js';
import type { RunningInstance } from './victims.js';

/** The part of a manifest Component the engine needs; a Component itself fits. */
export interface ComponentLimits {
  id: string;
  instances: Pick<InstanceBounds, 'min' | 'max'>;
  /** Cooldown after an action that no expression rule (with its own cooldown) decided. */
  cooldownSeconds: number;
  scaleInPolicy: ScaleInPolicy;
}

/** What the caller knows of a component now. */
export interface ComponentRuntime {
  /** Every instance the component has, including those still being created. */
  instances: readonly RunningInstance[];
  /** An action on the component is in progress; no new one starts until it ends. */
  scaling?: boolean;
}

/** The runtime view of every component of the service, by component id. */
export type ServiceRuntime = Readonly<Record<string, ComponentRuntime>>;

/** A component at the moment of a decision: limits, runtime and cooldown together. */
export interface ComponentView {
  limits: ComponentLimits;
  runtime: ComponentRuntime;
  /** 0 when not cooling down. */
  cooldownUntilMs: number;
}
