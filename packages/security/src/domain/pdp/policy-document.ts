// Policy documents are YAML a site admin edits:
//   policySet: { id, description?, combining, target?, obligations?, advice?,
//                policies: [ { policy: {...} } | { policySet: {...} } ] }
//   policy:    { id, description?, combining, target?, obligations?, advice?, rules: [...] }
//   rule:      { id, description?, effect, target?, condition?, obligations?, advice? }
// Reading validates everything and reports every problem with its path in one INVALID_ARGUMENT.

import { LineCounter, parseDocument } from 'yaml';
import { ReservoirError } from '@reservoir/runtime';
import { isReservedName } from './attributes.js';
import type { Effect } from './decision.js';
import type { Expr } from './expression.js';
import { ExpressionSyntaxError, parseCondition, parseExpression } from './expression-parser.js';
import {
  POLICY_COMBINING,
  RULE_COMBINING,
  type AttributeAssignment,
  type DirectiveExpression,
  type Policy,
  type PolicyCombiningAlgorithm,
  type PolicySet,
  type Rule,
  type RuleCombiningAlgorithm,
} from './policy.js';
import { Problems, at, checkKeys, isRecord, isScalar, scalarList } from './problems.js';
import { readTarget } from './target-document.js';

const SET_KEYS = ['id', 'description', 'combining', 'target', 'obligations', 'advice', 'policies'];
const POLICY_KEYS = ['id', 'description', 'combining', 'target', 'obligations', 'advice', 'rules'];
const RULE_KEYS = ['id', 'description', 'effect', 'target', 'condition', 'obligations', 'advice'];
/** Deeper nesting is a mistake, and unbounded recursion would be a way to crash the reader. */
const MAX_DEPTH = 32;
const ID = /^[^\s/]+$/;

/**
 * Reads a policy document from YAML text, or JSON text (a generated document of 100,000 rules
 * reads many times faster through JSON.parse); throws INVALID_ARGUMENT listing every problem.
 */
export function parsePolicyDocument(text: string): PolicySet {
  return policySetFromObject(text.trimStart().startsWith('{') ? readJson(text) : readYaml(text));
}

function readYaml(text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter: lines, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw syntaxError(line, col, syntax.message);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position === undefined)
      throw new ReservoirError('INVALID_ARGUMENT', `invalid JSON: ${message}`, { field: '' });
    const before = text.slice(0, Number(position)).split('\n');
    throw syntaxError(before.length, before.at(-1)!.length + 1, message);
  }
}

function syntaxError(line: number, col: number, message: string): ReservoirError {
  return new ReservoirError('INVALID_ARGUMENT', `line ${line}, column ${col}: ${message}`, { field: '' });
}

/** Validates a parsed document ({ policySet: … }) into a PolicySet; throws every problem. */
export function policySetFromObject(raw: unknown): PolicySet {
  const reader = new Reader();
  if (!isRecord(raw) || !isRecord(raw.policySet)) {
    reader.problems.add('', 'a policy document is a mapping with one key, policySet');
    reader.problems.throwIfAny();
  }
  const doc = raw as Record<string, unknown>;
  checkKeys(doc, ['policySet'], '', reader.problems);
  const set = reader.policySet(doc.policySet, 'policySet', 0);
  reader.problems.throwIfAny();
  return set!;
}

class Reader {
  readonly problems = new Problems();
  /** Policy and policy set ids are unique in a document: decisions and traces name them. */
  private readonly elementIds = new Map<string, string>();

