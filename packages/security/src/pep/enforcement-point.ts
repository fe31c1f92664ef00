// The policy enforcement point (SEC-3): a call guard on a service's gRPC server. It authenticates
// the caller, limits its rate, asks the decision point about the call's action on its resource,
// discharges the obligations that come back, and records the decision in the audit log. What it
// refuses never reaches a handler; what it permits carries the caller (ctx.principal) and a way to
// ask about other resources (ctx.may), with which list handlers keep only what the caller may see.

import {
  errors,
  isReservoirError,
  ReservoirError,
  type CallContext,
  type CallGuard,
  type ResourceAttributes,
} from '@reservoir/runtime';
import type { Logger } from 'pino';
import type { AuditDraft, AuditEntry } from '../domain/audit/index.js';
import { principalRoles, type Principal, type Quotas } from '../domain/identity/index.js';
import type { DecisionRequest, DecisionResult, Directive } from '../domain/pdp/index.js';
import { AUTHENTICATED, PUBLIC, resourceTypeOf, type AccessMap, type AccessRule } from './access-map.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';

export interface EnforcementOptions {
  /** Names this server in audit entries and messages, e.g. "veem@site-a". */
  service: string;
  /** The caller behind the `authorization` metadata; UNAUTHENTICATED when there is none or it is bad. */
  authenticate(credential: string | undefined): Promise<Principal>;
  /** The decision point in force (it may be swapped on policy reload). */
  decide(request: DecisionRequest): DecisionResult;
  audit: { append(draft: AuditDraft): Promise<AuditEntry> };
  /** An organization's quotas, for the check-quota obligation. */
  quotas(organization: string): Promise<Quotas>;
  /** Per principal; default 100 calls/s with bursts of 200. False for none. */
  rateLimit?: RateLimitOptions | false;
  /** Principals kinds not rate-limited; default the platform's own services. */
  unlimitedKinds?: readonly Principal['kind'][];
  /** Audits permitted reads too (default: decisions that deny, and every change). */
  auditReads?: boolean;
  logger?: Logger;
  clock?: () => number;
}

/** Builds the guard for one server from its access map. */
export type Enforcer = (access: AccessMap) => CallGuard;

const READ = /\.(read|list)$/;

