import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { startEmbeddedBroker, type EmbeddedBroker, type Task } from '@reservoir/runtime';
import { ACTION_TO_PB } from '../src/adapters/grpc/mapping.js';
import { VmWriter } from '../src/app/vm-writer.js';
import { kvmHost, startSite, waitTask, type Site } from './harness.js';

type CreateVmRequest = reservoir.veem.v1.CreateVmRequest.$Properties;

// INT-3 and INT-5 over real gRPC: one resize request for every hypervisor kind, operational
// requirements kept or refused with the reason, guaranteed and burst allocations.
describe('resize the same way on every hypervisor, operational requirements, burst', () => {
  let broker: EmbeddedBroker;
  let site: Site;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    site = await startSite({
      mqttUrl: broker.url,
      localHosts: [kvmHost('r-kvm'), { ...kvmHost('r-hv'), family: 'hyperv' }],
    });
  }, 60_000);

  afterAll(async () => {
    await site?.stop();
    await broker?.close();
  });

  // Each test starts with empty hosts.
  afterEach(async () => {
    for (const vm of (await c().vms.listVms({})).vms) {
      const r = await c().vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.delete });
      if (r.task?.id) await waitTask(c(), r.task.id);
    }
  });

  const c = () => site.client;
  async function running(name: string, extra: CreateVmRequest = {}) {
    const r = await c().vms.createVm({ name, resources: { vcpus: 1, memoryMib: 1024 }, ...extra });
    const t = await waitTask(c(), r.task!.id);
    expect(t.state, t.errorMessage).toBe('succeeded');
    return c().vms.getVm({ id: r.vm!.id });
  }
  const onHyperv = { requirements: { hypervisor: 'hyperv' } };
  const onKvm = { requirements: { hypervisor: 'kvm' } };
  const statesOf = (id: string) => site.events.filter((e) => e.vmId === id).map((e) => e.to);
  /** Every change of the task, from the VEEM's registry (watching over gRPC could miss early steps). */
  function recordTasks(): { tasks: Task[]; stop: () => void } {
    const tasks: Task[] = [];
    const stop = site.veem.veem.tasks.onChange((t) => tasks.push(t));
    return { tasks, stop };
  }
  const code = async (p: Promise<unknown>) =>
    p.then(
      () => 'OK',
      (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
    );

  it('hot-plugs on kvm and reboots on hyperv for the same request, only when a reboot is allowed', async () => {
    const kvm = await running('same-kvm', onKvm);
    const hv = await running('same-hv', onHyperv);
    expect([kvm.host, hv.host]).toEqual(['r-kvm', 'r-hv']);
    const request = { vcpus: 2, memoryMib: 2048 };

    // Without allow_reboot: kvm hot-plugs, hyperv refuses and says how to allow the reboot.
    const hot = await c().vms.resizeVm({ id: kvm.id, ...request });
    expect((await waitTask(c(), hot.task!.id)).state).toBe('succeeded');
    expect(await code(c().vms.resizeVm({ id: hv.id, ...request }))).toMatch(
      /^FAILED_PRECONDITION: hyperv on r-hv cannot hot-plug CPUs and cannot hot-plug memory: the resize needs a reboot; allow it with allow_reboot/,
    );

    // The same request with allow_reboot on both: kvm still hot-plugs, hyperv reboots.
    const same = { ...request, vcpus: 3, allowReboot: true };
    const rec = recordTasks();
    const k = await c().vms.resizeVm({ id: kvm.id, ...same });
    const h = await c().vms.resizeVm({ id: hv.id, ...same });
    expect(k.task!.operation).toBe('vm.resize');
    expect(h.task!.operation).toBe('vm.resize-reboot');
    expect(h.vm!.state).toBe('shutdown');
    const [kt, ht] = [await waitTask(c(), k.task!.id), await waitTask(c(), h.task!.id)];
    rec.stop();
    expect(kt.state).toBe('succeeded');
    expect(ht.state, ht.errorMessage).toBe('succeeded');
    expect(ht.message).toBe('resized to 3 vCPU, 2048 MiB with a reboot; running on r-hv');
    const steps = rec.tasks.filter((t) => t.id === ht.id).map((t) => t.message);
    expect(steps).toEqual(
      expect.arrayContaining([
        'resize with reboot: 1/3 shutting down on r-hv',
        'resize with reboot: 2/3 resizing to 3 vCPU, 2048 MiB while powered off',
        'resize with reboot: 3/3 starting on r-hv',
      ]),
    );

    for (const [vm, host] of [
      [kvm, 'r-kvm'],
      [hv, 'r-hv'],
    ] as const) {
      const now = await c().vms.getVm({ id: vm.id });
      expect(now.state).toBe('running');
      expect(now.resources).toMatchObject({ vcpus: 3, memoryMib: 2048 });
      expect((await site.local.host(host).get(vm.id!)).spec.resources).toMatchObject({
        vcpus: 3,
        memoryMib: 2048,
      });
    }
    // The kvm VM never left running; the hyperv one went through shutdown, poweroff and boot.
    expect(statesOf(kvm.id!)).not.toContain('shutdown');
    expect(statesOf(hv.id!).slice(-4)).toEqual(['shutdown', 'poweroff', 'boot', 'running']);
  });

  it('starts the VM again at its old size when the host refuses the resize while it is off', async () => {
    const vm = await running('refused-hv', onHyperv);
    site.local.host('r-hv').inject({ op: 'resize', error: 'INTERNAL' });
    const r = await c().vms.resizeVm({ id: vm.id, vcpus: 2, allowReboot: true });
    const t = await waitTask(c(), r.task!.id);
    expect(t.state).toBe('failed');
    expect(t.errorCode).toBe('INTERNAL');
    expect(t.errorMessage).toMatch(/^resize refused, VM restarted at its old size: host r-hv: resize:/);
    const after = await c().vms.getVm({ id: vm.id });
    expect(after.state).toBe('running');
    expect(after.resources?.vcpus).toBe(1);
    expect(after.reason).toMatch(/resize refused/);
    expect((await site.local.host('r-hv').get(vm.id!)).state).toBe('running');
  });

  it('keeps no-reboot-on-cpu-change: refused on hyperv at creation, on migration and on resize, even with allow_reboot', async () => {
    const strict = { operationalRequirements: { 'no-reboot-on-cpu-change': 'true' } };
    expect(
      await code(
        c().vms.createVm({
          name: 'strict-hv',
          resources: { vcpus: 1, memoryMib: 512 },
          ...strict,
          ...onHyperv,
        }),
      ),
    ).toMatch(
      /^FAILED_PRECONDITION: .*hyperv cannot hot-plug CPUs, so it cannot honour no-reboot-on-cpu-change=true/,
    );
    expect(
      await code(
        c().vms.createVm({
          name: 'odd',
          resources: { vcpus: 1, memoryMib: 512 },
          operationalRequirements: { 'no-reboot-sometimes': 'true' },
        }),
      ),
    ).toMatch(
      /^INVALID_ARGUMENT: operational_requirements.no-reboot-sometimes: unknown operational requirement/,
    );

    // Without a hypervisor requirement the scheduler keeps it off hyperv.
    const vm = await running('strict', strict);
    expect(vm.host).toBe('r-kvm');
    expect(vm.operationalRequirements).toEqual({ 'no-reboot-on-cpu-change': 'true' });
    expect(await code(c().vms.migrateVm({ id: vm.id, targetHost: 'r-hv' }))).toMatch(
      /^RESOURCE_EXHAUSTED: host r-hv does not fit: cannot hot-plug CPUs \(no-reboot-on-cpu-change\)/,
    );
    // kvm grows CPUs hot; taking them away from a running guest would reboot it.
    const grow = await c().vms.resizeVm({ id: vm.id, vcpus: 2, allowReboot: true });
    expect((await waitTask(c(), grow.task!.id)).state).toBe('succeeded');
    expect(await code(c().vms.resizeVm({ id: vm.id, vcpus: 1, allowReboot: true }))).toMatch(
      /^FAILED_PRECONDITION: VM .* requires no-reboot-on-cpu-change=true, and kvm on r-kvm cannot remove CPUs from a running VM/,
    );

    // A VM that already runs on hyperv when the requirement is stated (placed before this VEEM
    // checked requirements): its resize is refused, allow_reboot or not.
    const old = await running('legacy-hv', onHyperv);
    const veem = site.veem.veem;
    await new VmWriter(veem.ctx).update(veem.ctx.inv.vm(old.id!), {
      operationalRequirements: { 'no-reboot-on-cpu-change': 'true' },
    });
    expect(
      await code(c().vms.resizeVm({ id: old.id, vcpus: 2, memoryMib: 1024, allowReboot: true })),
    ).toMatch(
      /^FAILED_PRECONDITION: VM .* requires no-reboot-on-cpu-change=true, and hyperv on r-hv cannot hot-plug CPUs: the resize would reboot it, so it is refused \(allow_reboot does not lift/,
    );
    const after = await c().vms.getVm({ id: old.id });
    expect(after.state).toBe('running');
    expect(after.resources?.vcpus).toBe(1);
  });

  it('bursts up to the allowance within the hypervisor limits and the physical room', async () => {
    const G = { vcpus: 2, memoryMib: 2048 };
    expect(await code(c().vms.createVm({ name: 'b-over', resources: G, burst: { vcpus: 3 } }))).toMatch(
      /^INVALID_ARGUMENT: burst.vcpus: a burst of 3 vCPUs exceeds 100% of the guarantee of 2 vCPUs/,
    );
    expect(
      await code(
        c().vms.createVm({
          name: 'b-hv',
          resources: { vcpus: 3, memoryMib: 1024 },
          burst: { vcpus: 2 },
          ...onHyperv,
        }),
      ),
    ).toMatch(
      /^INVALID_ARGUMENT: burst: guarantee \+ burst of 5 vCPUs exceeds hyperv's hard limit of 4 vCPUs per VM/,
    );

    const vm = await running('burster', { resources: G, burst: { vcpus: 2, memoryMib: 2048 }, ...onKvm });
    expect(vm.guarantee).toMatchObject(G);
    expect(vm.burst).toMatchObject({ vcpus: 2, memoryMib: 2048 });
    const hostBefore = await c().hosts.getHost({ id: 'r-kvm' });

    const up = await c().vms.resizeVm({ id: vm.id, vcpus: 4, memoryMib: 3072 });
    expect((await waitTask(c(), up.task!.id)).state).toBe('succeeded');
    const bursting = await c().vms.getVm({ id: vm.id });
    expect(bursting.resources).toMatchObject({ vcpus: 4, memoryMib: 3072 });
    expect(bursting.guarantee).toMatchObject(G);
    expect(bursting.burstInUse).toMatchObject({ vcpus: 2, memoryMib: 1024 });
    // The burst occupies the host while in use.
    expect((await c().hosts.getHost({ id: 'r-kvm' })).used?.vcpus).toBe(hostBefore.used!.vcpus! + 2);

    expect(await code(c().vms.resizeVm({ id: vm.id, vcpus: 5 }))).toMatch(
      /^INVALID_ARGUMENT: vcpus: 5 vCPUs is beyond VM .*'s burst allowance: guarantee 2 \+ burst 2 = 4 vCPUs/,
    );
    expect(await code(c().vms.resizeVm({ id: vm.id, vcpus: 1 }))).toMatch(
      /is below VM .*'s guarantee of 2 vCPUs/,
    );

    // No family takes CPUs or memory from a running guest: back to the guarantee is a reboot.
    expect(await code(c().vms.resizeVm({ id: vm.id, vcpus: 2, memoryMib: 2048 }))).toMatch(
      /kvm on r-kvm cannot remove CPUs from a running VM and cannot remove memory from a running VM: the resize needs a reboot/,
    );
    const down = await c().vms.resizeVm({ id: vm.id, vcpus: 2, memoryMib: 2048, allowReboot: true });
    expect(down.task!.operation).toBe('vm.resize-reboot');
    expect((await waitTask(c(), down.task!.id)).state).toBe('succeeded');
    expect((await c().vms.getVm({ id: vm.id })).burstInUse).toMatchObject({ vcpus: 0, memoryMib: 0 });

    // With CPU overcommitted 2×, a guarantee still fits but a burst needs real cores.
    await c().hosts.updateHost({ id: 'r-kvm', overcommit: { cpu: 2, memory: 1, disk: 1 } });
    const used = (await c().hosts.getHost({ id: 'r-kvm' })).used!.vcpus!;
    const filler = await running('filler', { resources: { vcpus: 8 - used, memoryMib: 512 }, ...onKvm });
    expect(await code(c().vms.resizeVm({ id: vm.id, vcpus: 3 }))).toMatch(
      /^RESOURCE_EXHAUSTED: host r-kvm has no physical room for a burst to 3 vCPUs: 8 of 8 vCPUs are allocated, and bursts are never overcommitted/,
    );
    expect(filler.host).toBe('r-kvm');
  });
});
