// Principal ids name every caller the same way in tokens, API key owners, group members and audit
// entries: "user:<id>@<org>", "service:<name>@<site>", "peer:<site>"; groups are "group:<id>@<org>".

import { errors } from '@reservoir/runtime';

export type PrincipalKind = 'user' | 'service' | 'peer';

export type SubjectRef =
  | { kind: 'user'; organization: string; id: string }
  | { kind: 'service'; id: string }
  | { kind: 'peer'; site: string }
  | { kind: 'group'; organization: string; id: string };

/** Organization, user and group ids: lower-case letters, digits, '.', '_', '-'; 1–63 characters. */
export const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** Site names (DNS-like). */
export const SITE = /^[a-z0-9][a-z0-9.-]{0,62}$/;
export const SERVICE_ID = /^service:[a-z0-9][a-z0-9._-]{0,62}@[a-z0-9][a-z0-9.-]{0,62}$/;

export function userPrincipalId(organization: string, id: string): string {
  return `user:${id}@${organization}`;
}

export function peerPrincipalId(site: string): string {
  return `peer:${site}`;
}

export function groupRef(organization: string, id: string): string {
  return `group:${id}@${organization}`;
}

/** Parses a principal or group id; INVALID_ARGUMENT naming field when it is none of the forms. */
export function parseSubject(text: string, field = 'subject'): SubjectRef {
  const bad = () =>
    errors.invalid(
      field,
      `"${text}" is not user:<id>@<org>, service:<name>@<site>, peer:<site> or group:<id>@<org>`,
    );
  if (typeof text !== 'string') throw bad();
  const colon = text.indexOf(':');
  const kind = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  if (kind === 'service') {
    if (!SERVICE_ID.test(text)) throw bad();
    return { kind, id: text };
  }
  if (kind === 'peer') {
    if (!SITE.test(rest)) throw bad();
    return { kind, site: rest };
  }
  if (kind === 'user' || kind === 'group') {
    const at = rest.lastIndexOf('@');
    const id = rest.slice(0, at);
    const organization = rest.slice(at + 1);
    if (at < 0 || !NAME.test(id) || !NAME.test(organization)) throw bad();
    return { kind, organization, id };
  }
  throw bad();
}
