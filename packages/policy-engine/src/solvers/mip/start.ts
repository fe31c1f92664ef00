import type { ModelParts } from './formulation.js';
import type { LinearModel } from './linear.js';
import type { MipStart } from './protocol.js';

// The MIP start from the sub-problem's assignment. A complete one sets every column, deriving the
// indicators from x, so HiGHS only has to check it; when some free VM has no usable start (at -1
// while it must be placed) only the x/u columns of the others are given and HiGHS completes them.

/** An indicator that is 1 exactly when one of its x columns is (y[h], z[G,val], w[S,val]). */
export interface AnyOf {
  col: number;
  xs: number[];
}

export function warmStart(
  m: ModelParts,
  model: LinearModel,
  anyOf: AnyOf[],
  tCol: number,
  tRows: number[],
): MipStart | undefined {
  const { c, xStart, xPos, uCol } = m;
  const value = new Float64Array(model.nCols);
  const given: number[] = [];
  let complete = true;
  c.free.forEach((v, i) => {
    const want = c.sub.assignment[v]!;
    let col = -1;
    if (want >= 0) for (let x = xStart[i]!; x < xStart[i + 1]!; x++) if (c.hosts[xPos[x]!] === want) col = x;
    if (col >= 0) value[col] = 1;
    else if (want < 0 && uCol[i]! >= 0) value[uCol[i]!] = 1;
    else {
      complete = false;
      return;
    }
    for (let x = xStart[i]!; x < xStart[i + 1]!; x++) given.push(x);
    if (uCol[i]! >= 0) given.push(uCol[i]!);
  });
  if (given.length === 0) return undefined;
  if (!complete)
    return { indices: Int32Array.from(given), values: Float64Array.from(given, (j) => value[j]!) };

  for (const a of anyOf) value[a.col] = a.xs.some((x) => value[x]! > 0.5) ? 1 : 0;
  if (tCol >= 0) {
    // t ≥ Σ a·x − upper on each balance row (t has coefficient −1 there).
    let t = model.lower[tCol]!;
    for (const row of tRows) {
      let act = 0;
      for (let e = model.rowStart[row]!; e < model.rowStart[row + 1]!; e++)
        if (model.colIndex[e] !== tCol) act += model.value[e]! * value[model.colIndex[e]!]!;
      t = Math.max(t, act - model.rowUpper[row]!);
    }
    value[tCol] = Math.min(t, model.upper[tCol]!);
  }
  return { colValue: value };
}
