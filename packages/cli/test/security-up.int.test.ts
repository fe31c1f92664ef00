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
async function codeOf(fn: (req: unknown) => unknown, stream: boolean): Promise<string> {
  try {
    if (stream) {
      for await (const _ of fn({}) as AsyncIterable<unknown>) break;
    } else await fn({});
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
          (req: unknown) => unknown
        > & { close(): void };
        const forged = createClient(def, address, {
          deadlineMs: 15_000,
          metadata: { authorization: 'Bearer v1.eyJzdWIiOiJ1c2VyOnJvb3RAc3lzdGVtIn0.Zm9yZ2Vk' },
        }) as unknown as Record<string, (req: unknown) => unknown> & { close(): void };
        try {
          for (const [key, rpc] of Object.entries(def)) {
            const code = await codeOf(anonymous[key]!, rpc.responseStream);
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

  it('leaves the health service open, for probes', async () => {
    const health = createClient(contracts.HealthDefinition, p.endpoints().security);
    try {
      expect((await health.check({ service: '' })).status).toBe(1);
    } finally {
      health.close();
    }
  });
});
