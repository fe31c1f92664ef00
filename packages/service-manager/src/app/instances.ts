import { errors, ReservoirError, Semaphore, sleep } from '@reservoir/runtime';
import type { Component } from '../manifest/model.js';
import { componentDiskMib } from '../domain/disk.js';
import { buildEnvironment } from '../domain/ovf-environment.js';
import { liveInstances, type Instance, type Service } from '../domain/service.js';
import type { SmContext } from './context.js';

// Creating, waiting for and removing the VMs of a service. Every step writes its intent before
// it calls the VEEM, so a restarted SM repeats it with the same request id and no duplicate.

export type Save = (s: Service) => Promise<void>;

const GONE_STATES = new Set(['done']);
const FAILED_STATES = new Set(['failed', 'unknown']);

/** Addresses by network name of the running or starting instances of a component, oldest first. */
function addressesOf(s: Service, component: string): Record<string, string>[] {
  return liveInstances(s, component)
    .sort((a, b) => a.index - b.index)
    .map((i) => i.addresses);
}

export class InstanceOps {
  constructor(
    private readonly ctx: SmContext,
    private readonly save: Save,
    /** True once the SM is stopping: waits end at once and the operation resumes at the next start. */
    private readonly stopping: () => boolean = () => false,
  ) {}

  private checkStopping(): void {
    if (this.stopping()) throw new ReservoirError('ABORTED', 'the service manager is stopping');
  }

  /** Records a new instance of a component; its VM is created by `realize`. */
  async reserve(s: Service, c: Component): Promise<Instance> {
    const index = s.nextIndex[c.id] ?? 0;
    s.nextIndex[c.id] = index + 1;
    const id = `${c.id}-${index}`;
    const inst: Instance = {
      id,
      component: c.id,
      index,
      requestId: `${s.id}/${id}`,
      vmId: '',
      state: 'creating',
      addresses: {},
      createdAtMs: this.ctx.now(),
      vmState: '',
      host: '',
      environment: '',
      properties: {},
    };
    s.instances.push(inst);
    await this.save(s);
    return inst;
  }

  /** Creates (or finds again) the VM of every instance still without one. */
  async realizeAll(s: Service, instances: Instance[]): Promise<void> {
    const sem = new Semaphore(this.ctx.settings.concurrency);
    await Promise.all(instances.filter((i) => i.vmId === '').map((i) => sem.run(() => this.realize(s, i))));
  }

  private async realize(s: Service, inst: Instance): Promise<void> {
    this.checkStopping();
    const c = s.manifest.components.find((x) => x.id === inst.component);
    if (!c) throw errors.notFound('component', inst.component);
    const dependencies = Object.fromEntries(c.dependsOn.map((d) => [d, addressesOf(s, d)]));
    const values = Object.fromEntries(
      Object.entries(s.propertyValues)
        .filter(([k]) => k.startsWith(`${c.id}.`))
        .map(([k, v]) => [k.slice(c.id.length + 1), v]),
    );
    const env = buildEnvironment({
      serviceId: s.id,
      site: s.site,
      component: c,
      instanceId: inst.id,
      instanceIndex: inst.index,
      kpiEndpoint: this.ctx.settings.kpiEndpoint,
      dependencies,
      values,
    });
    const imageFile = c.disks.find((d) => d.fileRef)?.fileRef;
    const vm = await this.ctx.veem.createVm({
      name: vmName(s.manifest.id, inst.id),
      requestId: inst.requestId,
      vcpus: c.cpus,
      memoryMib: c.memoryMiB,
      diskMib: componentDiskMib(c, s.imageSizesMib),
      imageId: imageFile ? (s.imageIds[imageFile] ?? '') : '',
      networkIds: c.networks.map((n) => s.networkIds[n] ?? n),
      labels: { 'reservoir.service': s.id.toLowerCase(), 'reservoir.component': c.id.toLowerCase() },
      context: { 'ovf-env.xml': env.document },
      organization: s.organization,
      owner: s.owner,
      ...placementOf(s, c),
    });
    const byNetworkId = Object.fromEntries(Object.entries(s.networkIds).map(([name, id]) => [id, name]));
    inst.vmId = vm.id;
    inst.vmState = vm.state;
    inst.addresses = Object.fromEntries(
      Object.entries(vm.addresses).map(([netId, ip]) => [byNetworkId[netId] ?? netId, ip]),
    );
    inst.environment = env.document;
    inst.properties = env.properties;
    await this.save(s);
  }

