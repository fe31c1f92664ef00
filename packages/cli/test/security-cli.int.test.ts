import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startService, type ServiceProcess } from '@reservoir/runtime';

const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');
const dir = mkdtempSync(join(tmpdir(), 'cli-security-'));
const configDir = join(dir, 'config');
let security: ServiceProcess;
let adminPassword: string;

/** The CLI against the security service only, with its own config directory and no other credential. */
function cli(
  args: string[],
  o: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['RESERVOIR_TOKEN', 'RESERVOIR_API_KEY', 'RESERVOIR_PASSWORD', 'RESERVOIR_ENDPOINT'])
    delete env[k];
  Object.assign(env, {
    RESERVOIR_CONFIG_DIR: configDir,
    RESERVOIR_SECURITY_ENDPOINT: security.ready.address,
    ...o.env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data-dir', join(dir, 'none'), ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
    child.stdin.end(o.input ?? '');
  });
}

beforeAll(async () => {
  security = await startService(
    'security',
    'packages/security/src/main.ts',
    ['--database', `sqlite:${join(dir, 'security.db')}`, '--listen', '127.0.0.1:0', '--metrics-listen', ''],
    join(dir, 'security.log'),
  );
  const boot = security.ready.bootstrap as { organization: string; user: string; password: string };
  expect(boot).toMatchObject({ organization: 'system', user: 'admin' });
  adminPassword = boot.password;
}, 90_000);

afterAll(async () => {
  await security?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('reservoir login / whoami / policy-auth check', () => {
  it('logs in with the password on stdin and keeps the token in a file only its user can read', async () => {
    const wrong = await cli(['login', '--org', 'system', '--user', 'admin', '--password-stdin'], {
      input: 'nope\n',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('UNAUTHENTICATED');
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);

    const r = await cli(['login', '--org', 'system', '--user', 'admin', '--password-stdin'], {
      input: `${adminPassword}\n`,
    });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`logged in as user:admin@system (system-admin@*) at ${security.ready.address}`);
    expect(r.out).toMatch(/the token expires at \d{4}-\d\d-\d\dT/);
    expect(r.err).toContain('this password is temporary');

    const file = join(configDir, 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({
      endpoint: security.ready.address,
      principal: { id: 'user:admin@system', organization: 'system' },
    });
    expect(stored.token).toMatch(/^v1\./);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
  }, 60_000);

  it('whoami prints the principal the stored token stands for', async () => {
    const r = await cli(['whoami']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/principal\s*│ user:admin@system/);
    expect(r.out).toMatch(/roles\s*│ system-admin@\*/);
    expect(r.out).toMatch(/credential\s*│ token/);

    const json = await cli(['whoami', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      id: 'user:admin@system',
      kind: 'user',
      roles: [{ role: 'system-admin', organization: '*' }],
    });
  }, 60_000);

  it('policy-auth check exits non-zero on a bad document, naming the file and each problem path', async () => {
    const bad = join(dir, 'bad-policy.yaml');
    writeFileSync(
      bad,
      [
        'policySet:',
        '  id: site',
        '  combining: deny-unless-permit',
        '  policies:',
        '    - policy:',
        '        id: p',
        '        combining: deny-overrides',
        '        rules:',
        '          - id: r',
        '            effect: Maybe',
        '',
      ].join('\n'),
    );
    const r = await cli(['policy-auth', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: policySet.policies[0].policy.rules[0].effect: must be Permit or Deny`);

    const good = join(dir, 'good-policy.yaml');
    writeFileSync(good, readFileSync(bad, 'utf8').replace('Maybe', 'Permit'));
    const ok = await cli(['policy-auth', 'check', good]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain(`${good}: valid: policy set "site"`);
  }, 60_000);

  it('logout revokes the token and forgets it', async () => {
    const token = JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')).token as string;
    const r = await cli(['logout']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('logged out user:admin@system\n');
    expect(existsSync(join(configDir, 'credentials.json'))).toBe(false);

    const anonymous = await cli(['whoami']);
    expect(anonymous.code).toBe(1);
    expect(anonymous.err).toContain('UNAUTHENTICATED');
    // The revoked token no longer works even when presented explicitly (after the PEP's 2 s cache).
    await new Promise((res) => setTimeout(res, 2100));
    const revoked = await cli(['whoami'], { env: { RESERVOIR_TOKEN: token } });
    expect(revoked.code).toBe(1);
    expect(revoked.err).toContain('token revoked');
  }, 60_000);
});
