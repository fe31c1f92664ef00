import {
  errors,
  isReservoirError,
  newId,
  ReservoirError,
  sleep,
  toReservoirError,
  type Task,
} from '@reservoir/runtime';
import {
  loadManifest,
  manifestToOvf,
  readManifest,
  refuseOnErrors,
  validateManifest,
  type CostEstimate,
  type ServiceManifest,
} from '../manifest/index.js';
import { checkMove, isEnded, isFailed, type ServiceState } from '../domain/service-state.js';
import {
  componentOf,
  instanceCounts,
  liveInstances,
  type Instance,
  type Service,
  type ServiceEvent,
  type ServiceOperation,
} from '../domain/service.js';
import { admissionProblems } from './admission.js';
import type { SmContext } from './context.js';
import { costPerHour } from './cost.js';
import { InstanceOps } from './instances.js';
import { admitPackage, admittedReason, checkStoredDescriptor } from './package-admission.js';
import { parseRulesUpdate, applyRulesUpdate } from './rules-update.js';
import { subnetFor } from './settings.js';

export interface DeployRequest {
  manifest: string;
  fileName?: string;
  requestId?: string;
  organization?: string;
  owner?: string;
  properties?: Record<string, string>;
  /** The .mf and .cert of the package the descriptor comes from (SEC-4), and its name there. */
  packageManifest?: Uint8Array;
  packageCertificate?: Uint8Array;
  descriptorName?: string;
}

export interface ServiceWithTask {
  service: Service;
  task?: Task;
}

/** Told about services reaching or leaving running, and scaling ending, by the SM. */
export interface ServiceObserver {
  running(s: Service): void;
  stopped(serviceId: string): void;
  scaled(s: Service, component: string): void;
}

type Phase = 'deploying' | 'scaling' | 'undeploying' | 'reconfiguring' | 'suspending' | 'resuming';

/** Where a failed operation leaves the service (a failed reconfigure returns to running). */
const FAILED_OF: Record<ServiceOperation['kind'], ServiceState> = {
  deploy: 'deploy-failed',
  scale: 'scale-failed',
  reconfigure: 'running',
  undeploy: 'undeploy-failed',
  // A suspension or resumption that cannot finish goes back where it started, and says why.
  suspend: 'running',
  resume: 'suspended',
};

const PHASE_OF: Record<ServiceOperation['kind'], Phase> = {
  deploy: 'deploying',
  scale: 'scaling',
  reconfigure: 'reconfiguring',
  undeploy: 'undeploying',
  suspend: 'suspending',
  resume: 'resuming',
};

/**
 * The Service Manager's use cases. Each service runs one operation at a time; later ones wait
 * in its persisted queue, and a restarted SM resumes the current one where it stopped.
 */
export class ServiceManager {
  private readonly services = new Map<string, Service>();
  private readonly drivers = new Map<string, Promise<void>>();
  private readonly ops: InstanceOps;
  private observer: ServiceObserver | undefined;
  private stopping = false;
  private nextSubnet = 0;

  constructor(readonly ctx: SmContext) {
    this.ops = new InstanceOps(
      ctx,
      (s) => this.save(s),
      () => this.stopping,
    );
  }

  observe(o: ServiceObserver): void {
    this.observer = o;
  }