  /** Waits until every instance runs; a VM that fails or vanishes fails the wait. */
  async waitRunning(s: Service, instances: Instance[], onProgress?: (done: number) => void): Promise<void> {
    const deadline = this.ctx.now() + this.ctx.settings.instanceTimeoutMs;
    for (;;) {
      const pending = instances.filter((i) => i.state === 'creating');
      if (pending.length === 0) break;
      let changed = false;
      await Promise.all(
        pending.map(async (i) => {
          const vm = await this.ctx.veem.getVm(i.vmId);
          if (vm === undefined || GONE_STATES.has(vm.state)) {
            i.state = 'failed';
            i.vmState = 'done';
            changed = true;
            return;
          }
          if (vm.state !== i.vmState || vm.host !== i.host) changed = true;
          i.vmState = vm.state;
          i.host = vm.host;
          if (vm.state === 'running') i.state = 'running';
          else if (FAILED_STATES.has(vm.state)) {
            i.state = 'failed';
            changed = true;
          }
        }),
      );
      if (changed || pending.some((i) => i.state !== 'creating')) await this.save(s);
      onProgress?.(instances.filter((i) => i.state === 'running').length);
      const failed = instances.filter((i) => i.state === 'failed');
      if (failed.length > 0) {
        throw new ReservoirError(
          'ABORTED',
          `instance${failed.length > 1 ? 's' : ''} ${failed.map((i) => `${i.id} (VM ${i.vmId} ${i.vmState})`).join(', ')} failed`,
        );
      }
      if (this.ctx.now() > deadline) {
        const slow = instances.filter((i) => i.state === 'creating');
        throw new ReservoirError(
          'DEADLINE_EXCEEDED',
          `instances ${slow.map((i) => `${i.id} (${i.vmState || 'no VM'})`).join(', ')} not running after ${this.ctx.settings.instanceTimeoutMs} ms`,
        );
      }
      this.checkStopping();
      await sleep(this.ctx.settings.pollMs);
    }
  }

  /** Deletes the VMs of these instances and waits until they are gone. */
  async remove(s: Service, instances: Instance[]): Promise<void> {
    for (const i of instances) i.state = 'deleting';
    await this.save(s);
    const sem = new Semaphore(this.ctx.settings.concurrency);
    await Promise.all(
      instances.map((i) =>
        sem.run(async () => {
          if (i.vmId) await this.ctx.veem.deleteVm(i.vmId);
        }),
      ),
    );
    const deadline = this.ctx.now() + this.ctx.settings.instanceTimeoutMs;
    for (;;) {
      const left = instances.filter((i) => i.state === 'deleting');
      await Promise.all(
        left.map(async (i) => {
          const vm = i.vmId ? await this.ctx.veem.getVm(i.vmId) : undefined;
          if (vm === undefined) {
            i.state = 'deleted';
            i.vmState = 'done';
          } else i.vmState = vm.state;
        }),
      );
      if (instances.every((i) => i.state === 'deleted')) break;
      this.checkStopping();
      if (this.ctx.now() > deadline) {
        throw new ReservoirError(
          'DEADLINE_EXCEEDED',
          `VMs of ${left.map((i) => i.id).join(', ')} not deleted after ${this.ctx.settings.instanceTimeoutMs} ms`,
        );
      }
      await sleep(this.ctx.settings.pollMs);
    }
    // Deleted instances leave the record; the event log keeps their history.
    const gone = new Set(instances.map((i) => i.id));
    s.instances = s.instances.filter((i) => !gone.has(i.id));
    await this.save(s);
  }
}

/** Host-scope affinity rules of the manifest as VEEM placement groups of this component. */
function placementOf(
  s: Service,
  c: Component,
): {
  placement?: {
    groups: { name: string; type: 'affinity' | 'anti-affinity'; scope: string; soft: boolean }[];
  };
} {
  const groups = s.manifest.affinity
    .map((a, n) => ({ a, n }))
    .filter(({ a }) => a.scope === 'host' && a.components.includes(c.id))
    .map(({ a, n }) => ({
      name: `${s.id}.aff${n}`.toLowerCase(),
      type: a.type,
      scope: 'host',
      soft: !a.hard,
    }));
  return groups.length > 0 ? { placement: { groups } } : {};
}

/** A VEEM-valid VM name: the service's manifest id and the instance id. */
function vmName(serviceName: string, instanceId: string): string {
  const name = `${serviceName}-${instanceId}`.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (name || instanceId).slice(0, 128);
}
