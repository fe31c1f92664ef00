import { describe, expect, it } from 'vitest';
import type { ReservoirError } from '@reservoir/runtime';
import { simHost, spec } from '../testing/fixtures.js';

async function failure(p: Promise<unknown>): Promise<ReservoirError> {
  return (await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  )) as ReservoirError;
}

describe('resource accounting', () => {
  it('holds disk when defined, shut off or suspended, and everything while running or paused', async () => {
    const { host } = simHost();
    const disk = { vcpus: 0, memoryMib: 0, diskMib: 10_240 };
    const all = { vcpus: 2, memoryMib: 4096, diskMib: 10_240 };
    await host.create(spec('vm'));
    expect(host.usage().used).toEqual(disk);
    await host.start('vm');
    expect(host.usage().used).toEqual(all);
    host.pauseDomain('vm');
    expect(host.usage().used).toEqual(all);
    await host.suspend('vm');
    expect(host.usage().used).toEqual(disk);
    await host.resume('vm');
    expect(host.usage().used).toEqual(all);
    host.crashDomain('vm');
    expect(host.usage().used).toEqual(disk);
    await host.start('vm');
    await host.shutdown('vm');
    expect(host.usage().used).toEqual(disk);
    await host.destroy('vm');
    expect(host.usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
  });

  it('limits are capacity times overcommit: 16 vCPUs per core by default', () => {
    expect(simHost().host.usage().limits).toEqual({ vcpus: 64, memoryMib: 16_384, diskMib: 100_000 });
    const { host } = simHost({ overcommit: { cpu: 2, memory: 1.5 } });
    expect(host.usage().limits).toEqual({ vcpus: 8, memoryMib: 24_576, diskMib: 100_000 });
    expect(host.describe().capacity).toEqual({ vcpus: 4, memoryMib: 16_384, diskMib: 100_000 });
    expect(host.describe().labels['overcommit.cpu']).toBe('2');
  });

  it('refuses a start that does not fit, saying which resource, how much is asked and how much is free', async () => {
    const { host } = simHost();
    await host.create(spec('a', 2, 12_288));
    await host.start('a');
    await host.create(spec('b', 2, 6_144));
    const usage = host.usage();
    const err = await failure(host.start('b'));
    expect(err.code).toBe('RESOURCE_EXHAUSTED');
    expect(err.message).toBe('host h1 has not enough memory: asked 6144 MiB, free 4096 MiB of 16384 MiB');
    expect(host.usage()).toEqual(usage);
    expect((await host.get('b')).state).toBe('defined');
  });

  it('refuses a create whose disks do not fit, and names every short resource', async () => {
    const { host } = simHost({ overcommit: { cpu: 1 } });
    await expect(host.create(spec('big', 2, 4096, 100_001))).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: 'host h1 has not enough disk: asked 100001 MiB, free 100000 MiB of 100000 MiB',
    });
    await host.prepareIncoming(spec('in', 4, 4096, 100), true);
    await expect(host.prepareIncoming(spec('in2', 2, 16_384, 100), true)).rejects.toThrow(
      'host h1 has not enough vCPUs: asked 2, free 0 of 4; memory: asked 16384 MiB, free 12288 MiB of 16384 MiB',
    );
    expect(host.usage().used).toEqual({ vcpus: 4, memoryMib: 4096, diskMib: 100 });
  });

  it('refuses a resume or a grow that does not fit', async () => {
    const { host } = simHost();
    await host.create(spec('a', 2, 8192));
    await host.start('a');
    await host.suspend('a');
    await host.create(spec('b', 2, 10_000));
    await host.start('b');
    await expect(host.resume('a')).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect((await host.get('a')).state).toBe('suspended');
    await expect(host.resize('b', { memoryMib: 17_000 })).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
    });
    expect((await host.get('b')).spec.resources.memoryMib).toBe(10_000);
  });

  it('counts attached disks and never less than the sum of the disks', async () => {
    const { host } = simHost();
    const d = (id: string, sizeMib: number) => ({ id, imageId: 'i', format: '', sizeMib, target: '' });
    const vm = await host.create(spec('vm', 1, 1024, 100, { disks: [d('root', 4096), d('data', 1024)] }));
    expect(vm.spec.resources.diskMib).toBe(5120);
    expect(vm.spec.disks.map((x) => x.format)).toEqual(['qcow2', 'qcow2']);
    await host.attachDisk('vm', d('more', 1000));
    expect(host.usage().used.diskMib).toBe(6120);
    await expect(host.attachDisk('vm', d('huge', 95_000))).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
    });
    await host.detachDisk('vm', 'root');
    expect(host.usage().used.diskMib).toBe(2024);
  });
});

