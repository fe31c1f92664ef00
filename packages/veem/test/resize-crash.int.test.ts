import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostAgentDefinition } from '@reservoir/contracts';
import {
  createClient,
  startEmbeddedBroker,
  startService,
  type EmbeddedBroker,
  type ServiceProcess,
} from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { vmiClient, type VmiClient } from '../src/client.js';
import { until, waitTask } from './harness.js';

// A resize with reboot is one durable operation: kill -9 the VEEM while the VM is down in the
// middle of it, and the restarted VEEM resizes and starts it, ending the same task.
describe('crash safety: kill -9 the VEEM in the middle of a resize with reboot', () => {
  let dir = '';
  let broker: EmbeddedBroker;
  let agent: ServiceProcess;
  let veem: ServiceProcess | undefined;
  let address = '';

  const startVeem = () =>
    startService(
      'veem',
      'packages/veem/src/main.ts',
      [
        '--site',
        'rcrash',
        '--database',
        `sqlite:${join(dir, 'veem.db')}`,
        '--mqtt',
        broker.url,
        '--listen',
        address,
      ],
      join(dir, 'veem.log'),
      { RESERVOIR_VEEM_SCHEDULER__INTERVAL_MS: '100', RESERVOIR_VEEM_MONITOR__INTERVAL_MS: '200' },
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'veem-rcrash-'));
    broker = await startEmbeddedBroker();
    // Realistic latencies keep the VM down long enough (shutdown 1.5 s, resize 0.3 s, start 0.8 s).
    agent = await startService(
      'veeh',
      'packages/veeh/src/main.ts',
      [
        '--listen',
        '127.0.0.1:0',
        '--family',
        'hyperv:1',
        '--host-prefix',
        'rc-',
        '--cores',
        '8',
        '--memory-mib',
        '16384',
        '--disk-mib',
        '100000',
        '--latency-profile',
        'realistic',
      ],
      join(dir, 'veeh.log'),
    );
    address = `127.0.0.1:${await freePort()}`;
    veem = await startVeem();
  }, 60_000);

  afterAll(async () => {
    await veem?.stop();
    await agent?.stop();
    await broker?.close();
    if (!process.env.KEEP_TEST_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('resumes shutdown → resize → start after the restart and ends the same task', async () => {
    let client: VmiClient = vmiClient(address, 10_000);
    const [hostId] = agent.ready.hosts as string[];
    await client.hosts.registerHost({
      name: hostId,
      agentEndpoint: agent.ready.address,
      agentHostId: hostId,
    });
    const created = await client.vms.createVm({ name: 'rc-vm', resources: { vcpus: 1, memoryMib: 1024 } });
    expect((await waitTask(client, created.task!.id)).state).toBe('succeeded');
    const id = created.vm!.id!;

    const r = await client.vms.resizeVm({ id, vcpus: 2, memoryMib: 2048, allowReboot: true });
    expect(r.task!.operation).toBe('vm.resize-reboot');
    // Past the shutdown, while the VM is down: the worst moment to lose the VEEM.
    const caught = await until(
      'the VM down in the middle of its resize',
      async () => {
        const vm = await client.vms.getVm({ id });
        return vm.state === 'poweroff' || vm.state === 'boot' ? vm.state : undefined;
      },
      15_000,
    );
    veem!.child.kill('SIGKILL');
    await veem!.exited;
    client.close();

    veem = await startVeem();
    client = vmiClient(address, 10_000);
    const task = await waitTask(client, r.task!.id);
    expect(task.state, `killed in ${caught}: ${task.errorMessage}`).toBe('succeeded');
    expect(task.message).toBe(`resized to 2 vCPU, 2048 MiB with a reboot; running on ${hostId}`);
    const vm = await client.vms.getVm({ id });
    expect(vm.state).toBe('running');
    expect(vm.resources).toMatchObject({ vcpus: 2, memoryMib: 2048 });

    // The host runs the domain once, at the new size.
    const vhi = createClient(HostAgentDefinition, agent.ready.address);
    const d = await vhi.getDomain({ hostId, vmId: id });
    vhi.close();
    expect(d.spec?.resources).toMatchObject({ vcpus: 2, memoryMib: 2048 });
    expect((await client.tasks.listTasks({ activeOnly: true, pageSize: 10 })).tasks).toEqual([]);
    client.close();
  }, 60_000);
});
