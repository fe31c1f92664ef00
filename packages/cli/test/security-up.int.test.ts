import { join } from 'node:path';
import * as contracts from '@reservoir/contracts';
import { createClient, isReservoirError, type ServiceDef } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './platform-up.js';

/** Open to anyone by design: logging in, and the public keys that verify tokens. */
const PUBLIC = new Set([
  '/reservoir.security.v1.SecurityService/Login',
  '/reservoir.security.v1.SecurityService/ListSigningKeys',
]);

const definitions = (Object.entries(contracts) as [string, unknown][]).filter(
  (e): e is [string, ServiceDef] => e[0].endsWith('Definition') && e[0] !== 'HealthDefinition',
);

/** The error code of one call with an empty request, 'OK' when it succeeded. */
async function codeOf(fn: (req: unknown, o: unknown) => unknown, stream: boolean): Promise<string> {
  try {
    if (stream) {
      for await (const _ of fn({}, { deadlineMs: 10_000 }) as AsyncIterable<unknown>) break;
    } else await fn({}, { deadlineMs: 10_000 });
    return 'OK';
  } catch (e) {
    return isReservoirError(e) ? e.code : String(e);
  }
}

describe('reservoir up with access control on every service', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform({ sites: 2, hosts: 2 });
  }, 200_000);
  afterAll(() => p?.stop());

  it('refuses anonymous and forged callers on every method of every service', async () => {
    const eps = p.endpoints() as unknown as {
      sites: Record<string, { veem: string; veeh: string[]; pe: string; sm: string }>;
      monitor: string;
      accounting: string;
      security: string;
    };
    const addresses = new Set([
      ...Object.values(eps.sites).flatMap((s) => [s.veem, ...s.veeh, s.pe, s.sm]),
      eps.monitor,
      eps.accounting,
      eps.security,
    ]);
    const servedBy = new Map<string, number>();
    let checked = 0;
    for (const address of addresses) {
      for (const [name, def] of definitions) {
        const anonymous = createClient(def, address, { deadlineMs: 15_000 }) as unknown as Record<
          string,
          (req: unknown, o: unknown) => unknown
        > & { close(): void };
        const forged = createClient(def, address, {
          deadlineMs: 15_000,
          metadata: { authorization: 'Bearer v1.eyJzdWIiOiJ1c2VyOnJvb3RAc3lzdGVtIn0.Zm9yZ2Vk' },
        }) as unknown as Record<string, (req: unknown, o: unknown) => unknown> & { close(): void };
        try {
          for (const [key, rpc] of Object.entries(def)) {
            const t0 = Date.now();
            const code = await codeOf(anonymous[key]!, rpc.responseStream);
            if (Date.now() - t0 > 1000)
              console.error(`slow: ${rpc.path} at ${address}: ${code} in ${Date.now() - t0} ms`);
            if (code === 'UNIMPLEMENTED') continue;
            servedBy.set(name, (servedBy.get(name) ?? 0) + 1);
            if (PUBLIC.has(rpc.path)) continue;
            expect(code, `anonymous ${rpc.path} at ${address}`).toBe('UNAUTHENTICATED');
            expect(await codeOf(forged[key]!, rpc.responseStream), `forged ${rpc.path} at ${address}`).toBe(
              'UNAUTHENTICATED',
            );
            checked++;
          }
        } finally {
          anonymous.close();
          forged.close();
        }
      }
    }
    // Every service of the contracts runs somewhere in the platform, so none went unchecked.
    for (const [name] of definitions) expect(servedBy.get(name) ?? 0, name).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(200);
  }, 120_000);

  it('keeps one organization from seeing or touching another’s services, VMs, images, bills and audit entries', async () => {
    const admin = async (...args: string[]) => {
      const r = await p.cli([...args, '--json']);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
      return JSON.parse(r.out);
    };
    await admin('org', 'create', 'acme');
    await admin('org', 'create', 'globex');
    const person = async (user: string, role: string) => {
      const created = await p.cli(['user', 'create', user, '--role', role, '--generate-password']);
      expect(created.code, created.err).toBe(0);
      const password = /initial password \(shown once\): (\S+)/.exec(created.out)?.[1] ?? '';
      const env = { RESERVOIR_CONFIG_DIR: join(p.dir, user) };
      const login = await p.cli(['login', '--org', user.split('@')[1]!, '--user', user.split('@')[0]!], {
        ...env,
        RESERVOIR_PASSWORD: password,
      });
      expect(login.code, login.err).toBe(0);
      return (...args: string[]) => p.cli(args, env);
    };
    const ann = await person('ann@acme', 'service-provider');
    const gus = await person('gus@globex', 'org-admin');
    const ok = async (r: Promise<{ code: number; out: string; err: string }>) => {
      const x = await r;
      expect(x.code, x.err).toBe(0);
      return JSON.parse(x.out);
    };
    const denied = async (r: Promise<{ code: number; out: string; err: string }>) => {
      const x = await r;
      expect(x.code).not.toBe(0);
      expect(x.err).toMatch(/PERMISSION_DENIED|may not/);
      expect(x.err).toMatch(/audit entry \d+/);
    };

    // Ann's VM, image and service are acme's, owned by her.
    const vm = await ok(
      ann('vm', 'create', '--name', 'ann-1', '--cpu', '1', '--memory', '512M', '--wait', '--json'),
    );
    expect(vm).toMatchObject({ organization: 'acme', owner: 'user:ann@acme' });
    const image = await ok(
      ann(
        'image',
        'register',
        'ann-disk',
        '--format',
        'qcow2',
        '--size',
        '1G',
        '--checksum',
        `sha256:${'a'.repeat(64)}`,
        '--json',
      ),
    );
    expect(image.organization).toBe('acme');
    const service = await ok(ann('service', 'deploy', 'examples/web-tier.yaml', '--json'));
    const serviceId = service.service?.id ?? service.id;
    expect(serviceId).toBeTruthy();
    await admin('account', 'create', 'acme-main', '--kind', 'prepaid', '--org', 'acme');

    // Gus sees none of it in his listings ...
    const names = (list: unknown) => JSON.stringify(list);
    expect(names(await ok(gus('vm', 'list', '--json')))).not.toContain(vm.id);
    expect(names(await ok(gus('image', 'list', '--json')))).not.toContain(image.id);
    expect(names(await ok(gus('service', 'list', '--all', '--json')))).not.toContain(serviceId);
    expect(names(await ok(gus('account', 'list', '--json')))).not.toContain('acme-main');
    // ... and may touch none of it, each refusal recorded.
    await denied(gus('vm', 'show', vm.id));
    await denied(gus('vm', 'stop', vm.id));
    await denied(gus('vm', 'delete', vm.id));
    await denied(gus('image', 'show', image.id));
    await denied(gus('service', 'show', serviceId));
    await denied(gus('service', 'undeploy', serviceId));
    await denied(gus('bill', 'show', 'acme-main'));
    await denied(gus('account', 'topup', 'acme-main', '5.00', '--key', 'sneaky'));
    // Creating into acme is refused too.
    await denied(gus('vm', 'create', '--name', 'sneak', '--cpu', '1', '--memory', '512M', '--org', 'acme'));

    // Audit: gus sees globex's entries only; ann sees acme's, including gus's refused attempts on them.
    const gusAudit = await ok(gus('audit', '--limit', '1000', '--json'));
    expect(gusAudit.length).toBeGreaterThan(0);
    for (const e of gusAudit) expect(e.organization, JSON.stringify(e)).toBe('globex');
    // acme's admin sees acme's entries, gus's refused attempts on acme's resources among them.
    const olga = await person('olga@acme', 'org-admin');
    const acmeAudit = await ok(olga('audit', '--limit', '1000', '--json'));
    for (const e of acmeAudit)
      expect([e.organization, e.resource?.organization], JSON.stringify(e)).toContain('acme');
    expect(acmeAudit.some((e: { principal: string }) => e.principal === 'user:gus@globex')).toBe(true);
    await denied(ann('audit', '--org', 'globex'));
    const adminAudit = await admin(
      'audit',
      '--principal',
      'user:gus@globex',
      '--decision',
      'Deny',
      '--limit',
      '1000',
    );
    expect(adminAudit.length).toBeGreaterThanOrEqual(9);

    // Ann still owns and runs her things.
    expect((await ok(ann('vm', 'show', vm.id, '--json'))).id).toBe(vm.id);
    expect(names(await ok(ann('service', 'list', '--all', '--json')))).toContain(serviceId);
    // The audit chain is intact.
    const verify = await p.cli(['audit', 'verify']);
    expect(verify.code, verify.err).toBe(0);
  }, 180_000);

  it('leaves the health service open, for probes', async () => {
    const health = createClient(contracts.HealthDefinition, p.endpoints().security);
    try {
      expect((await health.check({ service: '' })).status).toBe(1);
    } finally {
      health.close();
    }
  });
});