export function enforcementPoint(access: AccessMap, o: EnforcementOptions): CallGuard {
  const limiter =
    o.rateLimit === false
      ? undefined
      : new RateLimiter(o.rateLimit ?? { perSecond: 100, burst: 200 }, o.clock);
  const unlimited = new Set(o.unlimitedKinds ?? ['service']);

  const request = (p: Principal, action: string, resource: ResourceAttributes): DecisionRequest => ({
    subject: {
      id: p.id,
      organization: p.organization,
      kind: p.kind,
      roles: principalRoles(p, p.organization),
      // A person's password login, as opposed to an API key or a service's token.
      interactive: p.kind === 'user' && p.credential.type === 'token',
    },
    resource: {
      type: resource.type,
      id: resource.id ?? null,
      organization: resource.organization ?? null,
      owner: resource.owner ?? null,
      sharedWith: resource.sharedWith ?? null,
    },
    action: { id: action },
    environment: { service: o.service, time: (o.clock ?? Date.now)() },
  });

  const record = (
    p: Principal | undefined,
    ctx: CallContext,
    action: string,
    resource: ResourceAttributes | undefined,
    result: DecisionResult | undefined,
    detail?: unknown,
  ): Promise<AuditEntry> =>
    o.audit.append({
      principal: p?.id ?? 'anonymous',
      organization: resource?.organization ?? p?.organization ?? '',
      action,
      resource: resource
        ? // "*": the type as a whole (a listing, a creation) rather than one resource.
          { type: resource.type, id: resource.id || '*', organization: resource.organization ?? null }
        : null,
      decision: result?.decision ?? 'Deny',
      policy: result?.decidedBy.join('/') || null,
      obligations: result?.obligations ?? [],
      requestId: ctx.metadata['x-request-id'] ?? null,
      detail: { service: o.service, method: ctx.method, ...(detail === undefined ? {} : { reason: detail }) },
    });

  const deny = async (
    p: Principal,
    ctx: CallContext,
    action: string,
    resource: ResourceAttributes,
    result: DecisionResult | undefined,
    why: string,
  ): Promise<never> => {
    let ref = '';
    try {
      // A permit whose obligation could not be met is a refusal in the log too.
      const refused: DecisionResult | undefined =
        result?.decision === 'Permit' ? { ...result, decision: 'Deny' } : result;
      ref = `; audit entry ${(await record(p, ctx, action, resource, refused, why)).seq}`;
    } catch (e) {
      o.logger?.error({ err: e, method: ctx.method }, 'audit append failed for a denial');
    }
    throw new ReservoirError(
      'PERMISSION_DENIED',
      `${p.id} may not ${action} ${describe(resource)}: ${why}${ref}`,
    );
  };

  return async (ctx, req) => {
    const entry = access.get(ctx.method);
    if (entry === PUBLIC) return;
    const principal = await o.authenticate(ctx.metadata.authorization);
    if (limiter && !unlimited.has(principal.kind)) {
      const wait = limiter.take(principal.id);
      if (wait > 0)
        throw new ReservoirError(
          'RESOURCE_EXHAUSTED',
          `${principal.id} is calling too often: try again in ${wait} ms`,
          { retryAfterMs: wait },
        );
    }
    ctx.principal = principal;
    ctx.may = (action, resource) => o.decide(request(principal, action, resource)).decision === 'Permit';
    if (entry === AUTHENTICATED) return;
    if (entry === undefined) {
      // A method nobody mapped is refused: a new RPC cannot go out unprotected.
      return deny(
        principal,
        ctx,
        'unmapped',
        { type: 'method', id: ctx.method },
        undefined,
        `${ctx.method} has no access rule`,
      );
    }
    const rule = entry as AccessRule<unknown>;
    let resource: ResourceAttributes;
    try {
      resource = rule.resource
        ? await rule.resource(req as never, principal)
        : { type: resourceTypeOf(rule.action), organization: principal.organization };
    } catch (e) {
      if (isReservoirError(e) && e.code === 'NOT_FOUND') {
        const type = resourceTypeOf(rule.action);
        // Whoever may act on any resource of the type (a system admin) learns nothing new from
        // NOT_FOUND; to anyone else another organization's resource and a missing one look the same.
        if (o.decide(request(principal, rule.action, { type })).decision === 'Permit') throw e;
        return deny(principal, ctx, rule.action, { type }, undefined, e.message);
      }
      throw e;
    }
    const result = o.decide(request(principal, rule.action, resource));
    if (result.decision !== 'Permit') {
      const mfa = result.advice.find((a) => a.id === 'require-mfa');
      const why =
        result.decision === 'Deny'
          ? `denied by ${result.decidedBy.join('/') || 'the policy'}${mfa ? ` (${String(mfa.attributes.reason)})` : ''}`
          : `the policy decided ${result.decision}${result.status.message ? `: ${result.status.message}` : ''}`;
      return deny(principal, ctx, rule.action, resource, result, why);
    }
    // Every other obligation first: an entry saying Permit is written only for a call that goes ahead.
    let audited = false;
    for (const ob of result.obligations) {
      if (ob.id === 'audit') continue;
      const failure = await discharge(ob, rule, req, resource, o.quotas);
      if (isReservoirError(failure) && failure.code === 'RESOURCE_EXHAUSTED') {
        await record(
          principal,
          ctx,
          rule.action,
          resource,
          { ...result, decision: 'Deny' },
          failure.message,
        ).catch(() => undefined);
        throw failure;
      }
      if (failure) return deny(principal, ctx, rule.action, resource, result, failure.message);
    }
    if (result.obligations.some((ob) => ob.id === 'audit')) {
      // The obligation holds only once the entry is durable.
      await record(principal, ctx, rule.action, resource, result);
      audited = true;
    }
    if (!audited && (o.auditReads || !READ.test(rule.action))) {
      // Reads are many; their entries go in batches without holding the call.
      const p = record(principal, ctx, rule.action, resource, result);
      if (READ.test(rule.action)) p.catch((e) => o.logger?.error({ err: e }, 'audit append failed'));
      else await p;
    }
  };
}

/** Returns an error when the obligation cannot be met (the PEP must then refuse the call). */
async function discharge(
  ob: Directive,
  rule: AccessRule<unknown>,
  req: unknown,
  resource: ResourceAttributes,
  quotas: (organization: string) => Promise<Quotas>,
): Promise<Error | undefined> {
  switch (ob.id) {
    case 'audit':
      return undefined;
    case 'check-quota': {
      if (!rule.quota) return errors.precondition(`no quota check is defined for ${rule.action}`);
      try {
        const organization = String(ob.attributes.organization ?? resource.organization ?? '');
        await rule.quota(req as never, organization, await quotas(organization));
        return undefined;
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    }
    default:
      return new Error(`the policy asks for obligation "${ob.id}", which this service cannot discharge`);
  }
}

function describe(r: ResourceAttributes): string {
  const what = r.id ? `${r.type} "${r.id}"` : `${/^[aeiou]/.test(r.type) ? 'an' : 'a'} ${r.type}`;
  return r.organization ? `${what} of organization "${r.organization}"` : what;
}