  /** Loads the services in flight and resumes their operations. */
  async start(): Promise<void> {
    await this.ctx.tasks.recover();
    this.nextSubnet = (await this.ctx.store.maxSubnetIndex()) + 1;
    for (const s of await this.ctx.store.loadActive()) {
      this.services.set(s.id, s);
      if (s.state === 'running') this.observer?.running(s);
      if (!isFailed(s.state) && (s.op || s.queue.length > 0)) this.kick(s.id);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.drivers.values()]);
  }

  // --- Reading --------------------------------------------------------------------------

  /** The services not ended, as this SM holds them. */
  activeServices(): Service[] {
    return [...this.services.values()];
  }

  async get(id: string): Promise<Service> {
    const s = this.services.get(id) ?? (await this.ctx.store.getService(id));
    if (!s) throw errors.notFound('service', id);
    return s;
  }

  async list(filter: { organization?: string; includeEnded?: boolean }): Promise<Service[]> {
    return this.ctx.store.listServices({ ...filter, includeEnded: filter.includeEnded ?? false });
  }

  async events(id: string, afterSeq = 0, limit = 500): Promise<ServiceEvent[]> {
    await this.get(id);
    return this.ctx.store.listEvents(id, afterSeq, Math.min(Math.max(limit, 1), 5000));
  }

  costPerHour(s: Service): number {
    return costPerHour(s.manifest, instanceCounts(s), this.ctx.settings.prices);
  }

  async environment(serviceId: string, instanceId: string): Promise<Instance> {
    const s = await this.get(serviceId);
    const i = s.instances.find((x) => x.id === instanceId || x.vmId === instanceId);
    if (!i) throw errors.notFound('instance', `${serviceId}/${instanceId}`);
    return i;
  }

  /** The service as OVF: its manifest with rules and bounds as they are now, initial = current size. */
  async export(id: string): Promise<string> {
    const s = await this.get(id);
    const counts = instanceCounts(s);
    const m: ServiceManifest = {
      ...s.manifest,
      components: s.manifest.components.map((c) => {
        const n = isEnded(s.state)
          ? c.instances.initial
          : Math.min(c.instances.max, Math.max(c.instances.min, counts[c.id] ?? 0));
        return { ...c, instances: { ...c.instances, initial: n } };
      }),
    };
    return manifestToOvf(m);
  }

  // --- Verbs ----------------------------------------------------------------------------

  async deploy(req: DeployRequest): Promise<ServiceWithTask> {
    if (req.requestId) {
      const prior = await this.ctx.store.getServiceByRequest(req.requestId);
      if (prior) return { service: prior, ...(await this.firstTask(prior)) };
    }
    const organization = req.organization || 'default';
    const pkg = await admitPackage(
      this.ctx,
      {
        descriptor: req.manifest,
        descriptorName: req.descriptorName ?? '',
        fileName: req.fileName ?? '',
        manifest: req.packageManifest ?? new Uint8Array(),
        certificate: req.packageCertificate ?? new Uint8Array(),
      },
      organization,
    );
    const manifest = loadManifest(req.manifest, req.fileName || 'manifest', {
      prices: this.ctx.settings.prices,
      ...(await this.quote(req.manifest, req.fileName || 'manifest', organization)),
    });
    checkPropertyValues(manifest, req.properties ?? {});
    const now = this.ctx.now();
    const id = newId('svc', now);
    const owner = req.owner || 'admin';
    const task = await this.newTask('service.deploy', id, organization, owner);
    const s: Service = {
      id,
      name: manifest.name || manifest.id,
      state: 'submitted',
      site: this.ctx.settings.site,
      organization,
      owner,
      reason: '',
      requestId: req.requestId ?? '',
      manifest,
      propertyValues: { ...req.properties },
      instances: [],
      nextIndex: {},
      networkIds: {},
      ownedNetworks: [],
      imageIds: {},
      imageSizesMib: {},
      subnetIndex: this.nextSubnet++,
      cooldownUntilMs: {},
      elasticity: null,
      op: { kind: 'deploy', taskId: task.id },
      queue: [],
      createdAtMs: now,
      stateSinceMs: now,
      version: 1,
      ...(pkg.record ? { package: { ...pkg.record, descriptor: req.manifest } } : {}),
    };
    try {
      await this.ctx.store.createService(s);
    } catch (e) {
      await this.ctx.tasks.fail(task.id, e);
      if (isReservoirError(e) && e.code === 'ALREADY_EXISTS' && req.requestId) {
        const prior = await this.ctx.store.getServiceByRequest(req.requestId);
        if (prior) return { service: prior, ...(await this.firstTask(prior)) };
      }
      throw e;
    }
    this.services.set(s.id, s);
    if (pkg.record)
      await this.event(s, {
        kind: 'package.admitted',
        reason: admittedReason(pkg.record),
        taskId: task.id,
        package: pkg.record,
      });
    else if (pkg.unverified.length > 0)
      await this.event(s, {
        kind: 'package.unverified',
        reason: `package not verified, and organization "${organization}" does not require it: ${pkg.unverified.join('; ')}`,
        taskId: task.id,
      });
    await this.event(s, {
      kind: 'state',
      reason: `submitted: ${manifest.components.length} components`,
      taskId: task.id,
    });
    this.kick(s.id);
    return { service: s, task };
  }

  /** Manual scaling to `instances` (within min and max). */
  async scale(id: string, component: string, instances: number): Promise<ServiceWithTask> {
    const current = this.services.get(id);
    if (current && ['suspending', 'suspended', 'resuming'].includes(current.state))
      throw errors.precondition(`service ${id} is ${current.state}; resume it before scaling`);
    const s = await this.active(id);
    const c = componentOf(s, component);
    if (!c)
      throw errors.invalid(
        'component',
        `service ${id} has no component "${component}" (${s.manifest.components.map((x) => x.id).join(', ')})`,
      );
    if (!Number.isInteger(instances) || instances < c.instances.min || instances > c.instances.max)
      throw errors.invalid(
        'instances',
        `${instances} is outside ${c.id}'s bounds [${c.instances.min}, ${c.instances.max}]`,
      );
    await this.checkPackage(s);
    return this.enqueue(s, 'service.scale', (taskId) => ({
      kind: 'scale',
      taskId,
      component,
      target: instances,
      victims: [],
      ruleId: '',
      reason: `manual scale to ${instances}`,
    }));
  }

  /** A scaling decided by the elasticity engine; runs now unless the service is busy. */
  async scaleByRule(
    id: string,
    decision: { component: string; target: number; victims: string[]; ruleId: string; reason: string },
  ): Promise<Task | undefined> {
    const s = this.services.get(id);
    if (!s || s.state !== 'running' || s.op || s.queue.length > 0) return undefined;
    await this.checkPackage(s);
    const r = await this.enqueue(s, 'service.scale', (taskId) => ({ kind: 'scale', taskId, ...decision }));
    return r.task;
  }

  /**
   * The accounting service's estimate of a manifest, when one is configured. A manifest that does
   * not parse is left to the validation's own report; an accounting service that does not answer
   * leaves the budget to the site's configured prices, with a warning.
   */
  async quote(text: string, file: string, organization: string): Promise<{ estimate?: CostEstimate }> {
    if (!this.ctx.quoter) return {};
    let manifest: ServiceManifest;
    try {
      manifest = readManifest(text, file).manifest;
    } catch {
      return {};
    }
    try {
      return { estimate: await this.ctx.quoter.estimate(manifest, organization) };
    } catch (err) {
      this.ctx.logger.warn(
        { err, file },
        'no estimate from accounting; the budget is checked with the site prices',
      );
      return {};
    }
  }

  async updateRules(id: string, document: string, fileName = 'rules'): Promise<ServiceWithTask> {
    const s = await this.active(id);
    const update = parseRulesUpdate(document, fileName);
    // Checked against the manifest now, so a bad document is refused before it queues.
    const next = applyRulesUpdate(s.manifest, update);
    refuseOnErrors(validateManifest(next, fileName, { prices: this.ctx.settings.prices }), fileName);
    return this.enqueue(s, 'service.update-rules', (taskId) => ({
      kind: 'reconfigure',
      taskId,
      rulesJson: JSON.stringify(update),
    }));
  }

  async undeploy(id: string): Promise<ServiceWithTask> {
    const s = await this.active(id);
    if (s.op?.kind === 'undeploy' || s.queue.some((o) => o.kind === 'undeploy'))
      throw errors.precondition(`service ${id} is already being undeployed`);
    if (isFailed(s.state))
      throw errors.precondition(`service ${id} is ${s.state}; use recover (retry or delete)`);
    return this.enqueue(s, 'service.undeploy', (taskId) => ({ kind: 'undeploy', taskId }));
  }

  /** Saves every VM of the service (ACC-6: its prepaid credit ran out); nothing scales meanwhile. */
  async suspend(id: string, reason: string): Promise<ServiceWithTask> {
    const s = await this.active(id);
    if (s.state === 'suspended' || s.op?.kind === 'suspend' || s.queue.some((o) => o.kind === 'suspend'))
      throw errors.precondition(
        `service ${id} is already ${s.state === 'suspended' ? 'suspended' : 'being suspended'}`,
      );
    return this.enqueue(s, 'service.suspend', (taskId) => ({
      kind: 'suspend',
      taskId,
      reason: reason || 'suspended',
    }));
  }

  /** Resumes every VM of a suspended service. */
  async resume(id: string): Promise<ServiceWithTask> {
    const s = await this.active(id);
    if (s.state !== 'suspended' && !s.queue.some((o) => o.kind === 'suspend') && s.op?.kind !== 'suspend')
      throw errors.precondition(`service ${id} is ${s.state}; only a suspended service resumes`);
    return this.enqueue(s, 'service.resume', (taskId) => ({ kind: 'resume', taskId }));
  }

  async recover(id: string, mode: 'retry' | 'delete'): Promise<ServiceWithTask> {
    const s = await this.active(id);
    if (!isFailed(s.state))
      throw errors.precondition(`service ${id} is ${s.state}; recover applies to failed services`);
    if (mode === 'retry') await this.checkPackage(s);
    const task = await this.newTask(`service.recover-${mode}`, s.id, s.organization, s.owner);
    if (mode === 'retry' && s.op) {
      // The failed operation runs again under the new task, from the state its steps left.
      const phase = PHASE_OF[s.op.kind];
      await this.move(s, phase, `recover: retrying ${s.op.kind}`);
      s.op = { ...s.op, taskId: task.id };
    } else {
      checkMove(s.id, s.state, 'undeploying');
      s.op = { kind: 'undeploy', taskId: task.id };
      await this.move(s, 'undeploying', 'recover: deleting what the service holds');
    }
    await this.save(s);
    this.kick(s.id);
    return { service: s, task };
  }

  // --- Operations -----------------------------------------------------------------------

  private async enqueue(
    s: Service,
    operation: string,
    make: (taskId: string) => ServiceOperation,
  ): Promise<ServiceWithTask> {
    if (isFailed(s.state))
      throw errors.precondition(
        `service ${s.id} is ${s.state} (${s.reason}); recover it first (retry or delete)`,
      );
    const task = await this.newTask(operation, s.id, s.organization, s.owner);
    s.queue.push(make(task.id));
    await this.save(s);
    this.kick(s.id);
    return { service: s, task };
  }

  /** Runs the service's operations one after another unless a driver already does. */
  private kick(id: string): void {
    if (this.drivers.has(id) || this.stopping) return;
    const run = this.drive(id)
      .catch((err: unknown) => this.ctx.logger.error({ err, service: id }, 'service driver failed'))
      .finally(() => {
        this.drivers.delete(id);
        const s = this.services.get(id);
        // A verb may have queued while the driver was finishing.
        if (s && !isFailed(s.state) && !isEnded(s.state) && (s.op || s.queue.length > 0)) this.kick(id);
      });
    this.drivers.set(id, run);
  }

  private async drive(id: string): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const s = this.services.get(id);
      if (!s || isFailed(s.state)) return;
      if (!s.op) {
        const next = s.queue.shift();
        if (!next) return;
        s.op = next;
        await this.save(s);
      }
      const op = s.op;
      try {
        await this.ctx.tasks.progress(op.taskId, 1, `${op.kind} started`);
        await this.execute(s, op);
        s.op = undefined;
        await this.save(s);
        await this.ctx.tasks.succeed(op.taskId, `${op.kind} done; service ${s.state}`);
      } catch (e) {
        if (this.stopping) return; // resumed at the next start
        await this.failOperation(s, op, e);
        return;
      }
      if (isEnded(s.state)) {
        this.services.delete(s.id);
        return;
      }
    }
  }

  private async execute(s: Service, op: ServiceOperation): Promise<void> {
    // Operations that create instances from the descriptor check it again, also when resumed.
    if (op.kind === 'deploy' || op.kind === 'scale') await this.checkPackage(s);
    switch (op.kind) {
      case 'deploy':
        return this.runDeploy(s, op.taskId);
      case 'scale':
        return this.runScale(s, op);
      case 'reconfigure':
        return this.runReconfigure(s, op.rulesJson);
      case 'undeploy':
        return this.runUndeploy(s, op.taskId);
      case 'suspend':
        return this.runPower(s, 'suspend', op.reason);
      case 'resume':
        return this.runPower(s, 'resume', 'resumed');
    }
  }

  /** Suspends or resumes every VM of the service and waits until they all are. */
  private async runPower(s: Service, action: 'suspend' | 'resume', reason: string): Promise<void> {
    const want = action === 'suspend' ? 'suspended' : 'running';
    if (s.state !== (action === 'suspend' ? 'suspending' : 'resuming'))
      await this.move(s, action === 'suspend' ? 'suspending' : 'resuming', reason);
    const vms = s.instances.filter((i) => i.vmId && i.state !== 'deleted').map((i) => i.vmId);
    for (const vm of vms) await this.ctx.veem.actOnVm(vm, action);
    const deadline = this.ctx.now() + this.ctx.settings.instanceTimeoutMs;
    for (;;) {
      const states = await Promise.all(
        vms.map(async (id) => (await this.ctx.veem.getVm(id))?.state ?? 'gone'),
      );
      if (states.every((st) => st === want || st === 'gone')) break;
      if (this.ctx.now() > deadline)
        throw new ReservoirError(
          'DEADLINE_EXCEEDED',
          `VMs not ${want} after ${this.ctx.settings.instanceTimeoutMs} ms`,
        );
      await sleep(this.ctx.settings.pollMs);
    }
    await this.move(s, want === 'suspended' ? 'suspended' : 'running', reason);
  }

  private async failOperation(s: Service, op: ServiceOperation, e: unknown): Promise<void> {
    const err = toReservoirError(e);
    this.ctx.logger.warn({ err, service: s.id, op: op.kind }, 'service operation failed');
    await this.ctx.tasks.fail(op.taskId, err);
    await this.event(s, { kind: 'error', reason: `${op.kind} failed: ${err.message}`, taskId: op.taskId });
    if (isEnded(s.state)) {
      // Admission refused it and said why; nothing more to record.
      s.op = undefined;
    } else if (s.state === 'submitted' || s.state === 'admitted') {
      // Failing before any VM exists is a rejection, not a failed deployment.
      s.op = undefined;
      await this.move(s, s.state === 'submitted' ? 'rejected' : 'deploy-failed', err.message);
    } else if (s.state === 'suspending' || s.state === 'resuming') {
      s.op = undefined;
      await this.move(s, FAILED_OF[op.kind], `${op.kind} failed: ${err.message}`);
    } else if (s.state === 'reconfiguring') {
      s.op = undefined;
      await this.move(s, 'running', `rules update failed: ${err.message}`);
      this.kick(s.id);
    } else {
      await this.move(s, FAILED_OF[op.kind], err.message);
    }
    // Queued work waits for recover; elasticity decisions are made again once running.
    for (const q of s.queue.splice(0)) {
      await this.ctx.tasks.fail(
        q.taskId,
        errors.precondition(`service ${s.id} is ${s.state}: ${err.message}`),
      );
    }
    await this.save(s);
    if (isEnded(s.state)) {
      this.services.delete(s.id);
      this.observer?.stopped(s.id);
    }
  }

  private async runDeploy(s: Service, taskId: string): Promise<void> {
    if (s.state === 'submitted') {
      const { reasons, imageIds, imageSizes } = await admissionProblems(this.ctx, s.manifest, s.organization);
      if (reasons.length > 0) {
        s.op = undefined;
        await this.move(s, 'rejected', reasons.join('; '));
        throw errors.precondition(`service ${s.id} rejected: ${reasons.join('; ')}`);
      }
      s.imageIds = imageIds;
      s.imageSizesMib = imageSizes;
      await this.move(s, 'admitted', 'admitted');
    }
    if (s.state === 'admitted') await this.move(s, 'deploying', 'deploying in startup order');
    await this.ensureNetworks(s);
    const total = s.manifest.components.reduce((n, c) => n + c.instances.initial, 0);
    const orders = [...new Set(s.manifest.components.map((c) => c.startupOrder))].sort((a, b) => a - b);
    for (const order of orders) {
      const group = s.manifest.components.filter((c) => c.startupOrder === order);
      const batch: Instance[] = [];
      for (const c of group) {
        const live = liveInstances(s, c.id);
        batch.push(...live);
        for (let n = live.length; n < c.instances.initial; n++) batch.push(await this.ops.reserve(s, c));
      }
      await this.ops.realizeAll(s, batch);
      await this.ops.waitRunning(s, batch, () => {
        const running = s.instances.filter((i) => i.state === 'running').length;
        void this.ctx.tasks.progress(
          taskId,
          (100 * running) / Math.max(total, 1),
          `${running}/${total} instances running (startup order ${order})`,
        );
      });
    }
    await this.move(s, 'running', `running: ${total} instances`);
    await this.event(s, { kind: 'deployed', reason: `${total} instances running`, taskId });
    this.observer?.running(s);
  }

  private async ensureNetworks(s: Service): Promise<void> {
    for (const n of s.manifest.networks) {
      if (s.networkIds[n.name]) continue;
      if (n.public) {
        // A public network is the site's own, found by name; a service does not create one.
        const id = await this.ctx.veem.findNetwork(n.name, s.organization);
        if (!id) throw errors.precondition(`public network "${n.name}" does not exist at site ${s.site}`);
        s.networkIds[n.name] = id;
      } else {
        const name = `${s.id}.${n.name}`.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 63);
        const r = await this.ctx.veem.ensureNetwork({
          name,
          cidr: subnetFor(this.ctx.settings.subnetBase, s.subnetIndex),
          organization: s.organization,
          scope: 'vapp',
        });
        s.networkIds[n.name] = r.id;
        if (!s.ownedNetworks.includes(r.id)) s.ownedNetworks.push(r.id);
      }
      await this.save(s);
    }
  }

  private async runScale(s: Service, op: Extract<ServiceOperation, { kind: 'scale' }>): Promise<void> {
    if (s.state === 'running') await this.move(s, 'scaling', op.reason);
    const c = componentOf(s, op.component);
    if (!c) throw errors.notFound('component', op.component);
    const target = Math.min(c.instances.max, Math.max(c.instances.min, op.target));
    const live = liveInstances(s, c.id);
    const from = live.length;
    if (target > from || live.some((i) => i.state === 'creating')) {
      const batch = [...live.filter((i) => i.state === 'creating')];
      for (let n = from; n < target; n++) batch.push(await this.ops.reserve(s, c));
      await this.ops.realizeAll(s, batch);
      await this.ops.waitRunning(s, batch, (done) => {
        void this.ctx.tasks.progress(
          op.taskId,
          (100 * done) / Math.max(batch.length, 1),
          `${done}/${batch.length} new instances running`,
        );
      });
    }
    const deleting = s.instances.filter((i) => i.component === c.id && i.state === 'deleting');
    const now = liveInstances(s, c.id);
    if (now.length > target || deleting.length > 0) {
      const chosen = op.victims.length > 0 ? now.filter((i) => op.victims.includes(i.id)) : [];
      const extra = [...now]
        .filter((i) => !chosen.includes(i))
        .sort((a, b) => (c.scaleInPolicy === 'oldest' ? a.index - b.index : b.index - a.index));
      while (chosen.length < now.length - target) chosen.push(extra.shift()!);
      await this.ops.remove(s, [...deleting, ...chosen.slice(0, Math.max(0, now.length - target))]);
    }
    const to = liveInstances(s, c.id).length;
    await this.move(s, 'running', `${c.id}: ${from} → ${to} instances`);
    await this.event(s, {
      kind: to >= from ? 'scale-out' : 'scale-in',
      component: c.id,
      ruleId: op.ruleId,
      from,
      to,
      reason: op.reason,
      taskId: op.taskId,
    });
    this.observer?.scaled(s, c.id);
  }

  private async runReconfigure(s: Service, rulesJson: string): Promise<void> {
    if (s.state === 'running') await this.move(s, 'reconfiguring', 'applying new rules and bounds');
    const update = JSON.parse(rulesJson) as ReturnType<typeof parseRulesUpdate>;
    s.manifest = applyRulesUpdate(s.manifest, update);
    await this.move(s, 'running', 'rules and bounds updated');
    await this.event(s, { kind: 'rules-updated', reason: `${s.manifest.rules.length} rules` });
    this.observer?.running(s);
    // Counts outside new bounds are brought inside them.
    for (const c of s.manifest.components) {
      const n = liveInstances(s, c.id).length;
      const clamped = Math.min(c.instances.max, Math.max(c.instances.min, n));
      if (clamped !== n) {
        const task = await this.newTask('service.scale', s.id, s.organization, s.owner);
        s.queue.push({
          kind: 'scale',
          taskId: task.id,
          component: c.id,
          target: clamped,
          victims: [],
          ruleId: '',
          reason: `new bounds [${c.instances.min}, ${c.instances.max}]`,
        });
      }
    }
  }

  private async runUndeploy(s: Service, taskId: string): Promise<void> {
    if (s.state !== 'undeploying') await this.move(s, 'undeploying', 'undeploying');
    this.observer?.stopped(s.id);
    const all = s.instances.filter((i) => i.state !== 'deleted');
    // Instances whose create may have reached the VEEM are looked up by request id again.
    for (const i of all.filter((x) => x.vmId === '')) {
      try {
        await this.ops.realizeAll(s, [i]);
      } catch {
        // The create cannot be repeated (the manifest's image or network is gone): nothing to delete.
      }
    }
    const count = all.length;
    await this.ctx.tasks.progress(taskId, 10, `deleting ${count} instances`);
    await this.ops.remove(s, all);
    for (const id of s.ownedNetworks) await this.ctx.veem.deleteNetwork(id);
    s.ownedNetworks = [];
    await this.move(s, 'finished', `undeployed ${count} instances`);
  }

  // --- Helpers --------------------------------------------------------------------------

  /** Refuses when the service's stored descriptor is no longer the one admitted at deploy (SEC-4). */
  private async checkPackage(s: Service): Promise<void> {
    // package.admitted is logged right after the service is stored, so it is among the first events.
    const first = await this.ctx.store.listEvents(s.id, 0, 3);
    checkStoredDescriptor(
      s,
      first.find((e) => e.kind === 'package.admitted'),
    );
  }

  private async active(id: string): Promise<Service> {
    const s = this.services.get(id);
    if (s) return s;
    const stored = await this.ctx.store.getService(id);
    if (!stored) throw errors.notFound('service', id);
    throw errors.precondition(`service ${id} is ${stored.state}`);
  }

  private async move(s: Service, to: ServiceState, reason: string): Promise<void> {
    if (s.state === to) return;
    checkMove(s.id, s.state, to);
    const from = s.state;
    s.state = to;
    s.reason = reason;
    s.stateSinceMs = this.ctx.now();
    await this.save(s);
    await this.event(s, { kind: 'state', reason: `${from} → ${to}: ${reason}` });
  }

  /** Persists the elasticity engine's state the driver put on the service. */
  async saveElasticity(s: Service): Promise<void> {
    const live = this.services.get(s.id);
    if (!live) return;
    live.elasticity = s.elasticity;
    await this.save(live);
  }

  private async save(s: Service): Promise<void> {
    s.version++;
    await this.ctx.store.saveService(s);
  }

  async event(
    s: Service,
    e: Partial<ServiceEvent> & Pick<ServiceEvent, 'kind' | 'reason'>,
  ): Promise<ServiceEvent> {
    const stored = await this.ctx.store.appendEvent({
      serviceId: s.id,
      timeMs: this.ctx.now(),
      component: '',
      ruleId: '',
      from: 0,
      to: 0,
      taskId: '',
      ...e,
    });
    this.ctx.events?.published(stored, s);
    return stored;
  }

  private async newTask(
    operation: string,
    serviceId: string,
    organization: string,
    owner: string,
  ): Promise<Task> {
    return this.ctx.tasks.create({
      id: newId('task', this.ctx.now()),
      operation,
      targetKind: 'service',
      targetId: serviceId,
      organization,
      owner,
      site: this.ctx.settings.site,
    });
  }

  private async firstTask(s: Service): Promise<{ task?: Task }> {
    const tasks = await this.ctx.tasks.list({ targetId: s.id, limit: 1 });
    return tasks[0] ? { task: tasks[0] } : {};
  }
}

function checkPropertyValues(m: ServiceManifest, values: Record<string, string>): void {
  for (const key of Object.keys(values)) {
    const dot = key.indexOf('.');
    const c = m.components.find((x) => x.id === key.slice(0, dot));
    const p = c?.properties.find((x) => x.key === key.slice(dot + 1));
    if (!c || !p) throw errors.invalid(`properties.${key}`, 'no such property (use <component>.<key>)');
    if (!p.userConfigurable)
      throw errors.invalid(`properties.${key}`, 'the property is not user-configurable');
  }
}