  policySet(raw: unknown, path: string, depth: number): PolicySet | undefined {
    if (!isRecord(raw)) return this.fail(path, 'must be a mapping');
    if (depth > MAX_DEPTH) return this.fail(path, `policy sets nest at most ${MAX_DEPTH} deep`);
    checkKeys(raw, SET_KEYS, path, this.problems);
    const id = this.elementId(raw.id, path);
    const combining = this.combining(raw.combining, at(path, 'combining'), POLICY_COMBINING);
    const policies: (Policy | PolicySet)[] = [];
    const list = this.list(raw.policies, at(path, 'policies'), true);
    list.forEach((item, i) => {
      const p = at(at(path, 'policies'), i);
      if (!isRecord(item) || Object.keys(item).length !== 1 || !('policy' in item || 'policySet' in item)) {
        this.problems.add(p, 'each entry is { policy: … } or { policySet: … }');
        return;
      }
      const child =
        'policy' in item
          ? this.policy(item.policy, at(p, 'policy'))
          : this.policySet(item.policySet, at(p, 'policySet'), depth + 1);
      if (child) policies.push(child);
    });
    return {
      kind: 'policySet',
      id: id ?? '',
      ...this.description(raw.description, path),
      combining: combining ?? 'deny-overrides',
      target: readTarget(raw.target, at(path, 'target'), this.problems),
      policies,
      obligations: this.directives(raw.obligations, at(path, 'obligations'), 'fulfillOn'),
      advice: this.directives(raw.advice, at(path, 'advice'), 'appliesTo'),
    };
  }

  private policy(raw: unknown, path: string): Policy | undefined {
    if (!isRecord(raw)) return this.fail(path, 'must be a mapping');
    checkKeys(raw, POLICY_KEYS, path, this.problems);
    const id = this.elementId(raw.id, path);
    let combining: RuleCombiningAlgorithm | undefined;
    if (raw.combining === 'only-one-applicable')
      this.problems.add(at(path, 'combining'), 'only-one-applicable combines policies, not rules');
    else combining = this.combining(raw.combining, at(path, 'combining'), RULE_COMBINING);
    const ruleIds = new Map<string, string>();
    const rules: Rule[] = [];
    this.list(raw.rules, at(path, 'rules'), true).forEach((item, i) => {
      const rule = this.rule(item, at(at(path, 'rules'), i), ruleIds);
      if (rule) rules.push(rule);
    });
    return {
      kind: 'policy',
      id: id ?? '',
      ...this.description(raw.description, path),
      combining: combining ?? 'deny-overrides',
      target: readTarget(raw.target, at(path, 'target'), this.problems),
      rules,
      obligations: this.directives(raw.obligations, at(path, 'obligations'), 'fulfillOn'),
      advice: this.directives(raw.advice, at(path, 'advice'), 'appliesTo'),
    };
  }

  private rule(raw: unknown, path: string, ruleIds: Map<string, string>): Rule | undefined {
    if (!isRecord(raw)) return this.fail(path, 'must be a mapping');
    checkKeys(raw, RULE_KEYS, path, this.problems);
    const id = this.id(raw.id, at(path, 'id'), ruleIds, path, 'rule');
    const effect = this.effect(raw.effect, at(path, 'effect'));
    const rule: Rule = {
      id: id ?? '',
      ...this.description(raw.description, path),
      effect: effect ?? 'Permit',
      target: readTarget(raw.target, at(path, 'target'), this.problems),
      obligations: this.directives(raw.obligations, at(path, 'obligations'), 'fulfillOn', effect),
      advice: this.directives(raw.advice, at(path, 'advice'), 'appliesTo', effect),
    };
    if (raw.condition !== undefined) {
      const condition = this.expression(raw.condition, at(path, 'condition'), true);
      if (condition) rule.condition = condition;
    }
    return rule;
  }

  private fail(path: string, message: string): undefined {
    this.problems.add(path, message);
    return undefined;
  }

  private elementId(raw: unknown, path: string): string | undefined {
    return this.id(raw, at(path, 'id'), this.elementIds, path, 'policy or policy set');
  }

  private id(
    raw: unknown,
    field: string,
    seen: Map<string, string>,
    owner: string,
    what: string,
  ): string | undefined {
    if (typeof raw !== 'string' || !ID.test(raw))
      return this.fail(field, 'must be a non-empty string without spaces or slashes');
    const prior = seen.get(raw);
    if (prior !== undefined) this.problems.add(field, `duplicate ${what} id "${raw}" (also at ${prior})`);
    else seen.set(raw, owner);
    return raw;
  }

  private description(raw: unknown, path: string): { description?: string } {
    if (raw === undefined) return {};
    if (typeof raw === 'string') return { description: raw };
    this.problems.add(at(path, 'description'), 'must be a string');
    return {};
  }

