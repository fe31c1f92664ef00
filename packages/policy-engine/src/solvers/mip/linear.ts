// A solver-neutral mixed-integer linear model (minimisation): columns with cost, bounds and
// integrality, rows as sparse lists stored row-wise. Built in the calling thread, then posted to
// the solver worker as transferable typed arrays and translated there to glpk.js or HiGHS input.

export interface LinearModel {
  nCols: number;
  nRows: number;
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** 1 for an integer column (all integer columns here are binary). */
  integer: Uint8Array;
  /** Constant added to the objective. */
  offset: number;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Row-wise sparse matrix: row i holds entries rowStart[i] .. rowStart[i + 1] - 1. */
  rowStart: Int32Array;
  colIndex: Int32Array;
  value: Float64Array;
}

export class LinearBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStart: number[] = [0];
  private readonly colIndex: number[] = [];
  private readonly value: number[] = [];
  offset = 0;

  get nCols(): number {
    return this.cost.length;
  }

  get nRows(): number {
    return this.rowLower.length;
  }

  binary(cost = 0): number {
    return this.column(0, 1, true, cost);
  }

  column(lower: number, upper: number, integer: boolean, cost = 0): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  addCost(col: number, c: number): void {
    this.cost[col]! += c;
  }

  costOf(col: number): number {
    return this.cost[col]!;
  }

  upperOf(col: number): number {
    return this.upper[col]!;
  }

  lowerOf(col: number): number {
    return this.lower[col]!;
  }

  setBounds(col: number, lower: number, upper: number): void {
    this.lower[col] = lower;
    this.upper[col] = upper;
  }

  /** lower ≤ Σ values[k]·x[cols[k]] ≤ upper; each column at most once per row. */
  row(cols: readonly number[], values: readonly number[], lower: number, upper: number): number {
    for (let k = 0; k < cols.length; k++) {
      this.colIndex.push(cols[k]!);
      this.value.push(values[k]!);
    }
    this.rowStart.push(this.colIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    return this.rowLower.length - 1;
  }

  build(): LinearModel {
    return {
      nCols: this.nCols,
      nRows: this.nRows,
      cost: Float64Array.from(this.cost),
      lower: Float64Array.from(this.lower),
      upper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      offset: this.offset,
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStart: Int32Array.from(this.rowStart),
      colIndex: Int32Array.from(this.colIndex),
      value: Float64Array.from(this.value),
    };
  }
}

/** The buffers of a model, for a zero-copy postMessage. */
export function modelBuffers(m: LinearModel): ArrayBuffer[] {
  return [m.cost, m.lower, m.upper, m.integer, m.rowLower, m.rowUpper, m.rowStart, m.colIndex, m.value].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
