import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FederationServiceDefinition,
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  reservoir,
  TaskServiceDefinition,
  VmServiceDefinition,
} from '@reservoir/contracts';
import {
  createChannel,
  createClient,
  isTerminal,
  silentLogger,
  taskFromPb,
  type ReservoirError,
  type Task,
} from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { securityFixture, type SecurityFixture } from '@reservoir/security';
import { createVeeh, type Veeh } from '@reservoir/veeh';
import {
  FEDERATION_SITE_HEADER,
  FEDERATION_TOKEN_HEADER,
  GrpcPartner,
  PeerTokenSource,
  type ConfiguredPartner,
} from '../src/adapters/grpc/grpc-partner.js';
import { createVeem, type RunningVeem } from '../src/create-veem.js';
import { host, makeDisk } from './federation-harness.js';
import { FAST } from './harness.js';

// Two platforms, each with its own security store: neither knows the other's users or service
// principals, so partner calls authenticate with federation peer tokens alone.

const MODE = reservoir.veem.v1.TransferMode;
const AGREEMENT_TOKEN = 'test-federation-token-0123456789';
/** How long a PEP may keep answering from its authentication cache. */
const CACHE_MS = 2_000;

function clientsAs(address: string, credential?: string) {
  const channel = createChannel(address);
  const o = {
    channel,
    deadlineMs: 15_000,
    ...(credential ? { metadata: { authorization: credential } } : {}),
  };
  return {
    vms: createClient(VmServiceDefinition, address, o),
    hosts: createClient(HostServiceDefinition, address, o),
    images: createClient(ImageServiceDefinition, address, o),
    networks: createClient(NetworkServiceDefinition, address, o),
    tasks: createClient(TaskServiceDefinition, address, o),
    fed: createClient(FederationServiceDefinition, address, o),
    close: () => channel.close(),
  };
}
type Clients = ReturnType<typeof clientsAs>;

interface Platform {
  name: string;
  security: SecurityFixture;
  agent: Veeh;
  veem: RunningVeem;
  admin: Clients;
  partners: ConfiguredPartner[];
}

async function waitTask(c: Clients, id: string | null | undefined): Promise<Task> {
  if (!id) throw new Error('no task to wait for');
  let last: Task | undefined;
  for await (const t of c.tasks.watchTask({ id }, { deadlineMs: 60_000 })) {
    last = taskFromPb(t);
    if (isTerminal(last.state)) return last;
  }
  throw new Error(`task ${id} stream ended at ${last?.state}`);
}