  private combining<T extends PolicyCombiningAlgorithm>(
    raw: unknown,
    field: string,
    allowed: readonly T[],
  ): T | undefined {
    if ((allowed as readonly unknown[]).includes(raw)) return raw as T;
    return this.fail(
      field,
      raw === undefined
        ? `is required (one of: ${allowed.join(', ')})`
        : `unknown combining algorithm ${JSON.stringify(raw)} (expected one of: ${allowed.join(', ')})`,
    );
  }

  private effect(raw: unknown, field: string): Effect | undefined {
    if (raw === 'Permit' || raw === 'Deny') return raw;
    return this.fail(field, raw === undefined ? 'is required (Permit or Deny)' : 'must be Permit or Deny');
  }

  private list(raw: unknown, field: string, required: boolean): unknown[] {
    if (raw === undefined && !required) return [];
    if (Array.isArray(raw)) return raw;
    this.problems.add(field, raw === undefined ? 'is required (a list)' : 'must be a list');
    return [];
  }

  private expression(raw: unknown, field: string, condition: boolean): Expr | undefined {
    if (typeof raw !== 'string' || raw.trim() === '')
      return this.fail(field, 'must be an expression in a string');
    try {
      return condition ? parseCondition(raw) : parseExpression(raw);
    } catch (e) {
      if (e instanceof ExpressionSyntaxError) return this.fail(field, e.message);
      throw e;
    }
  }

  /**
   * Obligations (fulfillOn) or advice (appliesTo). On a rule the decision defaults to the rule's
   * effect, and any other would never apply; on a policy or set it is required.
   */
  private directives(
    raw: unknown,
    path: string,
    onKey: 'fulfillOn' | 'appliesTo',
    ruleEffect?: Effect,
  ): DirectiveExpression[] {
    const out: DirectiveExpression[] = [];
    this.list(raw, path, false).forEach((item, i) => {
      const p = at(path, i);
      if (!isRecord(item)) return this.fail(p, 'must be a mapping with id, ' + onKey + ' and attributes');
      checkKeys(item, ['id', onKey, 'attributes'], p, this.problems);
      const id =
        typeof item.id === 'string' && item.id.trim() !== ''
          ? item.id
          : this.fail(at(p, 'id'), 'must be a non-empty string');
      let on: Effect | undefined;
      if (item[onKey] === undefined && ruleEffect !== undefined) on = ruleEffect;
      else on = this.effect(item[onKey], at(p, onKey));
      if (on !== undefined && ruleEffect !== undefined && on !== ruleEffect)
        this.problems.add(at(p, onKey), `never applies: the rule's effect is ${ruleEffect}`);
      const assignments = this.assignments(item.attributes, at(p, 'attributes'));
      if (id !== undefined && on !== undefined) out.push({ id, on, assignments });
    });
    return out;
  }

  /** name: literal | [literals] | { expr: "resource.owner" } */
  private assignments(raw: unknown, path: string): AttributeAssignment[] {
    if (raw === undefined) return [];
    if (!isRecord(raw)) {
      this.problems.add(path, 'must be a mapping of name: value');
      return [];
    }
    const out: AttributeAssignment[] = [];
    for (const [name, v] of Object.entries(raw)) {
      const field = at(path, name);
      if (isReservedName(name)) {
        this.problems.add(field, `"${name}" is a reserved name`);
        continue;
      }
      let value: Expr | undefined;
      if (isScalar(v)) value = { kind: 'literal', value: v, column: 1 };
      else if (Array.isArray(v)) {
        const items = scalarList(v, field, this.problems);
        if (items)
          value = {
            kind: 'list',
            items: items.map((x) => ({ kind: 'literal', value: x, column: 1 })),
            column: 1,
          };
      } else if (isRecord(v) && Object.keys(v).length === 1 && 'expr' in v) {
        value = this.expression(v.expr, at(field, 'expr'), false);
      } else this.problems.add(field, 'must be a value, a list of values, or { expr: "…" }');
      if (value) out.push({ name, value });
    }
    return out;
  }
}
