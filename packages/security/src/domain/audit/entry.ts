// An audit entry (SEC-6): who did what to which resource, what the decision point decided and by
// which policy, what the mutation's outcome was. Entries are chained by hash (chain.ts) and the
// database refuses to change or remove one.

import { errors } from '@reservoir/runtime';
import { toJson, type Json } from './canonical-json.js';

/** The decision point's decisions, XACML's extended Indeterminate included, plus a plain Indeterminate. */
export const AUDIT_DECISIONS = [
  'Permit',
  'Deny',
  'NotApplicable',
  'Indeterminate',
  'Indeterminate{D}',
  'Indeterminate{P}',
  'Indeterminate{DP}',
] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

export interface AuditResource {
  type: string;
  id: string;
  /** The organization owning the resource, null for a global one. */
  organization: string | null;
}

export interface AuditOutcome {
  status: 'ok' | 'error';
  /** The error code (e.g. "NOT_FOUND") when status is error. */
  code: string | null;
}

/** What is hashed and stored, without the chain fields. Absent values are null, never undefined. */
export interface AuditRecord {
  /** Epoch ms. */
  at: number;
  /** Principal id, or "anonymous" for a call that did not authenticate. */
  principal: string;
  /** The organization the action happened in. */
  organization: string;
  /** e.g. "vm.start", "organization.create", "login". */
  action: string;
  resource: AuditResource | null;
  decision: AuditDecision | null;
  /** The policy or rule that decided, e.g. "rbac/org-admin". */
  policy: string | null;
  obligations: Json[];
  outcome: AuditOutcome | null;
  requestId: string | null;
  detail: Json | null;
}

export interface AuditEntry extends AuditRecord {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  /** The previous entry's hash (GENESIS_HASH for seq 1). */
  prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every other field, prevHash included. */
  hash: string;
}

/** What a caller appends: the log fills in the time and the nulls. */
export interface AuditDraft {
  at?: number;
  principal: string;
  organization: string;
  action: string;
  resource?: { type: string; id: string; organization?: string | null } | null;
  decision?: AuditDecision | null;
  policy?: string | null;
  /** Plain JSON values, e.g. the decision's obligations {id, attributes}. */
  obligations?: readonly unknown[];
  outcome?: AuditOutcome | null;
  requestId?: string | null;
  /** Any plain JSON value. */
  detail?: unknown;
}

const MAX_TEXT = 512;
const MAX_JSON = 64 * 1024;

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_TEXT) {
    throw errors.invalid(field, `must be a non-empty text of at most ${MAX_TEXT} characters`);
  }
  return value;
}

function optionalText(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : text(value, field);
}

function json(value: unknown, field: string): Json {
  const copy = toJson(value);
  if (copy === undefined) throw errors.invalid(field, 'must be plain JSON (finite numbers, no undefined)');
  if (JSON.stringify(copy).length > MAX_JSON)
    throw errors.invalid(field, `must be at most ${MAX_JSON} bytes`);
  return copy;
}

function resource(value: AuditDraft['resource'], field: string): AuditResource | null {
  if (value === undefined || value === null) return null;
  return {
    type: text(value.type, `${field}.type`),
    id: text(value.id, `${field}.id`),
    organization: optionalText(value.organization, `${field}.organization`),
  };
}

function outcome(value: AuditDraft['outcome'], field: string): AuditOutcome | null {
  if (value === undefined || value === null) return null;
  if (value.status !== 'ok' && value.status !== 'error')
    throw errors.invalid(`${field}.status`, 'must be ok or error');
  const code = optionalText(value.code, `${field}.code`);
  if (value.status === 'error' && code === null)
    throw errors.invalid(`${field}.code`, 'is required for an error');
  return { status: value.status, code: value.status === 'ok' ? null : code };
}

/** A draft checked and completed into the record that will be hashed; at defaults to now. */
export function toAuditRecord(d: AuditDraft, now: number, field = 'entry'): AuditRecord {
  const at = d.at ?? now;
  if (!Number.isSafeInteger(at) || at < 0) throw errors.invalid(`${field}.at`, 'must be epoch milliseconds');
  if (d.decision !== undefined && d.decision !== null && !AUDIT_DECISIONS.includes(d.decision)) {
    throw errors.invalid(`${field}.decision`, `must be one of ${AUDIT_DECISIONS.join(', ')}`);
  }
  const obligations = d.obligations === undefined ? [] : json(d.obligations, `${field}.obligations`);
  if (!Array.isArray(obligations)) throw errors.invalid(`${field}.obligations`, 'must be a list');
  return {
    at,
    principal: text(d.principal, `${field}.principal`),
    organization: text(d.organization, `${field}.organization`),
    action: text(d.action, `${field}.action`),
    resource: resource(d.resource, `${field}.resource`),
    decision: d.decision ?? null,
    policy: optionalText(d.policy, `${field}.policy`),
    obligations,
    outcome: outcome(d.outcome, `${field}.outcome`),
    requestId: optionalText(d.requestId, `${field}.requestId`),
    detail: d.detail === undefined || d.detail === null ? null : json(d.detail, `${field}.detail`),
  };
}
