// An index over the children of one policy or policy set, so a request visits only children whose
// target can match. Each child contributes equality facts from its target ("action.id is one of
// vm.create, vm.read"); the index splits the children on the attribute that cuts the expected
// candidate count most, sends children without a fact on it to a residual branch, and splits big
// branches again on further attributes. A lookup takes the residual plus the buckets named by the
// request's values, then restores document order, so ordered algorithms see what they would have
// seen without the index. Leaving out a child is sound: a child is only left out when one of its
// AnyOf is certainly false, which makes its target "No match" and the child NotApplicable.

import { readAttribute, type Category, type DecisionRequest, type Scalar } from './attributes.js';
import type { EqualityFact } from './target.js';

/** Below this many children a linear scan is as fast as a lookup. */
const LEAF_SIZE = 8;
/** A child pinned to more values than this is kept out of that split (its buckets would multiply). */
const MAX_VALUES_PER_CHILD = 64;

type Tree =
  | { kind: 'leaf'; items: readonly number[] }
  | {
      kind: 'split';
      category: Category;
      attribute: string;
      buckets: Map<Scalar, Tree>;
      rest: Tree;
    };

export class ChildIndex<T> {
  private constructor(
    private readonly children: readonly T[],
    private readonly tree: Tree,
  ) {}

  /** An index, or undefined when the children are too few or share no usable facts. */
  static build<T>(
    children: readonly T[],
    factsOf: (child: T, i: number) => Map<string, EqualityFact>,
  ): ChildIndex<T> | undefined {
    if (children.length <= LEAF_SIZE) return undefined;
    const facts = children.map(factsOf);
    const tree = split(
      children.map((_, i) => i),
      facts,
      new Set(),
    );
    return tree.kind === 'leaf' ? undefined : new ChildIndex(children, tree);
  }

  get total(): number {
    return this.children.length;
  }

  /** The children that may apply to the request, in document order. */
  select(req: DecisionRequest): T[] {
    const hits: number[] = [];
    collect(this.tree, req, hits);
    // Insertion sort: the hits are a few sorted runs, often one, and usually short.
    let n = 0;
    for (let i = 0; i < hits.length; i++) {
      const x = hits[i]!;
      let j = n - 1;
      while (j >= 0 && hits[j]! > x) {
        hits[j + 1] = hits[j]!;
        j--;
      }
      if (j >= 0 && hits[j] === x) {
        // a duplicate (a child under two of the request's values): drop it, undo the shift
        for (let k = j + 1; k < n; k++) hits[k] = hits[k + 1]!;
        continue;
      }
      hits[j + 1] = x;
      n++;
    }
    hits.length = n;
    const out = new Array<T>(hits.length);
    for (let i = 0; i < hits.length; i++) out[i] = this.children[hits[i]!]!;
    return out;
  }
}

function collect(tree: Tree, req: DecisionRequest, out: number[]): void {
  if (tree.kind === 'leaf') {
    for (const i of tree.items) out.push(i);
    return;
  }
  collect(tree.rest, req, out);
  const v = readAttribute(req, tree.category, tree.attribute);
  if (v === undefined) return;
  if (Array.isArray(v)) {
    for (const x of v) {
      const b = tree.buckets.get(x as Scalar);
      if (b) collect(b, req, out);
    }
  } else {
    const b = tree.buckets.get(v as Scalar);
    if (b) collect(b, req, out);
  }
}

interface Candidate {
  key: string;
  category: Category;
  attribute: string;
  covered: number;
  entries: number;
  distinct: Set<Scalar>;
}

function split(
  items: number[],
  facts: readonly Map<string, EqualityFact>[],
  used: ReadonlySet<string>,
): Tree {
  if (items.length <= LEAF_SIZE) return { kind: 'leaf', items };
  const best = bestAttribute(items, facts, used);
  if (!best) return { kind: 'leaf', items };
  const buckets = new Map<Scalar, number[]>();
  const rest: number[] = [];
  for (const i of items) {
    const fact = usable(facts[i]!.get(best.key));
    if (!fact) rest.push(i);
    else
      for (const v of fact.values) {
        const b = buckets.get(v);
        if (b) b.push(i);
        else buckets.set(v, [i]);
      }
  }
  const next = new Set(used).add(best.key);
  const trees = new Map<Scalar, Tree>();
  for (const [v, b] of buckets) trees.set(v, split(b, facts, next));
  return {
    kind: 'split',
    category: best.category,
    attribute: best.attribute,
    buckets: trees,
    rest: split(rest, facts, next),
  };
}

/** The attribute with the smallest expected candidate count: residual + average bucket. */
function bestAttribute(
  items: readonly number[],
  facts: readonly Map<string, EqualityFact>[],
  used: ReadonlySet<string>,
): Candidate | undefined {
  const stats = new Map<string, Candidate>();
  for (const i of items)
    for (const [key, f] of facts[i]!) {
      if (used.has(key) || !usable(f)) continue;
      let c = stats.get(key);
      if (!c) {
        c = {
          key,
          category: f.category,
          attribute: f.attribute,
          covered: 0,
          entries: 0,
          distinct: new Set(),
        };
        stats.set(key, c);
      }
      c.covered++;
      c.entries += f.values.size;
      for (const v of f.values) c.distinct.add(v);
    }
  let best: Candidate | undefined;
  let bestCost = items.length / 2; // a split must at least halve the work to pay for itself
  for (const c of stats.values()) {
    const cost = items.length - c.covered + c.entries / c.distinct.size;
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

function usable(f: EqualityFact | undefined): EqualityFact | undefined {
  return f && f.values.size > 0 && f.values.size <= MAX_VALUES_PER_CHILD ? f : undefined;
}
