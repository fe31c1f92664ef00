/** The service's hourly cost at the given instance count per component id. */
export type CostFunction = (counts: Readonly<Record<string, number>>) => number;

export interface BudgetCheck {
  component: string;
  from: number;
  /** The scale-out target wanted (> from). */
  to: number;
  /** Every component's count as it will be, apart from this one's change. */
  counts: Readonly<Record<string, number>>;
  costPerHour: CostFunction;
  budgetPerHour: number;
}

export type BudgetOutcome = { ok: true; to: number; note: string } | { ok: false; reason: string };

/**
 * SM-7: a scale-out must keep the service within budget. Tries the wanted size, then smaller ones,
 * and keeps the largest that fits; when not even one more instance fits, the scale-out is refused.
 */
export function fitBudget(check: BudgetCheck): BudgetOutcome {
  const { component, from, to, counts, costPerHour, budgetPerHour } = check;
  const costAt = (n: number): number => costPerHour({ ...counts, [component]: n });
  const over = (n: number): string =>
    `${n} instances would cost ${money(costAt(n))}/h > budget ${money(budgetPerHour)}/h`;
  for (let n = to; n > from; n--) {
    if (costAt(n) <= budgetPerHour)
      return { ok: true, to: n, note: n === to ? '' : `reduced by budget: ${over(to)}` };
  }
  return { ok: false, reason: `over budget: ${to === from + 1 ? over(to) : `even ${over(from + 1)}`}` };
}

function money(n: number): string {
  return n.toFixed(2);
}
