// The decision point a PEP asks: holds the compiled policy and swaps it atomically on reload (a
// document that does not validate is refused and the old policy keeps deciding), fills in
// subject.roles from the role directory when a request does not carry them, and explains.
// No I/O: policy text and the role directory are handed in.

import {
  compilePolicy,
  parsePolicyDocument,
  type CompileOptions,
  type CompiledPolicy,
  type DecisionRequest,
  type DecisionResult,
  type Explanation,
  type PolicySet,
  type PolicyStats,
  type RoleDirectory,
} from '../domain/pdp/index.js';

export interface DecisionPointOptions extends CompileOptions {
  /** The policy document (YAML or JSON text) or an already validated PolicySet. */
  policy: string | PolicySet;
  /** Source of subject.roles for requests that do not carry roles. */
  roles?: RoleDirectory;
}

export interface VersionedExplanation extends Explanation {
  /** The policy version that decided. */
  version: number;
  policyId: string;
}

export class DecisionPoint {
  /** Policy and version change together, in one assignment. */
  private current: { policy: CompiledPolicy; version: number };
  private readonly roles: RoleDirectory | undefined;
  private readonly compileOptions: CompileOptions;

  /** Throws INVALID_ARGUMENT (every problem, with its path) if the initial policy is invalid. */
  constructor(options: DecisionPointOptions) {
    this.roles = options.roles;
    this.compileOptions = options.index === undefined ? {} : { index: options.index };
    this.current = { policy: this.compile(options.policy), version: 1 };
  }

  /** 1 for the initial policy, one more after each successful reload. */
  get version(): number {
    return this.current.version;
  }

  get policyId(): string {
    return this.current.policy.policyId;
  }

  get stats(): PolicyStats {
    return this.current.policy.stats;
  }

  /**
   * Replaces the policy. The new one is parsed and compiled before the swap, so a bad document
   * throws INVALID_ARGUMENT and leaves the current policy deciding. Returns the new version.
   */
  reload(policy: string | PolicySet): number {
    const next = this.compile(policy);
    this.current = { policy: next, version: this.current.version + 1 };
    return this.current.version;
  }

  /** Never throws: evaluation errors come back as Indeterminate with a status. */
  decide(request: DecisionRequest): DecisionResult {
    return this.current.policy.decide(this.withRoles(request));
  }

  /** The decision plus which policies and rules were evaluated, what they yielded and why. */
  explain(request: DecisionRequest): VersionedExplanation {
    const { policy, version } = this.current;
    return { ...policy.explain(this.withRoles(request)), version, policyId: policy.policyId };
  }

  private compile(policy: string | PolicySet): CompiledPolicy {
    const set = typeof policy === 'string' ? parsePolicyDocument(policy) : policy;
    return compilePolicy(set, this.compileOptions);
  }

  private withRoles(request: DecisionRequest): DecisionRequest {
    const subject = (request as Partial<DecisionRequest> | null)?.subject;
    if (!this.roles || !subject || (subject.roles !== undefined && subject.roles !== null)) return request;
    const id = subject.id;
    if (typeof id !== 'string') return request;
    const organization = typeof subject.organization === 'string' ? subject.organization : undefined;
    return { ...request, subject: { ...subject, roles: this.roles.rolesOf(id, organization) } };
  }
}
