// The security service's RPCs over Identities, the audit log, the policy source and the store.
// The enforcement point has decided each call before it gets here; handlers add the checks a
// single decision cannot make (granting a role in another organization, taking over a holder of
// roles the caller does not manage, changing quotas), narrow listings to what the caller may see,
// and record the outcome of every change in the audit log next to the PEP's decision.

import type { reservoir, SecurityServiceDefinition } from '@reservoir/contracts';
import {
  errors,
  isReservoirError,
  ReservoirError,
  toReservoirError,
  visible,
  type CallContext,
  type Handlers,
  type Logger,
  type ResourceAttributes,
} from '@reservoir/runtime';
import type { AuditLog } from '../../app/audit-log.js';
import { SYSTEM_ORGANIZATION, type Identities } from '../../app/identities.js';
import type { AuditFilter, SecurityStore, StoredPolicy } from '../../app/ports.js';
import { AUDIT_DECISIONS, type AuditDecision, type AuditEntry } from '../../domain/audit/index.js';
import {
  GLOBAL,
  NAME,
  effectiveGrants,
  formatGrant,
  parseSubject,
  randomSecret,
  userPrincipalId,
  type ApiKey,
  type EntityState,
  type FederationPeer,
  type Organization,
  type Principal,
  type Quotas,
  type RoleGrant,
  type ServicePrincipal,
  type User,
} from '../../domain/identity/index.js';
import {
  compilePolicy,
  DEFAULT_POLICY_YAML,
  parsePolicyDocument,
  type AttributeValue,
  type Attributes,
  type DecisionRequest,
  type Directive,
  type PolicyStats,
} from '../../domain/pdp/index.js';
import { policyDigest, type PolicySource } from '../../pep/policy-source.js';
import {
  apiKeyListOrganization,
  apiKeyResource,
  organizationResource,
  POLICY_RESOURCE,
  userResource,
} from './access.js';

export interface SecurityHandlerDeps {
  identities: Identities;
  audit: AuditLog;
  policy: PolicySource;
  store: Pick<
    SecurityStore,
    'getUser' | 'updateUser' | 'groupsOf' | 'getApiKey' | 'currentPolicy' | 'savePolicy'
  >;
  /** Names this server in audit entries, e.g. "security". */
  service: string;
  logger?: Logger;
  clock?: () => number;
}

/** The password length a generated one has (base64url of 18 random bytes: 24 characters). */
const GENERATED_PASSWORD_BYTES = 18;
const ID_SIZE = 200;

// ---------------------------------------------------------------------------------------------
// Messages

function grantToPb(g: RoleGrant): reservoir.security.v1.IRoleGrant {
  return { role: g.role, organization: g.organization };
}

/** Checked by Identities (role names, organizations, system-admin only in "*"). */
function grantsFromPb(list: readonly reservoir.security.v1.IRoleGrant[] | null | undefined): RoleGrant[] {
  return (list ?? []).map((g) => ({
    role: (g.role ?? '') as RoleGrant['role'],
    organization: g.organization ?? '',
  }));
}

export function principalToPb(p: Principal): reservoir.security.v1.IPrincipal {
  return {
    id: p.id,
    kind: p.kind,
    organization: p.organization,
    roles: p.roles.map(grantToPb),
    credentialType: p.credential.type,
    credentialExpiresAtMs: p.credential.expiresAt ?? 0,
  };
}

function quotasToPb(q: Quotas): reservoir.security.v1.IQuotas {
  const out: reservoir.security.v1.IQuotas = {};
  if (q.vms !== null) out.vms = q.vms;
  if (q.vcpus !== null) out.vcpus = q.vcpus;
  if (q.memoryMib !== null) out.memoryMib = q.memoryMib;
  if (q.services !== null) out.services = q.services;
  return out;
}

/** Every quota, an unset one unlimited (null). */
function quotasFromPb(q: reservoir.security.v1.IQuotas): Quotas {
  return {
    vms: optionalInt(q.vms),
    vcpus: optionalInt(q.vcpus),
    memoryMib: optionalInt(q.memoryMib),
    services: optionalInt(q.services),
  };
}

