import { describe, expect, it } from 'vitest';
import type { PePolicy } from '../domain/model.js';
import type { SiteHost, SiteVm } from './ports.js';
import { siteInstance } from './site-snapshot.js';

const policy: PePolicy = { name: 'consolidate', maxMigrations: Infinity, weights: {} };

const host = (name: string, extra: Partial<SiteHost> = {}): SiteHost => ({
  id: `host-${name}`,
  name,
  state: 'monitored',
  capacity: { vcpus: 8, memoryMib: 16384, diskMib: 100_000 },
  used: { vcpus: 0, memoryMib: 0, diskMib: 0 },
  overcommit: { cpu: 2, memory: 1, disk: 0 },
  hypervisor: 'kvm',
  liveMigration: true,
  labels: {},
  ...extra,
});

const vm = (id: string, hostName: string, extra: Partial<SiteVm> = {}): SiteVm => ({
  id,
  state: 'running',
  host: hostName,
  organization: 'org',
  resources: { vcpus: 1, memoryMib: 1024, diskMib: 1000 },
  requirements: {},
  taskId: '',
  placement: { groups: [], allowedHosts: [], forbiddenHosts: [], allowedLabels: {}, setId: '' },
  ...extra,
});

describe('siteInstance', () => {
  it('keeps hosts that take VMs and the running VMs on them, at their current host', () => {
    const i = siteInstance(
      [
        host('h1', {
          used: { vcpus: 3, memoryMib: 3072, diskMib: 3000 },
          labels: { 'power.idle': '100', 'power.peak': '250', cost: '2.5', zone: 'a' },
        }),
        host('h2', { state: 'disabled' }),
        host('h3', { labels: { cost: 'cheap' } }),
      ],
      [vm('v1', 'h1'), vm('v2', 'h1'), vm('v3', 'h2'), vm('v4', 'h3', { state: 'poweroff' })],
      policy,
    );
    expect(i.resources).toEqual(['cpu', 'memory', 'disk']);
    expect(i.hosts.map((h) => h.id)).toEqual(['h1', 'h3']);
    expect(i.hosts[0]).toEqual({
      id: 'h1',
      capacity: [8, 16384, 100_000],
      tags: { 'power.idle': '100', 'power.peak': '250', cost: '2.5', zone: 'a', hypervisor: 'kvm' },
      overcommit: [2, 1, 1],
      power: { idle: 100, peak: 250 },
      cost: 2.5,
      // A third VM holds h1 without running (powered off, suspended...): it stays as reserved capacity.
      reserved: [1, 1024, 1000],
    });
    expect(i.hosts[1]).toMatchObject({ cost: 1, power: { idle: 0, peak: 0 } });
    expect(i.vms).toEqual([
      { id: 'v1', demand: [1, 1024, 1000], host: 'h1', benefit: 1, moveCost: 1 },
      { id: 'v2', demand: [1, 1024, 1000], host: 'h1', benefit: 1, moveCost: 1 },
    ]);
    expect(i.constraints).toEqual([]);
    expect(i.policy).toBe(policy);
  });

  it('pins VMs that are busy, pinned by requirement, or on a host without live migration', () => {
    const i = siteInstance(
      [host('h1'), host('h2', { liveMigration: false })],
      [
        vm('busy', 'h1', { taskId: 'task-1' }),
        vm('pinned', 'h1', { requirements: { host: 'h1' } }),
        vm('stuck', 'h2'),
        vm('free', 'h1'),
      ],
      policy,
    );
    expect(i.vms.filter((v) => v.fixed).map((v) => v.id)).toEqual(['busy', 'pinned', 'stuck']);
  });

  it('carries hypervisors, requirements, groups, sets and assignment constraints', () => {
    const groups = (...g: SiteVm['placement']['groups']) => g;
    const i = siteInstance(
      [
        host('k1', { labels: { zone: 'a' } }),
        host('k2', { labels: { zone: 'b' } }),
        host('x1', { hypervisor: 'xen' }),
      ],
      [
        vm('a', 'k1', {
          requirements: { zone: 'a', gpu: 'no' },
          placement: {
            groups: groups({ name: 'web', type: 'anti-affinity', scope: '', hard: true, min: 0 }),
            allowedHosts: ['host-k1', 'k2', 'elsewhere'],
            forbiddenHosts: ['x1'],
            allowedLabels: { zone: ['a', 'b'] },
            setId: 'set-1',
          },
        }),
        vm('b', 'k2', {
          requirements: { gpu: 'no', zone: 'a' },
          placement: {
            groups: groups(
              { name: 'web', type: 'anti-affinity', scope: '', hard: true, min: 0 },
              { name: 'db', type: 'spread', scope: 'zone', hard: true, min: 3 },
            ),
            allowedHosts: [],
            forbiddenHosts: [],
            allowedLabels: {},
            setId: 'set-1',
          },
        }),
        vm('c', 'x1', {
          organization: 'other',
          placement: {
            groups: groups({ name: 'web', type: 'anti-affinity', scope: '', hard: true, min: 0 }),
            allowedHosts: [],
            forbiddenHosts: [],
            allowedLabels: {},
            setId: '',
          },
        }),
        vm('d', 'k1', {
          placement: {
            groups: groups({ name: 'db', type: 'spread', scope: 'zone', hard: true, min: 3 }),
            allowedHosts: [],
            forbiddenHosts: [],
            allowedLabels: {},
            setId: '',
          },
        }),
      ],
      policy,
    );
    expect(i.constraints).toEqual([
      {
        type: 'allowed',
        vms: ['a', 'b', 'd'],
        tags: { hypervisor: ['kvm'] },
        reason: 'live migration keeps the VM on kvm hosts',
      },
      {
        type: 'allowed',
        vms: ['c'],
        tags: { hypervisor: ['xen'] },
        reason: 'live migration keeps the VM on xen hosts',
      },
      {
        type: 'allowed',
        vms: ['a', 'b'],
        tags: { gpu: ['no'], zone: ['a'] },
        reason: 'requirements gpu=no, zone=a not matched',
      },
      // "web" of another organization is another group: c is not in it.
      { type: 'anti-affinity', vms: ['a', 'b'], scope: 'host', hard: true },
      { type: 'spread', vms: ['b', 'd'], tag: 'zone', min: 2 },
      { type: 'all-or-nothing', vms: ['a', 'b'] },
      { type: 'allowed', vms: ['a'], hosts: ['k1', 'k2'] },
      { type: 'forbidden', vms: ['a'], hosts: ['x1'] },
      { type: 'allowed', vms: ['a'], tags: { zone: ['a', 'b'] } },
    ]);
  });
});
