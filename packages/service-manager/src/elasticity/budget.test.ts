import { describe, expect, it } from 'vitest';
import { fitBudget } from './budget.js';

// Workers cost 2/h each, the database 3/h each.
const cost = (counts: Readonly<Record<string, number>>): number =>
  2 * (counts.worker ?? 0) + 3 * (counts.db ?? 0);

describe('fitBudget', () => {
  it('lets a scale-out within budget through unchanged', () => {
    const out = fitBudget({
      component: 'worker',
      from: 2,
      to: 4,
      counts: { worker: 2, db: 1 },
      costPerHour: cost,
      budgetPerHour: 11,
    });
    expect(out).toEqual({ ok: true, to: 4, note: '' });
  });

  it('reduces an over-budget scale-out to the largest count that fits', () => {
    // 5 workers + 1 db = 13/h > 10/h; 3 workers = 9/h fits.
    const out = fitBudget({
      component: 'worker',
      from: 2,
      to: 5,
      counts: { worker: 2, db: 1 },
      costPerHour: cost,
      budgetPerHour: 10,
    });
    expect(out).toEqual({
      ok: true,
      to: 3,
      note: 'reduced by budget: 5 instances would cost 13.00/h > budget 10.00/h',
    });
  });

  it('refuses when not even one more instance fits', () => {
    const one = fitBudget({
      component: 'worker',
      from: 2,
      to: 3,
      counts: { worker: 2, db: 1 },
      costPerHour: cost,
      budgetPerHour: 8,
    });
    expect(one).toEqual({ ok: false, reason: 'over budget: 3 instances would cost 9.00/h > budget 8.00/h' });
    const many = fitBudget({
      component: 'worker',
      from: 2,
      to: 5,
      counts: { worker: 2, db: 1 },
      costPerHour: cost,
      budgetPerHour: 8,
    });
    expect(many).toEqual({
      ok: false,
      reason: 'over budget: even 3 instances would cost 9.00/h > budget 8.00/h',
    });
  });

  it('counts the other components at their decided sizes', () => {
    const out = fitBudget({
      component: 'worker',
      from: 1,
      to: 2,
      counts: { worker: 1, db: 2 },
      costPerHour: cost,
      budgetPerHour: 9,
    });
    expect(out.ok).toBe(false);
  });
});