function organizationToPb(o: Organization): reservoir.security.v1.IOrganization {
  return {
    id: o.id,
    name: o.name,
    state: o.state,
    requireSignedOvf: o.requireSignedOvf,
    quotas: quotasToPb(o.quotas),
    createdAtMs: o.createdAt,
    updatedAtMs: o.updatedAt,
  };
}

function userToPb(u: User): reservoir.security.v1.IUser {
  return {
    id: u.id,
    organization: u.organization,
    name: u.name,
    state: u.state,
    roles: u.roles.map(grantToPb),
    mustChangePassword: u.mustChangePassword,
    createdAtMs: u.createdAt,
    updatedAtMs: u.updatedAt,
  };
}

function apiKeyToPb(k: ApiKey): reservoir.security.v1.IApiKey {
  return {
    id: k.id,
    owner: k.owner,
    organization: k.organization,
    name: k.name,
    roles: k.roles.map(grantToPb),
    createdAtMs: k.createdAt,
    expiresAtMs: k.expiresAt ?? 0,
    lastUsedAtMs: k.lastUsedAt ?? 0,
    revokedAtMs: k.revokedAt ?? 0,
  };
}

function servicePrincipalToPb(s: ServicePrincipal): reservoir.security.v1.IServicePrincipal {
  return {
    id: s.id,
    organization: s.organization,
    name: s.name,
    state: s.state,
    roles: s.roles.map(grantToPb),
    createdAtMs: s.createdAt,
    updatedAtMs: s.updatedAt,
  };
}

function peerToPb(p: FederationPeer): reservoir.security.v1.IFederationPeer {
  return {
    site: p.site,
    organization: p.organization,
    publicKeyPem: p.publicKey,
    state: p.state,
    createdAtMs: p.createdAt,
    updatedAtMs: p.updatedAt,
  };
}

function policyToPb(p: StoredPolicy): reservoir.security.v1.IPolicyVersion {
  return {
    version: p.version,
    document: p.document,
    digest: p.digest,
    appliedBy: p.appliedBy,
    appliedAtMs: p.appliedAt,
  };
}

