import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireEnvInCi, testDatabases } from './databases.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('requireEnvInCi', () => {
  it('returns the value when set', () => {
    vi.stubEnv('RESERVOIR_TEST_X', 'mqtt://here');
    vi.stubEnv('CI', 'true');
    expect(requireEnvInCi('RESERVOIR_TEST_X')).toBe('mqtt://here');
  });

  it('skips locally and fails in CI when unset', () => {
    vi.stubEnv('RESERVOIR_TEST_X', '');
    vi.stubEnv('CI', '');
    expect(requireEnvInCi('RESERVOIR_TEST_X')).toBeUndefined();
    vi.stubEnv('CI', 'false');
    expect(requireEnvInCi('RESERVOIR_TEST_X')).toBeUndefined();
    vi.stubEnv('CI', 'true');
    expect(() => requireEnvInCi('RESERVOIR_TEST_X')).toThrow(/RESERVOIR_TEST_X is required in CI/);
  });
});

describe('testDatabases', () => {
  it('leaves PostgreSQL out locally when no server is configured', () => {
    vi.stubEnv('RESERVOIR_TEST_PG_URL', '');
    vi.stubEnv('CI', '');
    expect(testDatabases().map((d) => d.name)).toEqual(['sqlite']);
  });

  it('keeps PostgreSQL in CI so that opening it fails the suite', async () => {
    vi.stubEnv('RESERVOIR_TEST_PG_URL', '');
    vi.stubEnv('CI', '1');
    const postgres = testDatabases().find((d) => d.name === 'postgres');
    await expect(postgres?.open()).rejects.toThrow(/RESERVOIR_TEST_PG_URL is required in CI/);
  });

  it('opens a fresh SQLite database and deletes it on close', async () => {
    const sqlite = testDatabases().find((d) => d.name === 'sqlite');
    const [a, b] = [await sqlite!.open(), await sqlite!.open()];
    await a.exec('CREATE TABLE only_in_a (id TEXT)');
    await expect(b.query('SELECT id FROM only_in_a')).rejects.toThrow();
    await Promise.all([a.close(), b.close()]);
  });
});
