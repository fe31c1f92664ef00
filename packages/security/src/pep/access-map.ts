// What each RPC of a service means to the decision point: the action, the resource type, and how
// the resource's organization and owner are found (from the request, or from the service's own
// store, which then serves as the policy information point).

import {
  METRICS_METHOD,
  type CallPrincipal,
  type ResourceAttributes,
  type ServiceDef,
} from '@reservoir/runtime';
import type { Quotas } from '../domain/identity/index.js';

/** A method every caller may call, authenticated or not (login, public keys). */
export const PUBLIC = 'public' as const;
/** A method any authenticated caller may call, about itself only (whoami, logout). */
export const AUTHENTICATED = 'authenticated' as const;

export interface AccessRule<Req = never> {
  /** "<type>.<verb>", e.g. "vm.create"; the verbs read and list change nothing. */
  action: string;
  /**
   * The resource the call acts on. Default: a resource of the action's type in the caller's own
   * organization. Throw NOT_FOUND for a resource that does not exist: the PEP answers it as a
   * denial, so a caller learns nothing of another organization's ids.
   */
  resource?: (req: Req, caller: CallPrincipal) => ResourceAttributes | Promise<ResourceAttributes>;
  /**
   * Discharges the policy's check-quota obligation: throws RESOURCE_EXHAUSTED when the call would
   * take the organization beyond its quotas (null: unlimited), counting what the service holds for
   * it now. A growth call without it is denied when the policy asks for the check.
   */
  quota?: (req: Req, organization: string, limits: Quotas) => void | Promise<void>;
}

export type AccessEntry<Req = never> = AccessRule<Req> | typeof PUBLIC | typeof AUTHENTICATED;

/** Method path ("/reservoir.veem.v1.VmService/CreateVm") → entry. */
export type AccessMap = ReadonlyMap<string, AccessEntry<unknown>>;

type RequestOf<R> = R extends { requestDeserialize(b: Buffer): infer Q } ? Q : never;

/** Rules for every method of one service definition: the compiler refuses a missing method. */
export type ServiceAccess<D extends ServiceDef> = { [K in keyof D]: AccessEntry<RequestOf<D[K]>> };

/** Keys the rules of one or more services by method path. */
export function accessMap(...services: [ServiceDef, Record<string, AccessEntry<never>>][]): AccessMap {
  const map = new Map<string, AccessEntry<unknown>>();
  for (const [definition, rules] of services) {
    for (const [key, rpc] of Object.entries(definition)) {
      const rule = rules[key];
      if (rule !== undefined) map.set(rpc.path, rule as AccessEntry<unknown>);
    }
  }
  return map;
}

/** One service's rules, checked against its definition. */
export function serviceAccess<D extends ServiceDef>(
  definition: D,
  rules: ServiceAccess<D>,
): [ServiceDef, Record<string, AccessEntry<never>>] {
  return [definition, rules as unknown as Record<string, AccessEntry<never>>];
}

/** The type part of "<type>.<verb>". */
export function resourceTypeOf(action: string): string {
  const dot = action.lastIndexOf('.');
  return dot > 0 ? action.slice(0, dot) : action;
}

/** A service's Prometheus endpoint: the platform's scrapers and system admins read it. */
export const METRICS_ACCESS: AccessMap = new Map<string, AccessEntry<unknown>>([
  [METRICS_METHOD, { action: 'metrics.read', resource: () => ({ type: 'metrics' }) }],
]);
