// Business directives: the initial deployment must fit the budget (SM-7 admission); a maximum
// size over budget only warns, since the engine stops scaling out where the budget ends.
import { estimateCost, type CostEstimate, type PriceList } from './cost.js';
import type { ServiceManifest } from './model.js';
import type { Findings } from './problem.js';

const money = (n: number): string => n.toFixed(4).replace(/\.?0+$/, '');

export function checkBudget(
  m: ServiceManifest,
  prices: PriceList,
  f: Findings,
  estimate?: CostEstimate,
): void {
  const b = m.business;
  if (!/^[A-Z]{3}$/.test(b.currency))
    f.error('business.currency', `currency "${b.currency}" is not an ISO 4217 code such as EUR`);
  b.allowedProviders.forEach((p, i) => {
    if (p === '') f.error(`business.allowedProviders[${i}]`, 'provider without a name');
  });
  if (b.budgetPerHour === null) return;
  if (!(b.budgetPerHour > 0)) {
    f.error('business.budgetPerHour', `budget per hour ${b.budgetPerHour} is not positive`);
    return;
  }
  const currency = estimate?.currency ?? prices.currency;
  if (currency !== b.currency) {
    f.warn('business.budgetPerHour', `budget in ${b.currency} not checked: prices are in ${currency}`);
    return;
  }
  const cost = estimate ?? estimateCost(m, prices);
  const budget = `${money(b.budgetPerHour)} ${b.currency}/h`;
  if (cost.perHourAtInitial > b.budgetPerHour) {
    const parts = cost.perComponent.map((c) => `${c.component} ${money(c.perHourAtInitial)}`).join(', ');
    f.error(
      'business.budgetPerHour',
      `the initial deployment costs ${money(cost.perHourAtInitial)} ${b.currency}/h (${parts}), over the budget of ${budget}`,
    );
  } else if (cost.perHourAtMax > b.budgetPerHour) {
    f.warn(
      'business.budgetPerHour',
      `at maximum size the service costs ${money(cost.perHourAtMax)} ${b.currency}/h, over the budget of ${budget}: scaling out stops at the budget`,
    );
  }
}
