import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir } from '@reservoir/contracts';
import { testBrokers } from '@reservoir/runtime/testing';
import { ACTION_TO_PB, RECOVER_TO_PB } from '../src/adapters/grpc/mapping.js';
import { kvmHost, startSite, until, waitTask, type Site } from './harness.js';

const HA = reservoir.veem.v1.HostAction;
type Vm = reservoir.veem.v1.Vm;

describe.each(testBrokers())(
  'a site: VEEM with agents over real gRPC, events on the $name broker',
  (broker) => {
    let site: Site;
    let closeBroker: () => Promise<void>;

    beforeAll(async () => {
      const b = await broker.start();
      closeBroker = b.close;
      site = await startSite({
        mqttUrl: b.url,
        localHosts: [
          kvmHost('l-kvm'),
          { id: 'l-hv', family: 'hyperv', cores: 8, memoryMib: 16384, diskMib: 400_000 },
        ],
        remoteHosts: 2,
      });
    }, 60_000);
    afterAll(async () => {
      await site?.stop();
      await closeBroker?.();
    });

    const c = () => site.client;
    async function create(
      name: string,
      extra: Partial<reservoir.veem.v1.CreateVmRequest.$Properties> = {},
    ): Promise<Vm> {
      const r = await c().vms.createVm({
        name,
        resources: { vcpus: 1, memoryMib: 1024, diskMib: 1024 },
        ...extra,
      });
      const t = await waitTask(c(), r.task!.id);
      expect(t.state, t.errorMessage).toBe('succeeded');
      return c().vms.getVm({ id: r.vm!.id });
    }
    async function act(id: string, action: keyof typeof ACTION_TO_PB): Promise<Vm> {
      const r = await c().vms.actOnVm({ id, action: ACTION_TO_PB[action] });
      const t = await waitTask(c(), r.task!.id);
      expect(t.state, `${action}: ${t.errorMessage}`).toBe('succeeded');
      return c().vms.getVm({ id });
    }

    it('registers hosts with capacity and capability profile from their agents', async () => {
      const { hosts } = await c().hosts.listHosts({});
      expect(hosts.map((h) => h.name).sort()).toEqual(['l-hv', 'l-kvm', 'p-01', 'p-02']);
      const hv = hosts.find((h) => h.name === 'l-hv')!;
      expect(hv.profile?.hypervisor).toBe('hyperv');
      expect(hv.profile?.maxVcpusPerVm).toBe(4);
      expect(hv.capacity).toMatchObject({ vcpus: 8, memoryMib: 16384 });
      expect(hosts.every((h) => h.state === 'monitored')).toBe(true);
    });

    it('runs a new VM and publishes every transition, in order', async () => {
      const vm = await create('web-1', { host: 'p-01' });
      expect(vm).toMatchObject({ state: 'running', host: 'p-01', organization: 'default' });
      const seen = await until('all events', () => {
        const e = site.events.filter((x) => x.vmId === vm.id).map((x) => x.to);
        return e.length >= 4 ? e : undefined;
      });
      expect(seen).toEqual(['pending', 'prolog', 'boot', 'running']);
      const host = await c().hosts.getHost({ id: 'p-01' });
      expect(host.used).toMatchObject({ vcpus: 1, memoryMib: 1024, diskMib: 1024 });
    });

    it("hands a VM's context to its host agent beside the platform's own keys", async () => {
      const env = '<Environment xmlns="http://schemas.dmtf.org/ovf/environment/1"/>';
      const vm = await create('ctx', {
        host: 'l-kvm',
        context: { 'ovf-env.xml': env, 'app.role': 'master' },
      });
      expect(vm.context).toEqual({ 'ovf-env.xml': env, 'app.role': 'master' });
      const domain = await site.local.host('l-kvm').get(vm.id);
      expect(domain.spec.context).toMatchObject({
        'ovf-env.xml': env,
        'app.role': 'master',
        'reservoir.vm.id': vm.id,
      });
      await expect(
        c().vms.createVm({
          name: 'x',
          resources: { vcpus: 1, memoryMib: 512 },
          context: { 'reservoir.site': 'forged' },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'context.reservoir.site' });
      await act(vm.id, 'delete');
    });

    it('takes a VM through its whole life cycle', async () => {
      const net = await c().networks.createNetwork({ name: `lc-${broker.name}`, cidr: '10.20.0.0/29' });
      let vm = await create('lc', { networkIds: [net.id], host: 'l-kvm' });
      expect(vm.nics[0]?.ip).toBe('10.20.0.2');
      expect((await act(vm.id, 'stop')).state).toBe('poweroff');
      expect((await act(vm.id, 'start')).state).toBe('running');
      expect((await act(vm.id, 'suspend')).state).toBe('suspended');
      expect((await act(vm.id, 'resume')).state).toBe('running');
      expect((await act(vm.id, 'reboot')).state).toBe('running');
      const snap = await c().vms.snapshotVm({ id: vm.id, name: 'before-upgrade' });
      expect((await waitTask(c(), snap.task!.id)).state).toBe('succeeded');
      const rev = await c().vms.revertVm({ id: vm.id, name: 'before-upgrade' });
      expect((await waitTask(c(), rev.task!.id)).state).toBe('succeeded');
      // kvm hot-plugs CPU and memory: no power-off needed.
      const rs = await c().vms.resizeVm({ id: vm.id, vcpus: 2, memoryMib: 2048 });
      expect((await waitTask(c(), rs.task!.id)).state).toBe('succeeded');
      vm = await c().vms.getVm({ id: vm.id });
      expect(vm.resources).toMatchObject({ vcpus: 2, memoryMib: 2048 });
      expect(vm.snapshots).toEqual(['before-upgrade']);
      vm = await act(vm.id, 'undeploy');
      expect(vm).toMatchObject({ state: 'stopped', host: '' });
      expect((await c().hosts.getHost({ id: 'l-kvm' })).runningVms).toBe(0);
      vm = await act(vm.id, 'resume');
      expect(vm.state).toBe('running');
      expect(vm.nics[0]?.ip).toBe('10.20.0.2');
      vm = await act(vm.id, 'delete');
      expect(vm.state).toBe('done');
      expect((await c().networks.listLeases({ networkId: net.id })).leases).toEqual([]);
      // Events travel through the broker: wait for the last one rather than racing it.
      const states = await until('the done event', () => {
        const s = site.events.filter((e) => e.vmId === vm.id).map((e) => e.to);
        return s.includes('done') ? s : undefined;
      });
      expect(states).toEqual(
        expect.arrayContaining(['shutdown', 'poweroff', 'saving', 'suspended', 'epilog', 'stopped', 'done']),
      );
    });

    it('migrates live between two agent processes and cold within one', async () => {
      const vm = await create('mig', { host: 'p-01' });
      const live = await c().vms.migrateVm({ id: vm.id, targetHost: 'l-kvm', live: true });
      expect(live.vm?.state).toBe('migrating');
      expect((await waitTask(c(), live.task!.id)).state).toBe('succeeded');
      let after = await c().vms.getVm({ id: vm.id });
      expect(after).toMatchObject({ state: 'running', host: 'l-kvm' });
      // The source agent released everything the VM held; the target holds it.
      const domains = await site.local.agent.monitor();
      expect(domains.hosts.find((h) => h.hostId === 'l-kvm')?.domains.some((d) => d.vmId === vm.id)).toBe(
        true,
      );
      expect((await c().hosts.getHost({ id: 'p-01' })).used?.memoryMib).toBe(1024); // web-1 only
      await act(vm.id, 'stop');
      const cold = await c().vms.migrateVm({ id: vm.id, targetHost: 'p-02', live: false });
      expect((await waitTask(c(), cold.task!.id)).state).toBe('succeeded');
      after = await c().vms.getVm({ id: vm.id });
      expect(after).toMatchObject({ state: 'poweroff', host: 'p-02' });
      await act(vm.id, 'delete');
    });

    it('refuses bad input with a precise code and changes nothing', async () => {
      const before = (await c().vms.listVms({})).total;
      await expect(c().vms.getVm({ id: 'vm-nope' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'VM "vm-nope" not found',
      });
      await expect(
        c().vms.createVm({ name: 'x', resources: { vcpus: 0, memoryMib: 512 } }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'resources.vcpus' });
      await expect(
        c().vms.createVm({ name: 'x', resources: { vcpus: -1 as unknown as number, memoryMib: 512 } }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'resources.vcpus' });
      await expect(
        c().vms.createVm({ name: 'bad name!', resources: { vcpus: 1, memoryMib: 512 } }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'name' });
      await expect(
        c().vms.createVm({ name: 'x', resources: { vcpus: 1, memoryMib: 512 }, imageId: 'img-nope' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        c().vms.createVm({ name: 'x', resources: { vcpus: 1, memoryMib: 512 }, networkIds: ['nope'] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const vm = await create('bad-input', { host: 'p-02' });
      const off = await act(vm.id, 'stop');
      await expect(c().vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.suspend })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: expect.stringContaining('poweroff'),
      });
      await expect(c().vms.migrateVm({ id: vm.id, targetHost: 'p-01', live: true })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
      });
      await expect(c().vms.migrateVm({ id: vm.id, targetHost: 'no-such-host' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        c().hosts.actOnHost({ id: 'p-01', action: 99 as reservoir.veem.v1.HostAction }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(
        c().hosts.registerHost({ name: 'ghost', agentEndpoint: '127.0.0.1:1', agentHostId: 'g' }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/UNAVAILABLE|DEADLINE_EXCEEDED/) });
      await expect(
        c().hosts.registerHost({ name: 'p-01', agentEndpoint: '127.0.0.1:1' }),
      ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
      await expect(c().hosts.removeHost({ id: 'p-02' })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
      });
      const same = await c().vms.getVm({ id: vm.id });
      expect(same.version).toBe(off.version);
      expect((await c().hosts.listHosts({})).hosts).toHaveLength(4);
      expect((await c().vms.listVms({})).total).toBe(before + 1);
      await act(vm.id, 'delete');
    });

    it('refuses a hot resize the hypervisor cannot do, with the reason', async () => {
      const vm = await create('hv', { requirements: { hypervisor: 'hyperv' } });
      expect(vm.host).toBe('l-hv');
      await expect(c().vms.resizeVm({ id: vm.id, vcpus: 2 })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
        message: expect.stringContaining('cannot hot-plug CPUs'),
      });
      await expect(
        c().vms.createVm({
          name: 'big',
          resources: { vcpus: 6, memoryMib: 512 },
          requirements: { hypervisor: 'hyperv' },
        }),
      ).resolves.toBeDefined();
      const pending = await until('reason', async () => {
        const list = await c().vms.listVms({ states: ['pending'] });
        const v = list.vms.find((x) => x.name === 'big');
        return v?.reason ? v : undefined;
      });
      expect(pending.reason).toMatch(/vCPUs above the hypervisor limit per VM on 1 host/);
      await c().vms.actOnVm({ id: pending.id!, action: ACTION_TO_PB.delete });
      await act(vm.id, 'delete');
    });

    it('marks the VMs of a silent host unknown, and brings them back when it answers', async () => {
      const vm = await create('quiet', { host: 'l-kvm' });
      site.local.host('l-kvm').setReachable(false);
      await until('host error', async () =>
        (await c().hosts.getHost({ id: 'l-kvm' })).state === 'error' ? true : undefined,
      );
      await until('vm unknown', async () =>
        (await c().vms.getVm({ id: vm.id })).state === 'unknown' ? true : undefined,
      );
      expect((await c().vms.getVm({ id: vm.id })).reason).toContain('not answering');
      site.local.host('l-kvm').setReachable(true);
      await until('vm back', async () =>
        (await c().vms.getVm({ id: vm.id })).state === 'running' ? true : undefined,
      );
      expect((await c().hosts.getHost({ id: 'l-kvm' })).state).toBe('monitored');
      await act(vm.id, 'delete');
    });

    it('fails an operation the host refuses, and recover retries it', async () => {
      site.local.host('l-kvm').inject({ op: 'create', count: 10, error: 'INTERNAL' });
      const r = await c().vms.createVm({
        name: 'doomed',
        resources: { vcpus: 1, memoryMib: 512 },
        host: 'l-kvm',
      });
      const t = await waitTask(c(), r.task!.id);
      expect(t).toMatchObject({ state: 'failed', errorCode: 'INTERNAL' });
      const failed = await c().vms.getVm({ id: r.vm!.id });
      expect(failed.state).toBe('failed');
      expect(failed.reason).toContain('l-kvm');
      site.local.host('l-kvm').clearFaults();
      await expect(c().vms.recoverVm({ id: failed.id, mode: RECOVER_TO_PB.retry })).rejects.toMatchObject({
        code: 'FAILED_PRECONDITION',
      });
      const rec = await c().vms.recoverVm({ id: failed.id, mode: RECOVER_TO_PB.auto });
      expect(rec.vm?.state).toBe('poweroff');
      expect((await act(failed.id, 'start')).state).toBe('running');
      await act(failed.id, 'delete');
    });

    it('puts a host in maintenance: its VMs leave, then it takes none', async () => {
      const a = await create('m1', { requirements: {} });
      const host = a.host;
      const r = await c().hosts.actOnHost({ id: host, action: HA.HOST_ACTION_MAINTENANCE });
      expect((await waitTask(c(), r.task!.id)).state).toBe('succeeded');
      expect((await c().vms.getVm({ id: a.id })).host).not.toBe(host);
      expect((await c().hosts.getHost({ id: host })).state).toBe('maintenance');
      await c().hosts.actOnHost({ id: host, action: HA.HOST_ACTION_ENABLE });
      await act(a.id, 'delete');
    });
  },
);
