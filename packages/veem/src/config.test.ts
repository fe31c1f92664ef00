import { isReservoirError, loadConfig } from '@reservoir/runtime';
import { describe, expect, it } from 'vitest';
import { veemConfigSchema } from './config.js';

const base = {
  RESERVOIR_VEEM_DATABASE: 'sqlite::memory:',
  RESERVOIR_VEEM_MQTT__URL: 'mqtt://127.0.0.1:1883',
};
const load = (env: Record<string, string>) =>
  loadConfig(veemConfigSchema, { envPrefix: 'RESERVOIR_VEEM', env: { ...base, ...env } });

describe('scheduler.policyEngine', () => {
  it('is empty by default: the built-in scheduler places VMs', () => {
    expect(load({}).scheduler).toMatchObject({ policyEngine: '', policyEngineTimeoutMs: 10_000 });
  });

  it('takes host:port from RESERVOIR_VEEM_SCHEDULER__POLICY_ENGINE', () => {
    expect(load({ RESERVOIR_VEEM_SCHEDULER__POLICY_ENGINE: 'pe.local:7410' }).scheduler.policyEngine).toBe(
      'pe.local:7410',
    );
    expect(load({ RESERVOIR_VEEM_SCHEDULER__POLICY_ENGINE: '[::1]:7410' }).scheduler.policyEngine).toBe(
      '[::1]:7410',
    );
  });

  it('refuses an address without a port, naming the setting', () => {
    try {
      load({ RESERVOIR_VEEM_SCHEDULER__POLICY_ENGINE: 'http://pe' });
      throw new Error('accepted');
    } catch (e) {
      expect(isReservoirError(e) && e.message).toMatch(
        /scheduler\.policyEngine: host:port, or empty for none/,
      );
    }
  });
});