export function auditEntryToPb(e: AuditEntry): reservoir.security.v1.IAuditEntry {
  return {
    seq: e.seq,
    atMs: e.at,
    principal: e.principal,
    organization: e.organization,
    action: e.action,
    resource: e.resource
      ? { type: e.resource.type, id: e.resource.id, organization: e.resource.organization ?? '' }
      : null,
    decision: e.decision ?? '',
    policy: e.policy ?? '',
    obligationsJson: JSON.stringify(e.obligations),
    outcome: e.outcome?.status ?? '',
    outcomeCode: e.outcome?.code ?? '',
    requestId: e.requestId ?? '',
    detailJson: e.detail === null ? '' : JSON.stringify(e.detail),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function directiveToPb(d: Directive): reservoir.security.v1.IDirective {
  return { id: d.id, attributesJson: JSON.stringify(d.attributes) };
}

/** A 64-bit field as a number: protobufjs leaves an unset one as its Long default, not 0. */
function int(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(String(v));
}

/** An optional 64-bit field: null when unset. */
function optionalInt(v: unknown): number | null {
  return v === null || v === undefined ? null : int(v);
}

function stateOf(value: string, field: string): EntityState {
  if (value !== 'enabled' && value !== 'disabled') throw errors.invalid(field, 'must be enabled or disabled');
  return value;
}

// ---------------------------------------------------------------------------------------------
// Policy documents

export interface PolicyCheck {
  ok: boolean;
  problems: { path: string; message: string }[];
  stats?: PolicyStats;
  policyId?: string;
}

/**
 * A document's problems, each with its path, from the one INVALID_ARGUMENT the reader throws:
 * its first line names the field it carries, the others are "<path>: <message>".
 */
export function policyProblems(e: ReservoirError): { path: string; message: string }[] {
  const lines = e.message.split('\n');
  return lines.map((line, i) => {
    if (i === 0) {
      const field = e.field ?? '';
      const prefix = `${field}: `;
      return { path: field, message: field && line.startsWith(prefix) ? line.slice(prefix.length) : line };
    }
    const colon = line.indexOf(': ');
    const path = colon > 0 ? line.slice(0, colon) : '';
    // A path never holds spaces; a message without a path may ("line 3, column 5: …").
    return /\s/.test(path) || path === ''
      ? { path: '', message: line }
      : { path, message: line.slice(colon + 2) };
  });
}

/** Parses and compiles a document the way every decision point will. */
export function checkPolicyDocument(document: string): PolicyCheck {
  if (typeof document !== 'string' || document.trim() === '')
    return { ok: false, problems: [{ path: '', message: 'the document is empty' }] };
  try {
    const compiled = compilePolicy(parsePolicyDocument(document));
    return { ok: true, problems: [], stats: compiled.stats, policyId: compiled.policyId };
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT')
      return { ok: false, problems: policyProblems(e) };
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Decision requests for ExplainDecision

function attributeFromPb(v: reservoir.security.v1.IAttributeValue, field: string): AttributeValue {
  const which = (v as { value?: string }).value;
  if (which === 'list' || (which === undefined && v.list)) return [...(v.list?.values ?? [])];
  if (which === 'flag' || (which === undefined && typeof v.flag === 'boolean')) return v.flag === true;
  if (which === 'number' || (which === undefined && typeof v.number === 'number')) return Number(v.number);
  if (which === 'text' || (which === undefined && typeof v.text === 'string')) return v.text ?? '';
  throw errors.invalid(field, 'must hold a text, a list, a flag or a number');
}

function attributesFromPb(
  map: Record<string, reservoir.security.v1.IAttributeValue> | null | undefined,
  category: string,
): Attributes {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(map ?? {})) out[k] = attributeFromPb(v, `${category}.${k}`);
  return out;
}

export function decisionRequestFromPb(req: reservoir.security.v1.IExplainDecisionRequest): DecisionRequest {
  let base: Record<string, unknown> = {};
  if (req.requestJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.requestJson);
    } catch (e) {
      throw errors.invalid('request_json', `is not JSON: ${(e as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw errors.invalid('request_json', 'must be a JSON object {subject, resource, action, environment}');
    base = parsed as Record<string, unknown>;
  }
  const category = (name: 'subject' | 'resource' | 'action' | 'environment'): Attributes => {
    const from = base[name];
    if (from !== undefined && (typeof from !== 'object' || from === null || Array.isArray(from)))
      throw errors.invalid(`request_json.${name}`, 'must be an object of attributes');
    return { ...(from as Attributes | undefined), ...attributesFromPb(req[name], name) };
  };
  return {
    subject: category('subject'),
    resource: category('resource'),
    action: category('action'),
    environment: category('environment'),
  };
}

// ---------------------------------------------------------------------------------------------
// Handlers

interface AuditTarget {
  type: string;
  id?: string | null;
  organization?: string | null;
}

export function securityHandlers(d: SecurityHandlerDeps): Handlers<typeof SecurityServiceDefinition> {
  const { identities, audit, policy, store } = d;
  const clock = d.clock ?? Date.now;

  /** The caller: the PEP's principal, or (on a server without one) whoever the credential names. */
  const callerOf = async (ctx: CallContext): Promise<Principal> => {
    const p = ctx.principal as Partial<Principal> | undefined;
    if (p && Array.isArray(p.roles) && p.credential) return p as Principal;
    return identities.authenticate(ctx.metadata.authorization);
  };

  const record = (
    ctx: CallContext,
    principal: string,
    action: string,
    target: AuditTarget,
    outcome: { status: 'ok' | 'error'; code: string | null },
    detail?: Record<string, unknown>,
  ): Promise<void> =>
    audit
      .append({
        principal,
        organization: target.organization || ctx.principal?.organization || 'system',
        action,
        resource: {
          type: target.type,
          id: (target.id || target.type).slice(0, ID_SIZE),
          organization: target.organization || null,
        },
        outcome,
        requestId: ctx.metadata['x-request-id'] ?? null,
        detail: { service: d.service, method: ctx.method, ...detail },
      })
      .then(
        () => undefined,
        (e: unknown) => d.logger?.error({ err: e, method: ctx.method }, 'audit append of an outcome failed'),
      );

  /** Runs a change and appends its outcome, ok or the error's code. */
  const change = async <T>(
    ctx: CallContext,
    action: string,
    target: AuditTarget,
    run: () => Promise<T>,
    detail?: (result: T) => Record<string, unknown>,
  ): Promise<T> => {
    const who = ctx.principal?.id ?? 'anonymous';
    let result: T;
    try {
      result = await run();
    } catch (e) {
      await record(ctx, who, action, target, { status: 'error', code: toReservoirError(e).code });
      throw e;
    }
    await record(ctx, who, action, target, { status: 'ok', code: null }, detail?.(result));
    return result;
  };

  /** PERMISSION_DENIED unless the decision point permits action on the resource (no PEP: allowed). */
  const demand = (ctx: CallContext, action: string, resource: ResourceAttributes, why: string): void => {
    if (ctx.may && !ctx.may(action, resource))
      throw new ReservoirError('PERMISSION_DENIED', `${ctx.principal?.id ?? 'the caller'} may not ${why}`);
  };

  /** Granting a role is changing users of the role's organization: an org-admin grants in its own only. */
  const requireGrantable = (ctx: CallContext, grants: readonly RoleGrant[]): void => {
    for (const g of grants)
      demand(ctx, 'user.update', { type: 'user', organization: g.organization }, `grant ${formatGrant(g)}`);
  };

  /**
   * Acting as someone (setting their password, making a key for them, disabling them) is
   * managing every role they hold: an org-admin cannot take over a system admin of its organization.
   */
  const requireManages = async (ctx: CallContext, organization: string, id: string, roles?: RoleGrant[]) => {
    if (!ctx.may) return;
    const held =
      roles ??
      effectiveGrants(
        (await identities.getUser(organization, id)).roles,
        await store.groupsOf(userPrincipalId(organization, id)),
      );
    for (const g of held)
      demand(
        ctx,
        'user.update',
        { type: 'user', organization: g.organization },
        `act for ${userPrincipalId(organization, id)}, who holds ${formatGrant(g)}`,
      );
  };

  const currentPolicy = async (): Promise<StoredPolicy> =>
    (await store.currentPolicy()) ?? {
      version: 0,
      document: DEFAULT_POLICY_YAML,
      digest: policyDigest(DEFAULT_POLICY_YAML),
      appliedBy: 'built-in',
      appliedAt: 0,
    };

  return {
    // --- login and tokens ---

    login: async (req, ctx) => {
      const valid = NAME.test(req.organization) && NAME.test(req.user);
      const who = valid ? userPrincipalId(req.organization, req.user) : 'anonymous';
      const target = {
        type: 'user',
        id: valid ? req.user : 'login',
        organization: valid ? req.organization : null,
      };
      try {
        const r = await identities.login(req.organization, req.user, req.password);
        await record(ctx, who, 'login', target, { status: 'ok', code: null });
        return {
          token: r.token.reveal(),
          expiresAtMs: r.expiresAt,
          principal: principalToPb(r.principal),
          mustChangePassword: r.mustChangePassword,
        };
      } catch (e) {
        await record(ctx, who, 'login', target, { status: 'error', code: toReservoirError(e).code });
        throw e;
      }
    },

    logout: async (_req, ctx) => {
      const caller = await callerOf(ctx);
      const raw = (ctx.metadata.authorization ?? '').trim().replace(/^bearer\s+/i, '');
      if (caller.credential.type !== 'token' || !raw.startsWith('v1.'))
        throw errors.precondition('only a login token is logged out; revoke an API key with RevokeApiKey');
      await change(
        ctx,
        'logout',
        { type: 'token', id: caller.credential.id, organization: caller.organization },
        () => identities.logout(raw),
      );
      return {};
    },

    whoAmI: async (_req, ctx) => principalToPb(await callerOf(ctx)),

    changePassword: async (req, ctx) => {
      const caller = await callerOf(ctx);
      const ref = parseSubject(caller.id);
      if (ref.kind !== 'user') throw errors.precondition('only users have passwords');
      await change(ctx, 'user.change-password', userResource(ref.organization, ref.id), () =>
        identities.changePassword(ref.organization, ref.id, req.currentPassword, req.newPassword),
      );
      return {};
    },

    // --- organizations ---

    createOrganization: async (req, ctx) =>
      organizationToPb(
        await change(ctx, 'organization.create', organizationResource(req.id), () =>
          identities.createOrganization({
            id: req.id,
            ...(req.name ? { name: req.name } : {}),
            requireSignedOvf: req.requireSignedOvf,
            ...(req.quotas ? { quotas: quotasFromPb(req.quotas) } : {}),
          }),
        ),
      ),

    getOrganization: async (req) => organizationToPb(await identities.getOrganization(req.id)),

    listOrganizations: async (_req, ctx) => ({
      organizations: visible(ctx, 'organization.read', await identities.listOrganizations(), (o) =>
        organizationResource(o.id),
      ).map(organizationToPb),
    }),

    updateOrganization: async (req, ctx) =>
      organizationToPb(
        await change(ctx, 'organization.update', organizationResource(req.id), async () => {
          // Quotas bound what an organization may consume: its own admins do not set them.
          if (req.quotas)
            demand(
              ctx,
              'quota.update',
              { type: 'quota', id: req.id, organization: req.id },
              `change the quotas of ${req.id}`,
            );
          return identities.updateOrganization(req.id, {
            ...(req.name != null ? { name: req.name } : {}),
            ...(req.state != null ? { state: stateOf(req.state, 'state') } : {}),
            ...(req.requireSignedOvf != null ? { requireSignedOvf: req.requireSignedOvf } : {}),
            ...(req.quotas ? { quotas: quotasFromPb(req.quotas) } : {}),
          });
        }),
      ),

    // --- users and roles ---

    createUser: async (req, ctx) =>
      userToPb(
        await change(ctx, 'user.create', userResource(req.organization, req.id), async () => {
          const roles = grantsFromPb(req.roles);
          requireGrantable(ctx, roles);
          const user = await identities.createUser({
            organization: req.organization,
            id: req.id,
            ...(req.name ? { name: req.name } : {}),
            roles,
            ...(req.password ? { password: req.password } : {}),
          });
          if (!req.password || !req.mustChangePassword) return user;
          const stored = await store.getUser(user.organization, user.id);
          if (!stored) throw errors.notFound('user', `${user.id}@${user.organization}`);
          await store.updateUser({ ...stored, mustChangePassword: true });
          return { ...user, mustChangePassword: true };
        }),
      ),

    getUser: async (req) => userToPb(await identities.getUser(req.organization, req.id)),

    listUsers: async (req, ctx) => {
      const organization = req.organization || (await callerOf(ctx)).organization;
      const users = await identities.listUsers(organization);
      return {
        users: visible(ctx, 'user.read', users, (u) => userResource(u.organization, u.id)).map(userToPb),
      };
    },

    updateUser: async (req, ctx) =>
      userToPb(
        await change(ctx, 'user.update', userResource(req.organization, req.id), async () => {
          await requireManages(ctx, req.organization, req.id);
          return identities.updateUser(req.organization, req.id, {
            ...(req.name != null ? { name: req.name } : {}),
            ...(req.state != null ? { state: stateOf(req.state, 'state') } : {}),
          });
        }),
      ),

    setPassword: async (req, ctx) => {
      const generated = req.password ? undefined : randomSecret(GENERATED_PASSWORD_BYTES);
      await change(ctx, 'user.set-password', userResource(req.organization, req.id), async () => {
        await requireManages(ctx, req.organization, req.id);
        await identities.setPassword(
          req.organization,
          req.id,
          generated ?? req.password,
          req.mustChangePassword || generated !== undefined,
        );
      });
      return { password: generated ?? '' };
    },

    grantRole: async (req, ctx) => ({
      roles: (await roleChange(req, ctx, 'grant')).map(grantToPb),
    }),

    revokeRole: async (req, ctx) => ({
      roles: (await roleChange(req, ctx, 'revoke')).map(grantToPb),
    }),

    // --- API keys and service principals ---

    createApiKey: async (req, ctx) => {
      const caller = await callerOf(ctx);
      const owner = req.owner || caller.id;
      const roles = grantsFromPb(req.roles);
      const ref = parseSubject(owner, 'owner');
      const created = await change(
        ctx,
        'apikey.create',
        { type: 'user', id: owner, organization: ref.kind === 'user' ? ref.organization : null },
        async () => {
          // A key for someone else acts as them: the caller must manage every role it carries.
          if (owner !== caller.id && ref.kind === 'user')
            await requireManages(ctx, ref.organization, ref.id, roles.length > 0 ? roles : undefined);
          return identities.createApiKey({
            owner,
            ...(req.name ? { name: req.name } : {}),
            roles,
            expiresAt: int(req.expiresAtMs) || null,
          });
        },
        (k) => ({ apiKey: k.apiKey.id }),
      );
      return { apiKey: apiKeyToPb(created.apiKey), secret: created.secret.reveal() };
    },

    listApiKeys: async (req, ctx) => {
      const organization = apiKeyListOrganization(req, await callerOf(ctx));
      const keys = await identities.listApiKeys({ organization, ...(req.owner ? { owner: req.owner } : {}) });
      return { apiKeys: visible(ctx, 'apikey.read', keys, apiKeyResource).map(apiKeyToPb) };
    },

    revokeApiKey: async (req, ctx) => {
      const key = await store.getApiKey(req.id);
      if (!key) throw errors.notFound('API key', req.id);
      await change(ctx, 'apikey.revoke', { type: 'user', id: key.id, organization: key.organization }, () =>
        identities.revokeApiKey(req.id),
      );
      return {};
    },

    createServicePrincipal: async (req, ctx) =>
      servicePrincipalToPb(
        await change(ctx, 'service-principal.create', { type: 'service-principal', id: req.id }, () =>
          identities.createServicePrincipal({
            id: req.id,
            ...(req.organization ? { organization: req.organization } : {}),
            ...(req.name ? { name: req.name } : {}),
            roles: grantsFromPb(req.roles),
          }),
        ),
      ),

    listServicePrincipals: async (req) => ({
      servicePrincipals: (await identities.listServicePrincipals(req.organization || undefined)).map(
        servicePrincipalToPb,
      ),
    }),

    // --- the access policy ---

    getPolicy: async () => policyToPb(await currentPolicy()),

    checkPolicy: async (req) => {
      const r = checkPolicyDocument(req.document);
      return {
        ok: r.ok,
        problems: r.problems,
        rules: r.stats?.rules ?? 0,
        policies: r.stats?.policies ?? 0,
        policySets: r.stats?.policySets ?? 0,
        policyId: r.policyId ?? '',
      };
    },

    applyPolicy: async (req, ctx) => {
      const stored = await change(
        ctx,
        'policy.update',
        POLICY_RESOURCE,
        async () => {
          const check = checkPolicyDocument(req.document);
          if (!check.ok) {
            const first = check.problems[0];
            throw new ReservoirError(
              'INVALID_ARGUMENT',
              check.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n'),
              { field: first?.path ?? '' },
            );
          }
          return store.savePolicy(
            {
              document: req.document,
              digest: policyDigest(req.document),
              appliedBy: ctx.principal?.id ?? 'anonymous',
              appliedAt: clock(),
            },
            req.expectVersion != null ? int(req.expectVersion) : undefined,
          );
        },
        (p) => ({ version: p.version, digest: p.digest }),
      );
      // This server decides under the new version at once; the others within their poll period.
      await policy.refresh();
      return policyToPb(stored);
    },

    explainDecision: async (req) => {
      const request = decisionRequestFromPb(req);
      const x = policy.decisionPoint.explain(request);
      return {
        decision: x.result.decision,
        decidedBy: [...x.result.decidedBy],
        obligations: x.result.obligations.map(directiveToPb),
        advice: x.result.advice.map(directiveToPb),
        status: x.result.status.code,
        statusMessage: x.result.status.message ?? '',
        traceJson: JSON.stringify(x.trace),
        version: policy.version,
        policyId: x.policyId,
      };
    },

    // --- the audit log ---

    queryAudit: async (req, ctx) => {
      const filter: AuditFilter = {};
      if (req.organization) filter.organization = req.organization;
      // A filter without an organization means every organization only to whoever may read them all.
      else if (ctx.may && !ctx.may('audit.list', { type: 'audit' }))
        filter.organization = (await callerOf(ctx)).organization;
      if (req.principal) filter.principal = req.principal;
      if (req.action) filter.action = req.action;
      if (req.decision) {
        const decision = AUDIT_DECISIONS.find((x) => x.toLowerCase() === req.decision.toLowerCase());
        if (!decision) throw errors.invalid('decision', `must be one of ${AUDIT_DECISIONS.join(', ')}`);
        filter.decision = decision satisfies AuditDecision;
      }
      if (int(req.fromMs)) filter.from = int(req.fromMs);
      if (int(req.toMs)) filter.to = int(req.toMs);
      if (int(req.afterSeq)) filter.afterSeq = int(req.afterSeq);
      if (req.order) {
        if (req.order !== 'asc' && req.order !== 'desc') throw errors.invalid('order', 'must be asc or desc');
        filter.order = req.order;
      }
      const limit = req.limit || 100;
      filter.limit = limit;
      const entries = await audit.query(filter);
      return {
        entries: entries.map(auditEntryToPb),
        nextAfterSeq: entries.length === limit ? (entries.at(-1)?.seq ?? 0) : 0,
      };
    },

    verifyAudit: async (req) => {
      const r = await audit.verifyChain(int(req.from) || 1, int(req.to) || undefined);
      return {
        ok: r.ok,
        from: r.from,
        to: r.to,
        checked: r.checked,
        firstBroken: r.firstBroken ?? 0,
        reason: r.reason ?? '',
        headSeq: r.head?.seq ?? 0,
        headHash: r.head?.hash ?? '',
      };
    },

    // --- token signing keys ---

    listSigningKeys: async () => ({
      keys: (await identities.tokens.publicKeys()).map((k) => ({
        kid: k.kid,
        publicKeyPem: k.publicKey,
        createdAtMs: k.createdAt,
      })),
    }),

    rotateSigningKey: async (_req, ctx) => {
      const key = await change(
        ctx,
        'signing-key.rotate',
        { type: 'signing-key' },
        () => identities.tokens.rotate(),
        (k) => ({ kid: k.kid }),
      );
      const createdAt =
        (await identities.tokens.publicKeys()).find((k) => k.kid === key.kid)?.createdAt ?? clock();
      return { kid: key.kid, publicKeyPem: key.publicKey, createdAtMs: createdAt };
    },

    // --- federation peers ---

    registerPeer: async (req, ctx) => {
      const organization = req.organization || SYSTEM_ORGANIZATION;
      return peerToPb(
        await change(ctx, 'peer.create', { type: 'peer', id: req.site }, () =>
          identities.registerPeer({ site: req.site, organization, publicKey: req.publicKeyPem }),
        ),
      );
    },

    listPeers: async (req) => ({
      peers: (await identities.listPeers(req.organization || undefined)).map(peerToPb),
    }),

    updatePeer: async (req, ctx) =>
      peerToPb(
        await change(
          ctx,
          'peer.update',
          { type: 'peer', id: req.site },
          () =>
            identities.updatePeer(req.site, {
              ...(req.state != null ? { state: stateOf(req.state, 'state') } : {}),
              ...(req.publicKeyPem != null ? { publicKey: req.publicKeyPem } : {}),
            }),
          (p) => ({ state: p.state }),
        ),
      ),
  };

  async function roleChange(
    req: reservoir.security.v1.RoleRequest,
    ctx: CallContext,
    how: 'grant' | 'revoke',
  ): Promise<RoleGrant[]> {
    const ref = parseSubject(req.subject);
    const organization =
      req.organization ||
      (req.role === 'system-admin'
        ? GLOBAL
        : ref.kind === 'user' || ref.kind === 'group'
          ? ref.organization
          : '');
    if (!organization) throw errors.invalid('organization', `name the organization ${req.role} applies in`);
    const grant = { role: req.role as RoleGrant['role'], organization };
    const target: AuditTarget = {
      type: ref.kind === 'service' ? 'service-principal' : 'user',
      id: req.subject,
      organization: ref.kind === 'user' || ref.kind === 'group' ? ref.organization : null,
    };
    return change(
      ctx,
      how === 'grant' ? 'user.grant-role' : 'user.revoke-role',
      target,
      async () => {
        requireGrantable(ctx, [grant]);
        return how === 'grant'
          ? identities.grantRole(req.subject, grant)
          : identities.revokeRole(req.subject, grant);
      },
      () => ({ grant: formatGrant(grant) }),
    );
  }
}
