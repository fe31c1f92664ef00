import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir } from '@reservoir/contracts';
import { testBrokers } from '@reservoir/runtime/testing';
import { ACTION_TO_PB } from '../src/adapters/grpc/mapping.js';
import { host, makeDisk, startFederation, type Federation, type FedSite } from './federation-harness.js';
import { until, waitTask } from './harness.js';

const MODE = reservoir.veem.v1.TransferMode;

describe.sequential(
  'a two-site federation: check, copy and move VMs across sites and hypervisor kinds',
  () => {
    let fed: Federation;
    let a: FedSite;
    let b: FedSite;
    let closeBroker: () => Promise<void>;
    let imageId = '';
    let sourceDisk = '';

    beforeAll(async () => {
      const broker = await testBrokers()[0]!.start();
      closeBroker = broker.close;
      fed = await startFederation({
        mqttUrl: broker.url,
        sites: [
          { name: 'fa', hosts: [host('fa-kvm', 'kvm'), host('fa-xen', 'xen')] },
          {
            name: 'fb',
            hosts: [
              host('fb-vmware', 'vmware'),
              host('fb-hyperv', 'hyperv', { labels: { 'cpu-model': 'Intel(R) Xeon(R) CPU E5-2680' } }),
            ],
            country: 'FR',
          },
        ],
      });
      [a, b] = fed.sites as [FedSite, FedSite];
      sourceDisk = makeDisk(fed.dir, 'guest', 'qcow2', 8);
      const img = await a.vmi.images.registerImage({
        name: 'guest',
        format: 'qcow2',
        sizeMib: 0,
        checksum: '',
        source: sourceDisk,
      });
      imageId = img.id;
    }, 60_000);
    afterAll(async () => {
      await fed?.stop();
      await closeBroker?.();
    });

    async function runningVm(
      name: string,
      extra: Partial<reservoir.veem.v1.CreateVmRequest.$Properties> = {},
    ) {
      const net = (await a.vmi.networks.listNetworks({})).networks[0]!;
      const r = await a.vmi.vms.createVm({
        name,
        resources: { vcpus: 2, memoryMib: 2048, diskMib: 1024 },
        imageId,
        networkIds: [net.id!],
        host: 'fa-kvm',
        ...extra,
      });
      await waitTask(a.vmi, r.task?.id);
      const vm = await a.vmi.vms.getVm({ id: r.vm!.id });
      expect(vm.state).toBe('running');
      return vm;
    }

    async function transfer(vmId: string, target: string, mode: number) {
      const r = await a.fed.transferVm({ vmId, target, mode });
      const task = await waitTask(a.vmi, r.task!.id);
      const t = await a.fed.getTransfer({ id: r.transfer!.id });
      return { task, t };
    }

    it('registers an image from a file: qemu-img confirms the format and the digest is kept', async () => {
      const img = await a.vmi.images.getImage({ id: imageId });
      expect(img.format).toBe('qcow2');
      expect(img.sizeMib).toBe(8);
      expect(existsSync(join(a.imageDir, `${imageId}.qcow2`))).toBe(true);
      await expect(
        a.vmi.images.registerImage({
          name: 'liar',
          format: 'vmdk',
          sizeMib: 0,
          checksum: '',
          source: sourceDisk,
        }),
      ).rejects.toThrow(/vmdk|format/i);
    });

    it('answers yes, the level and every difference, or no with the blocking ones', async () => {
      const vm = await runningVm('check-me');
      const yes = await a.fed.checkInterop({ vmId: vm.id, target: 'fb/fb-vmware' });
      expect(yes.interoperable).toBe(true);
      expect(yes.level).toBe(2);
      expect(yes.targetFormat).toBe('vmdk');
      const codes = yes.differences.map((d) => d.code);
      expect(codes).toContain('DISK_CONVERSION');
      expect(codes).toContain('ADDRESS_CHANGE');
      // Live migration stays within one hypervisor family and subnet: kvm to kvm at home is level 1.
      const big = await runningVm('too-big', { resources: { vcpus: 8, memoryMib: 2048, diskMib: 1024 } });
      const no = await a.fed.checkInterop({ vmId: big.id, target: 'fb/fb-hyperv' });
      expect(no.interoperable).toBe(false);
      const limit = no.differences.find((d) => d.code === 'VCPU_LIMIT');
      expect(limit?.severity).toBe('blocking');
      expect(limit?.message).toMatch(/4/);
      await expect(a.fed.checkInterop({ vmId: vm.id, target: 'nowhere' })).rejects.toThrow(/partner site/);
      await expect(a.fed.checkInterop({ vmId: vm.id, target: 'fb/no-such-host' })).rejects.toThrow(/host/);
    });

    it('copies a VM from kvm to vmware: the converted disk is identical, the source keeps running', async () => {
      const vm = await runningVm('copy-me');
      const { task, t } = await transfer(vm.id, 'fb/fb-vmware', MODE.TRANSFER_MODE_COPY);
      expect(task.state, task.errorMessage).toBe('succeeded');
      expect(t.log.map((l) => `${l.step}:${l.outcome}`)).toEqual([
        'configure:confirmed',
        'reserve:confirmed',
        'export:done',
        'initialize:confirmed',
        'start:confirmed',
      ]);
      expect(t.targetFormat).toBe('vmdk');
      const copy = await b.vmi.vms.getVm({ id: t.targetVmId });
      expect(copy).toMatchObject({ state: 'running', host: 'fb-vmware', name: 'copy-me' });
      const img = await b.vmi.images.getImage({ id: copy.imageId });
      expect(img.format).toBe('vmdk');
      // The disk that arrived holds the same guest data as the source, byte for byte.
      execFileSync('qemu-img', [
        'compare',
        '-f',
        'qcow2',
        '-F',
        'vmdk',
        sourceDisk,
        join(b.imageDir, `${img.id}.vmdk`),
      ]);
      expect((await a.vmi.vms.getVm({ id: vm.id })).state).toBe('running');
    });

    it('moves a VM from kvm to hyperv: the target runs first, then the source stops and goes', async () => {
      const vm = await runningVm('move-me');
      const { task, t } = await transfer(vm.id, 'fb/fb-hyperv', MODE.TRANSFER_MODE_MOVE);
      expect(task.state, task.errorMessage).toBe('succeeded');
      expect(t.log.map((l) => l.step)).toEqual([
        'configure',
        'reserve',
        'export',
        'initialize',
        'start',
        'stop-source',
        'delete-source',
      ]);
      expect(t.targetFormat).toBe('vhdx');
      const moved = await b.vmi.vms.getVm({ id: t.targetVmId });
      expect(moved.state).toBe('running');
      expect((await a.vmi.vms.getVm({ id: vm.id })).state).toBe('done');
      const img = await b.vmi.images.getImage({ id: moved.imageId });
      execFileSync('qemu-img', [
        'compare',
        '-f',
        'qcow2',
        '-F',
        'vhdx',
        sourceDisk,
        join(b.imageDir, `${img.id}.vhdx`),
      ]);
    });

    it('failure condition 2: the target cannot start; the source keeps running and the target is cleaned up', async () => {
      const vm = await runningVm('cannot-start');
      const before = (await b.vmi.vms.listVms({})).vms.length;
      const images = (await b.vmi.images.listImages({})).images.length;
      b.agent.host('fb-vmware').inject({ op: 'create', count: 20, error: 'INTERNAL' });
      try {
        const { task, t } = await transfer(vm.id, 'fb/fb-vmware', MODE.TRANSFER_MODE_MOVE);
        expect(task.state).toBe('failed');
        expect(t.errorCode).toBe('START_FAILED');
        expect(t.log.map((l) => `${l.step}:${l.outcome}`).slice(-2)).toEqual([
          'release:done',
          'start:denied',
        ]);
      } finally {
        b.agent.host('fb-vmware').clearFaults();
      }
      expect((await a.vmi.vms.getVm({ id: vm.id })).state).toBe('running');
      const left = (await b.vmi.vms.listVms({})).vms.filter((v) => v.name === 'cannot-start');
      expect(left).toEqual([]);
      expect((await b.vmi.vms.listVms({})).vms.length).toBe(before);
      expect((await b.vmi.images.listImages({})).images.length).toBe(images);
      expect(readdirSync(join(b.imageDir, 'incoming'))).toEqual([]);
    });

    it('failure condition 3: the source cannot stop; the task ends in its own error and the target is taken down', async () => {
      const vm = await runningVm('cannot-stop');
      a.agent.host('fa-kvm').inject({ op: 'shutdown', count: 20, error: 'INTERNAL' });
      try {
        const { task, t } = await transfer(vm.id, 'fb/fb-vmware', MODE.TRANSFER_MODE_MOVE);
        expect(task.state).toBe('failed');
        expect(task.errorMessage).toMatch(/SOURCE_STOP_FAILED/);
        expect(t.errorCode).toBe('SOURCE_STOP_FAILED');
        expect(t.log.find((l) => l.step === 'start')?.outcome).toBe('confirmed');
      } finally {
        a.agent.host('fa-kvm').clearFaults();
      }
      // Never two running copies: the target VM is gone, the source still runs.
      const copies = (await b.vmi.vms.listVms({})).vms.filter((v) => v.name === 'cannot-stop');
      expect(copies).toEqual([]);
      const src = await until('the source settles', async () => {
        const v = await a.vmi.vms.getVm({ id: vm.id });
        return v.state === 'running' || v.state === 'failed' || v.state === 'poweroff' ? v : undefined;
      });
      expect(src.state).not.toBe('done');
    });

    it('refuses a transfer to a host that cannot take the VM, before anything is reserved', async () => {
      const big = await runningVm('refused', { resources: { vcpus: 8, memoryMib: 2048, diskMib: 1024 } });
      const { task, t } = await transfer(big.id, 'fb/fb-hyperv', MODE.TRANSFER_MODE_COPY);
      expect(task.state).toBe('failed');
      expect(t.errorCode).toBe('INTEROP_BLOCKED');
      expect(t.log).toHaveLength(1);
      expect(t.log[0]).toMatchObject({ step: 'configure', outcome: 'denied' });
    });

    it('refuses a move that would break a requirement the VM states, with the reason', async () => {
      const vm = await runningVm('no-reboot', {
        operationalRequirements: { 'no-reboot-on-cpu-change': 'true' },
      });
      const check = await a.fed.checkInterop({ vmId: vm.id, target: 'fb/fb-hyperv' });
      expect(check.interoperable).toBe(false);
      const why = check.differences.find((d) => d.code === 'REQUIREMENT_UNSUPPORTED');
      expect(why?.message).toMatch(/hyperv|hot-plug/i);
      const { task, t } = await transfer(vm.id, 'fb/fb-hyperv', MODE.TRANSFER_MODE_MOVE);
      expect(task.state).toBe('failed');
      expect(t.log[0]).toMatchObject({ step: 'configure', outcome: 'denied' });
      expect((await a.vmi.vms.getVm({ id: vm.id })).state).toBe('running');
      // The same VM may go where CPUs hot-plug.
      expect((await a.fed.checkInterop({ vmId: vm.id, target: 'fb/fb-vmware' })).interoperable).toBe(true);
    });

    it('lets the federation heuristic choose the site (--to auto), or says why none can take the VM', async () => {
      const vm = await runningVm('anywhere');
      const auto = await a.fed.checkInterop({ vmId: vm.id, target: 'auto' });
      expect(auto).toMatchObject({ interoperable: true, targetSite: 'fb' });
      const us = await runningVm('us-only', { operationalRequirements: { country: 'US' } });
      await expect(a.fed.checkInterop({ vmId: us.id, target: 'auto' })).rejects.toThrow(
        /no partner site can take.*fb/,
      );
    });

    it('moves between hypervisor kinds of one site through the same process', async () => {
      const vm = await runningVm('local-move');
      const r = await a.fed.transferVm({ vmId: vm.id, target: 'fa/fa-xen', mode: MODE.TRANSFER_MODE_MOVE });
      const task = await waitTask(a.vmi, r.task!.id);
      expect(task.state, task.errorMessage).toBe('succeeded');
      const t = await a.fed.getTransfer({ id: r.transfer!.id });
      const moved = await a.vmi.vms.getVm({ id: t.targetVmId });
      expect(moved).toMatchObject({ state: 'running', host: 'fa-xen' });
      expect((await a.vmi.vms.getVm({ id: vm.id })).state).toBe('done');
    });

    it('runs the seven-step interoperability test with a score per step and the aggregate', async () => {
      const vm = await runningVm('seven-steps');
      const r = await a.fed.runInteropTest({ vmId: vm.id, target: 'fb/fb-hyperv', strictFacts: [] });
      expect(r.steps.map((s) => s.step)).toEqual([
        'sanity-check-source',
        'shutdown-source',
        'export-ovf',
        'resource-check-target',
        'consistency-check-target',
        'import-target',
        'restart-target',
      ]);
      // The guest comes back with another address and processor: a warning, as seed 001 scored it.
      expect(r.score).toBe('WARNING');
      expect(r.guestChanges.map((d) => d.code)).toEqual(
        expect.arrayContaining(['ADDRESS_CHANGE', 'CPU_MODEL_CHANGE']),
      );
      // Unless kept, the copy is removed and the source runs again.
      const src = await until('the source restarts', async () => {
        const v = await a.vmi.vms.getVm({ id: vm.id });
        return v.state === 'running' ? v : undefined;
      });
      expect(src.state).toBe('running');
      const strict = await a.fed.runInteropTest({ vmId: vm.id, target: 'fb/fb-hyperv', strictFacts: ['ip'] });
      expect(strict.score).toBe('FAILURE');
      expect(strict.steps.at(-1)?.score).toBe('FAILURE');
    });

    it('keeps the same VM operations on every site: stop and start the moved VM with the same calls', async () => {
      const vms = (await b.vmi.vms.listVms({})).vms.filter((v) => v.state === 'running');
      expect(vms.length).toBeGreaterThan(0);
      const vm = vms[0]!;
      const stop = await b.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.stop });
      expect((await waitTask(b.vmi, stop.task?.id)).state).toBe('succeeded');
      const start = await b.vmi.vms.actOnVm({ id: vm.id, action: ACTION_TO_PB.start });
      expect((await waitTask(b.vmi, start.task?.id)).state).toBe('succeeded');
    });
  },
);
