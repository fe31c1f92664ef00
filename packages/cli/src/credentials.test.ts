import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clearCredentials,
  cliCredential,
  configDir,
  credentialsFile,
  loadCredentials,
  saveCredentials,
  type StoredCredentials,
} from './credentials.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-credentials-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const login = (expiresAt: number): StoredCredentials => ({
  endpoint: '127.0.0.1:7411',
  token: 'v1.stored',
  expiresAt,
  principal: { id: 'user:admin@system', kind: 'user', organization: 'system', roles: [] },
});

describe('CLI credentials', () => {
  it('live in RESERVOIR_CONFIG_DIR, else $XDG_CONFIG_HOME/reservoir, else ~/.config/reservoir', () => {
    expect(configDir({ RESERVOIR_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b' })).toBe('/a');
    expect(configDir({ XDG_CONFIG_HOME: '/b' })).toBe('/b/reservoir');
    expect(configDir({})).toMatch(/\.config\/reservoir$/);
  });

  it('are saved readable by the user only, loaded, and cleared', () => {
    const env = { RESERVOIR_CONFIG_DIR: join(dir, 'save') };
    expect(loadCredentials(env)).toBeUndefined();
    const file = saveCredentials(login(Date.now() + 60_000), env);
    expect(file).toBe(credentialsFile(env));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(configDir(env)).mode & 0o777).toBe(0o700);
    expect(loadCredentials(env)?.token).toBe('v1.stored');
    expect(clearCredentials(env)).toBe(true);
    expect(clearCredentials(env)).toBe(false);
  });

  it('present RESERVOIR_TOKEN, then RESERVOIR_API_KEY, then an unexpired login', () => {
    const env = { RESERVOIR_CONFIG_DIR: join(dir, 'order') };
    const now = Date.now();
    saveCredentials(login(now + 60_000), env);
    expect(cliCredential({ ...env, RESERVOIR_TOKEN: 'v1.env', RESERVOIR_API_KEY: 'rsv_x' }, now)).toEqual({
      authorization: 'Bearer v1.env',
      origin: 'RESERVOIR_TOKEN',
    });
    expect(cliCredential({ ...env, RESERVOIR_API_KEY: 'rsv_x' }, now)).toEqual({
      authorization: 'ApiKey rsv_x',
      origin: 'RESERVOIR_API_KEY',
    });
    expect(cliCredential(env, now)).toEqual({ authorization: 'Bearer v1.stored', origin: 'login' });
    expect(cliCredential(env, now + 120_000)).toBeUndefined();
    writeFileSync(credentialsFile(env), 'not json');
    expect(cliCredential(env, now)).toBeUndefined();
  });
});
