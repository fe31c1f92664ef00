import { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVeeh, type Veeh } from '../../create-veeh.js';

const S = reservoir.veeh.v1.DomainState;
const template = { cores: 8, memoryMib: 16_384, diskMib: 100_000 };

function vmSpec(vmId: string, vcpus = 2, memoryMib = 4096) {
  return {
    vmId,
    name: `${vmId}-name`,
    resources: { vcpus, memoryMib, diskMib: 0 },
    disks: [{ id: 'root', imageId: 'img-1', format: 'qcow2', sizeMib: 8192, target: 'vda' }],
    nics: [{ id: 'eth0', networkId: 'net-1', ip: '10.0.0.5', mac: '' }],
    context: { role: 'web' },
  };
}

describe('VHI over a real socket', () => {
  let a: Veeh;
  let b: Veeh;
  let vhi: ClosableClient<typeof HostAgentDefinition>;
  let vhiB: ClosableClient<typeof HostAgentDefinition>;

  beforeAll(async () => {
    a = await createVeeh({
      hosts: { prefix: 'a-', families: 'kvm:2,hyperv:1', template },
      listen: '127.0.0.1:0',
    });
    b = await createVeeh({ hosts: { prefix: 'b-', count: 1, template }, listen: '127.0.0.1:0' });
    vhi = createClient(HostAgentDefinition, a.address!, { deadlineMs: 5_000 });
    vhiB = createClient(HostAgentDefinition, b.address!, { deadlineMs: 5_000 });
  });

  afterAll(async () => {
    vhi.close();
    vhiB.close();
    await Promise.all([a.stop(), b.stop()]);
  });

  it('describes the agent and its hosts', async () => {
    const { hosts } = await vhi.listAgentHosts({});
    expect(hosts.map((h) => h.hostId)).toEqual(['a-01', 'a-02', 'a-03']);
    const h3 = await vhi.describeHost({ hostId: 'a-03' });
    expect(h3.capacity).toMatchObject({ vcpus: 8, memoryMib: 16_384, diskMib: 100_000 });
    expect(h3.profile).toMatchObject({
      hypervisor: 'hyperv',
      maxVcpusPerVm: 4,
      maxMemoryMibPerVm: 65_536,
      diskFormats: ['vhdx', 'vpc'],
      driver: 'sim',
    });
    expect(h3.labels['overcommit.cpu']).toBe('16');
    await expect(vhi.describeHost({ hostId: 'zz' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs the life cycle of a domain', async () => {
    const created = await vhi.createDomain({ hostId: 'a-01', spec: vmSpec('vm1') });
    expect(created).toMatchObject({ hostId: 'a-01', vmId: 'vm1', state: S.DOMAIN_STATE_DEFINED });
    expect(created.spec?.resources).toMatchObject({ vcpus: 2, memoryMib: 4096, diskMib: 8192 });
    expect(created.spec?.nics?.[0]?.mac).toMatch(/^52:54:00:/);
    expect(created.spec?.context).toEqual({ role: 'web' });
    expect((await vhi.createDomain({ hostId: 'a-01', spec: vmSpec('vm1') })).vmId).toBe('vm1');

    expect((await vhi.startDomain({ hostId: 'a-01', vmId: 'vm1' })).state).toBe(S.DOMAIN_STATE_RUNNING);
    const got = await vhi.getDomain({ hostId: 'a-01', vmId: 'vm1' });
    expect(got.cpuUsedPercent).toBeGreaterThan(0);
    expect(Number(got.stateSinceMs)).toBeGreaterThan(1_600_000_000_000);
    expect((await vhi.rebootDomain({ hostId: 'a-01', vmId: 'vm1' })).state).toBe(S.DOMAIN_STATE_RUNNING);
    expect((await vhi.suspendDomain({ hostId: 'a-01', vmId: 'vm1' })).state).toBe(S.DOMAIN_STATE_SUSPENDED);
    expect((await vhi.resumeDomain({ hostId: 'a-01', vmId: 'vm1' })).state).toBe(S.DOMAIN_STATE_RUNNING);
    expect((await vhi.shutdownDomain({ hostId: 'a-01', vmId: 'vm1', hard: true })).state).toBe(
      S.DOMAIN_STATE_SHUTOFF,
    );

    expect((await vhi.snapshotDomain({ hostId: 'a-01', vmId: 'vm1', name: 's1' })).snapshots).toEqual(['s1']);
    expect(
      (await vhi.resizeDomain({ hostId: 'a-01', vmId: 'vm1', vcpus: 4, memoryMib: 0 })).spec?.resources,
    ).toMatchObject({ vcpus: 4, memoryMib: 4096 });
    const reverted = await vhi.revertDomain({ hostId: 'a-01', vmId: 'vm1', name: 's1' });
    expect(reverted.spec?.resources?.vcpus).toBe(2);
    expect((await vhi.deleteSnapshot({ hostId: 'a-01', vmId: 'vm1', name: 's1' })).snapshots).toEqual([]);

    const disk = { id: 'data', imageId: '', format: 'raw', sizeMib: 1024, target: 'vdb' };
    expect((await vhi.attachDisk({ hostId: 'a-01', vmId: 'vm1', disk })).spec?.resources?.diskMib).toBe(9216);
    expect(
      (await vhi.detachDisk({ hostId: 'a-01', vmId: 'vm1', deviceId: 'data' })).spec?.disks,
    ).toHaveLength(1);
    const nic = { id: 'eth1', networkId: 'net-2', ip: '', mac: '02:00:00:00:00:01' };
    expect(
      (await vhi.attachNic({ hostId: 'a-01', vmId: 'vm1', nic })).spec?.nics?.map((n) => n.mac),
    ).toContain('02:00:00:00:00:01');
    expect((await vhi.detachNic({ hostId: 'a-01', vmId: 'vm1', deviceId: 'eth1' })).spec?.nics).toHaveLength(
      1,
    );

    expect((await vhi.destroyDomain({ hostId: 'a-01', vmId: 'vm1' })).existed).toBe(true);
    expect((await vhi.destroyDomain({ hostId: 'a-01', vmId: 'vm1' })).existed).toBe(false);
  });

  it('carries the error vocabulary across the wire', async () => {
    await expect(vhi.getDomain({ hostId: 'a-01', vmId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(vhi.createDomain({ hostId: 'a-03', spec: vmSpec('big', 8) })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec.resources.vcpus',
    });
    await expect(vhi.createDomain({ hostId: 'a-03', spec: vmSpec('fmt', 2) })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: 'hyperv does not support disk format qcow2 (supports vhdx, vpc)',
    });
    await vhi.createDomain({ hostId: 'a-02', spec: vmSpec('huge', 2, 16_000) });
    await vhi.startDomain({ hostId: 'a-02', vmId: 'huge' });
    await vhi.createDomain({ hostId: 'a-02', spec: vmSpec('more', 2, 1024) });
    await expect(vhi.startDomain({ hostId: 'a-02', vmId: 'more' })).rejects.toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: /memory: asked 1024 MiB, free 384 MiB/,
    });
    await expect(vhi.suspendDomain({ hostId: 'a-02', vmId: 'more' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: /it is defined/,
    });
    await expect(vhi.createDomain({ hostId: 'a-02' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: 'spec',
    });
    a.host('a-02').setReachable(false);
    await expect(vhi.getDomain({ hostId: 'a-02', vmId: 'huge' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    const report = await vhi.monitor({ hostIds: ['a-02'] });
    expect(report.hosts[0]).toMatchObject({ hostId: 'a-02', reachable: false });
    a.host('a-02').setReachable(true);
    await vhi.destroyDomain({ hostId: 'a-02', vmId: 'huge' });
    await vhi.destroyDomain({ hostId: 'a-02', vmId: 'more' });
  });

  it('monitors every host with its domains', async () => {
    await vhi.createDomain({ hostId: 'a-02', spec: vmSpec('mon') });
    await vhi.startDomain({ hostId: 'a-02', vmId: 'mon' });
    const report = await vhi.monitor({});
    expect(report.hosts.map((h) => h.hostId)).toEqual(['a-01', 'a-02', 'a-03']);
    const h2 = report.hosts[1]!;
    expect(h2).toMatchObject({ reachable: true, allocated: { vcpus: 2, memoryMib: 4096, diskMib: 8192 } });
    const domains = h2.domains ?? [];
    expect(domains.map((d) => d.vmId)).toEqual(['mon']);
    expect(h2.cpuUsedPercent).toBeCloseTo(domains[0]?.cpuUsedPercent ?? -1, 5);
    expect(Number(report.atMs)).toBeGreaterThan(0);
    await vhi.destroyDomain({ hostId: 'a-02', vmId: 'mon' });
  });

  it('migrates within the agent and to another agent, two-phase', async () => {
    await vhi.createDomain({ hostId: 'a-01', spec: vmSpec('mig') });
    await vhi.startDomain({ hostId: 'a-01', vmId: 'mig' });
    const local = await vhi.migrateDomain({ hostId: 'a-01', vmId: 'mig', targetHostId: 'a-02', live: true });
    expect(local.domain).toMatchObject({ hostId: 'a-02', state: S.DOMAIN_STATE_RUNNING });
    expect(Number(local.transferredMib)).toBeGreaterThan(8192 + 4096);

    const prepared = await vhiB.prepareIncoming({ hostId: 'b-01', spec: vmSpec('mig'), live: true });
    expect(prepared.state).toBe(S.DOMAIN_STATE_INCOMING);
    const remote = await vhi.migrateDomain({
      hostId: 'a-02',
      vmId: 'mig',
      targetHostId: 'b-01',
      targetEndpoint: b.address!,
      live: true,
    });
    expect(remote.domain).toMatchObject({ hostId: 'b-01', vmId: 'mig', state: S.DOMAIN_STATE_RUNNING });
    expect(remote.downtimeMs).toBeGreaterThan(0);
    expect(b.host('b-01').usage().used).toEqual({ vcpus: 2, memoryMib: 4096, diskMib: 8192 });
    expect(a.host('a-02').usage().used).toEqual({ vcpus: 0, memoryMib: 0, diskMib: 0 });
    await expect(
      vhi.migrateDomain({
        hostId: 'a-01',
        vmId: 'x',
        targetHostId: 'b-09',
        targetEndpoint: b.address!,
        live: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('receives a hand-over and aborts an incoming domain', async () => {
    await vhiB.prepareIncoming({ hostId: 'b-01', spec: vmSpec('rx'), live: false });
    const landed = await vhiB.receiveMigration({
      hostId: 'b-01',
      vmId: 'rx',
      live: false,
      sourceState: S.DOMAIN_STATE_SUSPENDED,
      snapshots: ['old'],
      memoryImageMib: 4096,
    });
    expect(landed).toMatchObject({ state: S.DOMAIN_STATE_SUSPENDED, snapshots: ['old'] });
    await expect(
      vhiB.receiveMigration({
        hostId: 'b-01',
        vmId: 'rx',
        live: false,
        sourceState: S.DOMAIN_STATE_UNSPECIFIED,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'source_state' });

    await vhiB.prepareIncoming({ hostId: 'b-01', spec: vmSpec('ab'), live: true });
    expect((await vhiB.abortIncoming({ hostId: 'b-01', vmId: 'ab' })).existed).toBe(true);
    expect((await vhiB.abortIncoming({ hostId: 'b-01', vmId: 'ab' })).existed).toBe(false);
    await expect(vhiB.abortIncoming({ hostId: 'b-01', vmId: 'rx' })).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
  });
});
