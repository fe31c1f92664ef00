// The request context: four attribute categories, each a map of name → value(s). A list is a bag
// of several values; a scalar is a bag of one; an absent (undefined or null) attribute is the
// empty bag. An explicit empty list is present and empty: a PIP can say "no roles" rather than
// "unknown", which XACML cannot (it only knows empty bags).

export const CATEGORIES = ['subject', 'resource', 'action', 'environment'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Scalar = string | number | boolean;
export type AttributeValue = Scalar | readonly string[];
export type Attributes = Readonly<Record<string, AttributeValue | null | undefined>>;

export interface DecisionRequest {
  readonly subject: Attributes;
  readonly resource: Attributes;
  readonly action: Attributes;
  readonly environment?: Attributes;
}

export function isCategory(s: string): s is Category {
  return (CATEGORIES as readonly string[]).includes(s);
}

/** The category constant itself, so comparing categories compares one interned string. */
export function internCategory(s: Category): Category {
  return CATEGORIES.find((c) => c === s)!;
}

/**
 * Names a policy may not read: they exist on every object's prototype, so a plain request object
 * would answer with a function instead of "missing".
 */
export function isReservedName(name: string): boolean {
  return name in Object.prototype || name === '__proto__';
}

/** The raw value of an attribute, or undefined when the request does not carry it. */
export function readAttribute(req: DecisionRequest, category: Category, name: string): unknown {
  // Named loads: the category is one of four constants, so each access site stays monomorphic.
  const attrs = (
    category === 'subject'
      ? req.subject
      : category === 'resource'
        ? req.resource
        : category === 'action'
          ? req.action
          : req.environment
  ) as Record<string, unknown> | undefined | null;
  // A category that is not a map (a PEP bug, or hostile input) carries no attributes.
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return undefined;
  const v = attrs[name];
  return v === null ? undefined : v;
}

/** "subject" + "roles" → "subject.roles"; the form a policy writes and an error names. */
export function attributeName(category: Category, name: string): string {
  return `${category}.${name}`;
}
