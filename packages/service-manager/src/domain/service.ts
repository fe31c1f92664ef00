import type { DescriptorSigner, ManifestAlgorithm } from '@reservoir/ovf';
import type { ServiceManifest } from '../manifest/model.js';
import type { ServiceState } from './service-state.js';

export type InstanceState = 'creating' | 'running' | 'failed' | 'deleting' | 'deleted';

/** One VM of a component. Its index is never reused, so its VEEM request id stays unique. */
export interface Instance {
  /** `<component>-<index>` */
  id: string;
  component: string;
  index: number;
  /** VEEM idempotency key: a retried create returns the same VM. */
  requestId: string;
  /** '' until the VEEM accepted the create. */
  vmId: string;
  state: InstanceState;
  /** Network name → address. */
  addresses: Record<string, string>;
  createdAtMs: number;
  vmState: string;
  host: string;
  /** The OVF environment document handed to the VM, and the properties it carries. */
  environment: string;
  properties: Record<string, string>;
}

/** An operation of the service, persisted so a restarted SM resumes it. */
export type ServiceOperation =
  | { kind: 'deploy'; taskId: string }
  | {
      kind: 'scale';
      taskId: string;
      component: string;
      target: number;
      /** Instance ids to remove on scale-in, chosen when the decision was made. */
      victims: string[];
      /** The rule that decided it; '' for a manual scale. */
      ruleId: string;
      reason: string;
    }
  | { kind: 'reconfigure'; taskId: string; rulesJson: string }
  | { kind: 'undeploy'; taskId: string }
  | { kind: 'suspend'; taskId: string; reason: string }
  | { kind: 'resume'; taskId: string };

/** The OVF package a service was deployed from, as its manifest (.mf) was admitted (SEC-4). */
export interface AdmittedPackage {
  /** SHA-256 (hex) of the .mf bytes. */
  digest: string;
  descriptorName: string;
  /** The digest the .mf lists for the descriptor. */
  descriptorDigest: { algorithm: ManifestAlgorithm; digest: string };
  /** The .cert's certificate, when the package was signed by a trusted publisher. */
  signer: DescriptorSigner | null;
}

export interface Service {
  id: string;
  name: string;
  state: ServiceState;
  site: string;
  organization: string;
  owner: string;
  reason: string;
  requestId: string;
  manifest: ServiceManifest;
  /** Values given for user-configurable properties at deploy: "component.key" → value. */
  propertyValues: Record<string, string>;
  instances: Instance[];
  /** Next instance index per component. */
  nextIndex: Record<string, number>;
  /** Manifest network name → VEEM network id. */
  networkIds: Record<string, string>;
  /** VEEM networks this service created (and removes when undeployed). */
  ownedNetworks: string[];
  /** Manifest file id → VEEM image id. */
  imageIds: Record<string, string>;
  /** Manifest file id → the image's size at the VEEM, MiB (a disk is at least its image). */
  imageSizesMib: Record<string, number>;
  /** The /24 the service's private networks are cut from (index into the SM's pool). */
  subnetIndex: number;
  /** Component id → time before which no further scaling of it starts. */
  cooldownUntilMs: Record<string, number>;
  /** The elasticity engine's resumable state. */
  elasticity: unknown;
  op?: ServiceOperation;
  /** Operations waiting for the current one to end, in order. */
  queue: ServiceOperation[];
  createdAtMs: number;
  stateSinceMs: number;
  version: number;
  /** The package admitted at deploy and the descriptor text deployed, when a .mf came with it. */
  package?: AdmittedPackage & { descriptor: string };
}

/** Instances a component holds now (those being deleted or gone do not count). */
export function liveInstances(s: Service, component: string): Instance[] {
  return s.instances.filter(
    (i) => i.component === component && (i.state === 'creating' || i.state === 'running'),
  );
}

/** Every component has at least one instance whose VM runs. */
export function isAvailable(s: Service): boolean {
  return s.manifest.components.every((c) =>
    s.instances.some((i) => i.component === c.id && i.state === 'running'),
  );
}

export function instanceCounts(s: Service): Record<string, number> {
  return Object.fromEntries(s.manifest.components.map((c) => [c.id, liveInstances(s, c.id).length]));
}

export function componentOf(s: Service, id: string) {
  return s.manifest.components.find((c) => c.id === id);
}

export interface ServiceEvent {
  seq: number;
  serviceId: string;
  timeMs: number;
  /** rule: a rule's state changed without an action (went quiet, lost its data, sits at a bound). */
  kind:
    | 'state'
    | 'deployed'
    | 'scale-out'
    | 'scale-in'
    | 'blocked'
    | 'refused'
    | 'rule'
    | 'sla'
    | 'rules-updated'
    | 'error'
    | 'package.admitted'
    | 'package.unverified';
  component: string;
  ruleId: string;
  /** Instance counts for scaling; for sla events 1 when the objective was met, 0 when violated. */
  from: number;
  to: number;
  reason: string;
  taskId: string;
  /** package.admitted: what was admitted, the reference a later check of the stored descriptor uses. */
  package?: AdmittedPackage;
}