describe('hypervisor family limits', () => {
  it('refuses per-VM vCPUs and memory above the family maxima with INVALID_ARGUMENT', async () => {
    const { host } = simHost({ family: 'hyperv', cores: 64, memoryMib: 1_048_576 });
    await expect(host.create(spec('v', 5))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec.resources.vcpus',
      message: 'spec.resources.vcpus: hyperv allows at most 4 vCPUs per VM, asked 5',
    });
    await expect(host.create(spec('v', 4, 65_537, 0))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec.resources.memoryMib',
    });
    await host.create(
      spec('v', 4, 65_536, 0, { disks: [{ id: 'd', imageId: '', format: 'vhdx', sizeMib: 10, target: '' }] }),
    );
    await expect(host.resize('v', { vcpus: 8 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'vcpus',
    });
    const vmware = simHost({ family: 'vmware', cores: 64, memoryMib: 2_000_000 }).host;
    await expect(vmware.create(spec('w', 33))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await vmware.create(spec('w', 32, 1_048_576));
  });

  it('refuses a disk format the family does not support with FAILED_PRECONDITION', async () => {
    const { host } = simHost({ family: 'vmware' });
    const qcow = { id: 'd', imageId: '', format: 'qcow2', sizeMib: 10, target: '' };
    await expect(host.create(spec('v', 1, 1024, 0, { disks: [qcow] }))).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: 'vmware does not support disk format qcow2 (supports vmdk)',
    });
    await host.create(spec('v', 1, 1024, 0));
    await expect(host.attachDisk('v', qcow)).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await host.attachDisk('v', { ...qcow, format: 'vmdk' })).spec.disks).toHaveLength(1);
  });

  it('rejects malformed specs', async () => {
    const { host } = simHost();
    await expect(host.create(spec(''))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec.vmId',
    });
    await expect(host.create(spec('v', 0))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec.resources.vcpus',
    });
    const d = { id: 'x', imageId: '', format: '', sizeMib: 1, target: '' };
    await expect(host.create(spec('v', 1, 1, 0, { disks: [d, d] }))).rejects.toMatchObject({
      field: 'spec.disks[1].id',
    });
    expect(host.usage().used.diskMib).toBe(0);
  });
});

describe('resize and hot-plug', () => {
  it('hot-plugs CPUs and memory into a running kvm domain', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    await host.start('vm');
    const grown = await host.resize('vm', { vcpus: 8, memoryMib: 8192 });
    expect(grown.state).toBe('running');
    expect(grown.spec.resources).toEqual({ vcpus: 8, memoryMib: 8192, diskMib: 10_240 });
    expect(host.usage().used).toEqual({ vcpus: 8, memoryMib: 8192, diskMib: 10_240 });
    await expect(host.resize('vm', { vcpus: 4 })).rejects.toThrow(
      'kvm cannot remove CPUs from a running VM; power the VM off first',
    );
    await expect(host.resize('vm', { memoryMib: 1024 })).rejects.toThrow(/cannot remove memory/);
    expect(await host.resize('vm', { vcpus: 0, memoryMib: 0 })).toMatchObject({
      spec: { resources: { vcpus: 8 } },
    });
  });

  it('refuses hot-plug where the family cannot, and resizes once powered off', async () => {
    const { host } = simHost({ family: 'hyperv' });
    await host.create(spec('vm', 2, 4096, 0));
    await host.start('vm');
    await expect(host.resize('vm', { vcpus: 4 })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: 'hyperv cannot hot-plug CPUs; power the VM off first',
    });
    await expect(host.resize('vm', { memoryMib: 8192 })).rejects.toThrow(
      'hyperv cannot hot-plug memory; power the VM off first',
    );
    await host.shutdown('vm');
    const resized = await host.resize('vm', { vcpus: 4, memoryMib: 2048 });
    expect(resized.spec.resources).toMatchObject({ vcpus: 4, memoryMib: 2048 });
    expect(host.usage().used.vcpus).toBe(0);
    await host.start('vm');
    expect(host.usage().used).toMatchObject({ vcpus: 4, memoryMib: 2048 });
  });

  it('xen hot-plugs CPUs but not memory', async () => {
    const { host } = simHost({ family: 'xen' });
    await host.create(spec('vm', 2, 4096, 0));
    await host.start('vm');
    expect((await host.resize('vm', { vcpus: 3 })).spec.resources.vcpus).toBe(3);
    await expect(host.resize('vm', { memoryMib: 5000 })).rejects.toThrow('xen cannot hot-plug memory');
  });
});

describe('snapshots', () => {
  it('takes named snapshots and reverts spec and state to them', async () => {
    const { host } = simHost();
    await host.create(spec('vm'));
    await host.snapshot('vm', 'clean');
    await host.start('vm');
    await host.resize('vm', { vcpus: 6 });
    await host.attachDisk('vm', { id: 'd', imageId: '', format: 'raw', sizeMib: 500, target: 'vdb' });
    const live = await host.snapshot('vm', 'live');
    expect(live.snapshots).toEqual(['clean', 'live']);

    const back = await host.revert('vm', 'clean');
    expect(back.state).toBe('defined');
    expect(back.spec.resources).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 10_240 });
    expect(back.spec.disks).toEqual([]);
    expect(host.usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 10_240 });

    const forward = await host.revert('vm', 'live');
    expect(forward.state).toBe('running');
    expect(host.usage().used).toEqual({ vcpus: 6, memoryMib: 4096, diskMib: 10_740 });

    const deleted = await host.deleteSnapshot('vm', 'clean');
    expect(deleted.snapshots).toEqual(['live']);
    await expect(host.revert('vm', 'clean')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(host.snapshot('vm', '')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses a revert whose state no longer fits', async () => {
    const { host } = simHost();
    await host.create(spec('a', 2, 8192));
    await host.start('a');
    await host.snapshot('a', 'up');
    await host.shutdown('a');
    await host.create(spec('b', 2, 10_000));
    await host.start('b');
    await expect(host.revert('a', 'up')).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED' });
    expect((await host.get('a')).state).toBe('shutoff');
  });
});
