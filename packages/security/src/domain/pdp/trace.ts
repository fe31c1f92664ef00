// What explain() reports: one entry per element evaluated, parents before their children.

import type { Decision } from './decision.js';

export interface TraceEntry {
  kind: 'policySet' | 'policy' | 'rule';
  /** Ids from the root, joined with '/'. */
  path: string;
  /** Nesting level, 0 for the root policy set. */
  depth: number;
  target: 'match' | 'no-match' | 'indeterminate';
  /** Rules with a condition whose target matched. */
  condition?: 'true' | 'false' | 'indeterminate';
  decision: Decision;
  /** Why the element was Indeterminate. */
  reason?: string;
  /** Policies and sets: how many children the index left to evaluate, out of how many. */
  candidates?: { evaluated: number; total: number };
}
