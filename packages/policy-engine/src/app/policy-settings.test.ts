import { describe, expect, it } from 'vitest';
import { applyPolicyChange, DEFAULT_POLICY, toPePolicy } from './policy-settings.js';

const refused = (change: Parameters<typeof applyPolicyChange>[1], field: string) => {
  let caught: unknown;
  try {
    applyPolicyChange(DEFAULT_POLICY, change);
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${field} to be refused`).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  expect((caught as Error).message.startsWith(`${field}: `)).toBe(true);
};

describe('policy changes', () => {
  it('changes only the fields given and bumps the version', () => {
    const next = applyPolicyChange(DEFAULT_POLICY, { name: 'balance', planConcurrency: 2 });
    expect(next).toEqual({ ...DEFAULT_POLICY, name: 'balance', planConcurrency: 2, version: 2 });
    expect(applyPolicyChange(next, {}).version).toBe(3);
  });

  it('accepts a weighted policy with a positive weight, and zero migrations', () => {
    const p = applyPolicyChange(DEFAULT_POLICY, {
      name: 'weighted',
      weights: { consolidate: 0.7, balance: 0.3 },
      maxMigrations: 0,
    });
    expect(toPePolicy(p)).toEqual({
      name: 'weighted',
      maxMigrations: 0,
      weights: { consolidate: 0.7, balance: 0.3 },
    });
    expect(toPePolicy(DEFAULT_POLICY).maxMigrations).toBe(Infinity);
  });

  it('refuses bad values naming the field', () => {
    refused({ name: 'greedy' }, 'policy.name');
    refused({ weights: { balance: -1 } }, 'policy.weights.balance');
    refused({ weights: { speed: 1 } }, 'policy.weights.speed');
    refused({ weights: { weighted: 1 } }, 'policy.weights.weighted');
    refused({ name: 'weighted', weights: { balance: 0 } }, 'policy.weights');
    refused({ name: 'weighted' }, 'policy.weights');
    refused({ maxMigrations: -2 }, 'policy.max_migrations');
    refused({ maxMigrations: 1.5 }, 'policy.max_migrations');
    refused({ solver: 'cplex' }, 'policy.solver');
    refused({ timeLimitSeconds: 0 }, 'policy.time_limit_seconds');
    refused({ timeLimitSeconds: 4000 }, 'policy.time_limit_seconds');
    refused({ cycleIntervalSeconds: -1 }, 'policy.cycle_interval_seconds');
    refused({ cycleIntervalSeconds: 0.5 }, 'policy.cycle_interval_seconds');
    refused({ planConcurrency: 0 }, 'policy.plan_concurrency');
  });
});
