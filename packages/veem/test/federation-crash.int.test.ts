import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir } from '@reservoir/contracts';
import {
  silentLogger,
  startEmbeddedBroker,
  startService,
  type EmbeddedBroker,
  type ServiceProcess,
} from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { createVeeh, type Veeh } from '@reservoir/veeh';
import { createVeem, type RunningVeem } from '../src/create-veem.js';
import { vmiClient, type VmiClient } from '../src/client.js';
import { federationClient, type FederationClient } from '../src/federation-client.js';
import { host, makeDisk } from './federation-harness.js';
import { FAST, until, waitTask } from './harness.js';

const TOKEN = 'crash-test-federation-token-42';

// The source site runs as its own process so it can be killed with SIGKILL in the middle of a move;
// the target runs in this process and is stopped and started again on the same database and port.
describe('crash safety of a move: either site killed mid-move and restarted', () => {
  let dir = '';
  let broker: EmbeddedBroker;
  let agentA: Veeh;
  let agentB: Veeh;
  let source: ServiceProcess | undefined;
  let target: RunningVeem | undefined;
  let addrA = '';
  let addrB = '';
  let disk = '';

  const startSource = () => {
    const config = {
      site: 'ka',
      database: `sqlite:${join(dir, 'ka.db')}`,
      mqtt: { url: broker.url },
      grpc: { listen: addrA },
      metrics: { listen: '' },
      probes: { periodMs: 0 },
      scheduler: { intervalMs: 100 },
      monitor: { intervalMs: 200, failureTimeoutMs: 2000, callTimeoutMs: 1000 },
      federation: {
        imageDir: join(dir, 'ka-images'),
        partners: [{ site: 'kb', endpoint: addrB, token: TOKEN }],
        chunkBytes: 64 * 1024,
        partnerRetryMs: 60_000,
        startTimeoutMs: 20_000,
      },
      logLevel: 'warn',
    };
    writeFileSync(join(dir, 'ka.json'), JSON.stringify(config));
    return startService(
      'veem ka',
      'packages/veem/src/main.ts',
      ['--config', join(dir, 'ka.json')],
      join(dir, 'ka.log'),
    );
  };

  const startTarget = () =>
    createVeem({
      site: 'kb',
      database: `sqlite:${join(dir, 'kb.db')}`,
      mqtt: broker.url,
      logger: silentLogger(),
      listen: addrB,
      settings: FAST,
      federation: {
        imageDir: join(dir, 'kb-images'),
        partners: [
          { site: 'ka', endpoint: addrA, token: TOKEN, cap: { vcpus: 0, memoryMib: 0, diskMib: 0 } },
        ],
        startTimeoutMs: 20_000,
      },
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fed-crash-'));
    mkdirSync(join(dir, 'disks'));
    broker = await startEmbeddedBroker();
    agentA = await createVeeh({ hosts: [host('ka-kvm', 'kvm')], listen: '127.0.0.1:0' });
    agentB = await createVeeh({ hosts: [host('kb-vmware', 'vmware')], listen: '127.0.0.1:0' });
    addrA = `127.0.0.1:${await freePort()}`;
    addrB = `127.0.0.1:${await freePort()}`;
    target = await startTarget();
    source = await startSource();
    const a = vmiClient(addrA);
    const b = vmiClient(addrB);
    await a.hosts.registerHost({ name: 'ka-kvm', agentEndpoint: agentA.address!, agentHostId: 'ka-kvm' });
    await b.hosts.registerHost({
      name: 'kb-vmware',
      agentEndpoint: agentB.address!,
      agentHostId: 'kb-vmware',
    });
    await a.networks.createNetwork({ name: 'public', cidr: '10.61.0.0/24' });
    await b.networks.createNetwork({ name: 'public', cidr: '10.62.0.0/24' });
    // Large enough that sending it in 64 KiB chunks spans the kills.
    disk = makeDisk(join(dir, 'disks'), 'guest', 'qcow2', 96);
    await a.images.registerImage({ name: 'guest', format: 'qcow2', sizeMib: 0, checksum: '', source: disk });
    a.close();
    b.close();
  }, 90_000);

  afterAll(async () => {
    await source?.stop();
    await target?.stop();
    await agentA?.stop();
    await agentB?.stop();
    await broker?.close();
    if (!process.env.KEEP_TEST_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the move with one running copy and an identical disk', async () => {
    let a: VmiClient = vmiClient(addrA, 10_000);
    let fa: FederationClient = federationClient(addrA, 10_000);
    const b = vmiClient(addrB, 10_000);
    const img = (await a.images.listImages({})).images[0]!;
    const net = (await a.networks.listNetworks({})).networks[0]!;
    const created = await a.vms.createVm({
      name: 'survivor',
      resources: { vcpus: 2, memoryMib: 2048, diskMib: 1024 },
      imageId: img.id,
      networkIds: [net.id!],
    });
    await waitTask(a, created.task?.id);
    const vmId = created.vm!.id;
    const r = await fa.transferVm({
      vmId,
      target: 'kb/kb-vmware',
      mode: reservoir.veem.v1.TransferMode.TRANSFER_MODE_MOVE,
      requestId: 'crash-move-1',
    });
    const xfer = r.transfer!.id;

    // 1. Kill the source while it sends the disk.
    await until(
      'the disk transfer to start',
      async () => {
        const t = await fa.getTransfer({ id: xfer });
        return t.step === 'initialize' ? t : undefined;
      },
      30_000,
    );
    await new Promise((res) => setTimeout(res, 150));
    source!.child.kill('SIGKILL');
    await source!.exited;
    a.close();
    fa.close();

    // 2. While the source is down, the target restarts too (its held reservation must survive).
    await target!.stop();
    target = await startTarget();
    const held = (await b.vms.listVms({})).vms.filter((v) => v.name === 'survivor');
    expect(held.map((v) => v.state)).toEqual(['hold']);

    source = await startSource();
    a = vmiClient(addrA, 10_000);
    fa = federationClient(addrA, 10_000);
    // The same request id finds the same transfer: a client retry does not start a second move.
    const again = await fa.transferVm({
      vmId,
      target: 'kb/kb-vmware',
      mode: reservoir.veem.v1.TransferMode.TRANSFER_MODE_MOVE,
      requestId: 'crash-move-1',
    });
    expect(again.transfer!.id).toBe(xfer);

    // 3. The resumed move sends the rest of the disk, starts the target, then stops and deletes the source.
    const t = await until(
      'the resumed move to end',
      async () => {
        const x = await fa.getTransfer({ id: xfer });
        return x.state !== 'running' ? x : undefined;
      },
      90_000,
    );
    expect(t.state, t.errorMessage).toBe('succeeded');
    const running = (await b.vms.listVms({})).vms.filter(
      (v) => v.name === 'survivor' && v.state === 'running',
    );
    expect(running).toHaveLength(1);
    expect((await a.vms.getVm({ id: vmId })).state).toBe('done');
    const moved = await b.images.getImage({ id: running[0]!.imageId });
    execFileSync('qemu-img', [
      'compare',
      '-f',
      'qcow2',
      '-F',
      'vmdk',
      disk,
      join(dir, 'kb-images', `${moved.id}.vmdk`),
    ]);
    a.close();
    fa.close();
    b.close();
  }, 180_000);
});
