// The latency the enforcement point adds to a VEEM call: the same VEEM process (SQLite, real gRPC
// from this client, a VEEH agent with one simulated host) is started twice on the same database,
// first without a security store, then with one, and GetVm of a VM of organization "acme" is
// timed sequentially as an anonymous caller and then as acme's viewer (token authentication,
// resolving the VM's organization from the VEEM's store, the decision, no audit of the read).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  setDefaultCredential,
  startEmbeddedBroker,
  startService,
  type ServiceProcess,
} from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { GLOBAL, openServiceSecurity } from '../packages/security/src/index.js';
import { vmiClient } from '@reservoir/veem';
import { summary } from './lib.js';

const CALLS = Number(process.env.BENCH_PEP_CALLS ?? 5000);
const WARMUP = 500;

export interface PepLatency {
  calls: number;
  withoutPepUs: ReturnType<typeof summary>;
  withPepUs: ReturnType<typeof summary>;
  addedP50Us: number;
  addedP99Us: number;
}

async function timeGetVm(address: string, id: string, credential: string | undefined): Promise<number[]> {
  const c = vmiClient(address);
  const options = credential ? { metadata: { authorization: credential } } : {};
  try {
    for (let i = 0; i < WARMUP; i++) await c.vms.getVm({ id }, options);
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const t = process.hrtime.bigint();
      await c.vms.getVm({ id }, options);
      samples.push(Number(process.hrtime.bigint() - t) / 1000);
    }
    return samples;
  } finally {
    c.close();
  }
}

export async function measurePepLatency(log: (m: string) => void): Promise<PepLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pep-'));
  const broker = await startEmbeddedBroker();
  const securityDb = `sqlite:${join(dir, 'security.db')}`;
  const security = await openServiceSecurity({ database: securityDb, service: 'bench', policyPollMs: 0 });
  const procs: ServiceProcess[] = [];
  try {
    const ids = security.identities;
    await ids.createOrganization({ id: 'system', name: 'System' });
    await ids.createOrganization({ id: 'acme', name: 'Acme' });
    await ids.createServicePrincipal({
      id: 'service:veem@bench',
      organization: 'system',
      roles: [{ role: 'system-admin', organization: GLOBAL }],
    });
    const veemKey = (await ids.createApiKey({ owner: 'service:veem@bench' })).secret.reveal();
    await ids.createUser({
      organization: 'acme',
      id: 'vera',
      roles: [{ role: 'viewer', organization: 'acme' }],
    });
    const viewer = await ids.tokens.issue({
      sub: 'user:vera@acme',
      org: 'acme',
      roles: [{ role: 'viewer', organization: 'acme' }],
      kind: 'user',
    });
    // This process calls as the VEEM's service principal to set up (register the host, create the VM).
    setDefaultCredential(() => `ApiKey ${veemKey}`);

    const agent = await startService(
      'veeh',
      'packages/veeh/src/main.ts',
      ['--listen', '127.0.0.1:0', '--hosts', '1', '--host-prefix', 'h', '--latency-profile', 'none'],
      join(dir, 'veeh.log'),
      { RESERVOIR_SECURITY: securityDb },
    );
    procs.push(agent);
    const address = `127.0.0.1:${await freePort()}`;
    const startVeem = async (secured: boolean) => {
      const p = await startService(
        'veem',
        'packages/veem/src/main.ts',
        [
          '--site',
          'bench',
          '--database',
          `sqlite:${join(dir, 'veem.db')}`,
          '--mqtt',
          broker.url,
          '--listen',
          address,
        ],
        join(dir, 'veem.log'),
        {
          RESERVOIR_VEEM_LOG_LEVEL: 'warn',
          RESERVOIR_CREDENTIAL: veemKey,
          RESERVOIR_SECURITY: secured ? securityDb : '',
          // Sequential calls as fast as they go: the limiter counts each but does not refuse.
          RESERVOIR_RATE_LIMIT: '1000000',
        },
      );
      procs.push(p);
      return p;
    };

    let veem = await startVeem(false);
    const c = vmiClient(address);
    const hostIds = (agent.ready.hosts as string[]) ?? ['h0'];
    await c.hosts.registerHost({
      name: hostIds[0]!,
      agentEndpoint: agent.ready.address,
      agentHostId: hostIds[0]!,
    });
    const created = await c.vms.createVm({
      name: 'pep-bench',
      resources: { vcpus: 1, memoryMib: 512, diskMib: 1024 },
      organization: 'acme',
      owner: 'user:vera@acme',
    });
    c.close();
    const id = created.vm?.id ?? '';
    log(`timing ${CALLS} GetVm calls without the PEP`);
    const without = await timeGetVm(address, id, undefined);
    await veem.stop();
    procs.pop();
    veem = await startVeem(true);
    log(`timing ${CALLS} GetVm calls with the PEP, as acme's viewer`);
    const withPep = await timeGetVm(address, id, `Bearer ${viewer.token.reveal()}`);
    const a = summary(without);
    const b = summary(withPep);
    return {
      calls: CALLS,
      withoutPepUs: a,
      withPepUs: b,
      addedP50Us: Math.round((b.p50 - a.p50) * 10) / 10,
      addedP99Us: Math.round((b.p99 - a.p99) * 10) / 10,
    };
  } finally {
    setDefaultCredential(undefined);
    for (const p of procs.reverse()) await p.stop();
    await security.close();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