async function failure(p: Promise<unknown>): Promise<ReservoirError> {
  try {
    await p;
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('the call succeeded');
}

describe.sequential('federation between platforms with separate security stores (peer tokens)', () => {
  let dir: string;
  let closeBroker: () => Promise<void>;
  const platforms: Platform[] = [];
  let a: Platform;
  let b: Platform;

  async function platform(name: string, index: number, mqttUrl: string): Promise<Platform> {
    const security = await securityFixture({
      service: `veem@${name}`,
      database: `sqlite:${join(dir, `${name}-security.db`)}`,
    });
    const agent = await createVeeh({ hosts: [host(`${name}-kvm`, 'kvm')], listen: '127.0.0.1:0' });
    const partners: ConfiguredPartner[] = [];
    const veem = await createVeem({
      site: name,
      database: `sqlite:${join(dir, `${name}.db`)}`,
      mqtt: mqttUrl,
      logger: silentLogger(),
      settings: FAST,
      enforce: security.security.enforce,
      peerTokens: security.security.identities,
      federation: {
        imageDir: join(dir, name, 'images'),
        partners,
        partnerRetryMs: 2000,
        startTimeoutMs: 10_000,
        sourceOpTimeoutMs: 10_000,
        chunkBytes: 256 * 1024,
      },
    });
    const admin = clientsAs(veem.address, await security.user('system', ['system-admin'], 'root'));
    await admin.hosts.registerHost({
      name: `${name}-kvm`,
      agentEndpoint: agent.address!,
      agentHostId: `${name}-kvm`,
    });
    await admin.networks.createNetwork({ name: 'public', cidr: `10.${20 + index}.0.0/24` });
    const p = { name, security, agent, veem, admin, partners };
    platforms.push(p);
    return p;
  }

  /** Site `of`'s gateway to `to`, as its VEEM builds it: agreement headers plus its own peer token. */
  const gateway = (of: Platform, to: Platform) =>
    new GrpcPartner(
      of.partners.find((p) => p.site === to.name)!,
      of.name,
      5_000,
      new PeerTokenSource(of.security.security.identities, of.name),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peer-fed-it-'));
    const broker = await testBrokers()[0]!.start();
    closeBroker = broker.close;
    a = await platform('pa', 0, broker.url);
    b = await platform('pb', 1, broker.url);
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      from.partners.push({
        site: to.name,
        endpoint: to.veem.address,
        token: AGREEMENT_TOKEN,
        cap: { vcpus: 0, memoryMib: 0, diskMib: 0 },
        peerAuth: true,
      });
      // Each platform trusts the other's current signing key, as `reservoir peer register --from` does.
      const [key] = await from.security.security.identities.tokens.publicKeys();
      await to.security.security.identities.registerPeer({
        site: from.name,
        organization: 'system',
        publicKey: key!.publicKey,
      });
    }
  }, 60_000);

  afterAll(async () => {
    for (const p of platforms) {
      p.admin.close();
      await p.veem.stop();
      await p.agent.stop();
      await p.security.close();
    }
    await closeBroker?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("gets the partner's offer through its FederationService", async () => {
    const { partners } = await a.admin.fed.listPartners({});
    expect(partners).toHaveLength(1);
    expect(partners[0]).toMatchObject({ site: 'pb', error: '' });
    expect(partners[0]!.offer?.site).toBe('pb');
  });

  it('refuses a partner call without the peer token', async () => {
    const partner = new GrpcPartner(a.partners[0]!, 'pa', 5_000);
    try {
      expect((await failure(partner.offer())).code).toBe('UNAUTHENTICATED');
    } finally {
      partner.close();
    }
  });

  it('copies a VM to the other platform: every federation step is admitted with the peer token', async () => {
    const image = await a.admin.images.registerImage({
      name: 'guest',
      format: 'qcow2',
      sizeMib: 0,
      checksum: '',
      source: makeDisk(dir, 'guest', 'qcow2', 4),
    });
    const net = (await a.admin.networks.listNetworks({})).networks[0]!;
    const created = await a.admin.vms.createVm({
      name: 'crosser',
      resources: { vcpus: 1, memoryMib: 1024, diskMib: 1024 },
      imageId: image.id,
      networkIds: [net.id!],
    });
    expect((await waitTask(a.admin, created.task?.id)).state).toBe('succeeded');
    const r = await a.admin.fed.transferVm({
      vmId: created.vm!.id,
      target: 'pb/pb-kvm',
      mode: MODE.TRANSFER_MODE_COPY,
    });
    const task = await waitTask(a.admin, r.task!.id);
    expect(task.state, task.errorMessage).toBe('succeeded');
    const t = await a.admin.fed.getTransfer({ id: r.transfer!.id });
    expect(t.log.map((l) => `${l.step}:${l.outcome}`)).toEqual([
      'configure:confirmed',
      'reserve:confirmed',
      'export:done',
      'initialize:confirmed',
      'start:confirmed',
    ]);
    expect(await b.admin.vms.getVm({ id: t.targetVmId })).toMatchObject({
      state: 'running',
      name: 'crosser',
    });
  });

  it('denies a peer token anything but the federation actions', async () => {
    const issued = await a.security.security.identities.issuePeerToken('pa');
    const peer = clientsAs(b.veem.address, `Bearer ${issued.token.reveal()}`);
    try {
      expect((await failure(peer.vms.listVms({}))).code).toBe('PERMISSION_DENIED');
      expect((await failure(peer.hosts.listHosts({}))).code).toBe('PERMISSION_DENIED');
      // The same token, with the agreement's headers, is admitted to the federation steps.
      const agreement = { [FEDERATION_SITE_HEADER]: 'pa', [FEDERATION_TOKEN_HEADER]: AGREEMENT_TOKEN };
      expect((await peer.fed.getOffer({}, { metadata: agreement })).site).toBe('pb');
    } finally {
      peer.close();
    }
  });

  it('refuses a disabled peer as unauthenticated, and admits it again once enabled', async () => {
    const partner = gateway(a, b);
    try {
      await b.security.security.identities.updatePeer('pa', { state: 'disabled' });
      await new Promise((r) => setTimeout(r, CACHE_MS + 200));
      expect((await failure(partner.offer())).code).toBe('UNAUTHENTICATED');
      const { partners } = await a.admin.fed.listPartners({});
      expect(partners[0]!.error).not.toBe('');
      await b.security.security.identities.updatePeer('pa', { state: 'enabled' });
      expect((await partner.offer()).site).toBe('pb');
    } finally {
      partner.close();
    }
  });
});

describe('PeerTokenSource', () => {
  it('reuses a token until less than a quarter of its lifetime is left', async () => {
    let now = 1_000_000;
    let issued = 0;
    const source = new PeerTokenSource(
      {
        issuePeerToken: async () => {
          issued++;
          return { token: { reveal: () => `t${issued}` }, expiresAt: now + 100_000 };
        },
      },
      'pa',
      () => now,
    );
    const [first, concurrent] = await Promise.all([source.authorization(), source.authorization()]);
    expect(first).toBe('Bearer t1');
    expect(concurrent).toBe('Bearer t1');
    now += 74_000;
    expect(await source.authorization()).toBe('Bearer t1');
    now += 2_000;
    expect(await source.authorization()).toBe('Bearer t2');
    expect(issued).toBe(2);
  });
});
