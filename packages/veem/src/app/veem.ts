import { ReservoirError, TaskRegistry, type Logger } from '@reservoir/runtime';
import { BuiltinPlacer } from './builtin-placer.js';
import { Catalog } from './catalog.js';
import type { VeemContext, VeemSettings } from './context.js';
import { HostCommands } from './host-commands.js';
import { HostMonitor } from './host-monitor.js';
import { Inventory } from './inventory.js';
import { OperationRunner } from './operations.js';
import type { AgentGateway, EventSink, Placer, VeemStore } from './ports.js';
import { SchedulerLoop } from './scheduler-loop.js';
import { VmCommands } from './vm-commands.js';
import { VmSetAdmission } from './vm-set-admission.js';
import { VmWriter } from './vm-writer.js';

export interface VeemDeps {
  settings: VeemSettings;
  store: VeemStore;
  agents: AgentGateway;
  events: EventSink;
  logger: Logger;
  now?: () => number;
  /** Where placement decisions come from; the VEEM's own scheduler when absent. */
  placer?: Placer;
}

/**
 * One site's VEEM: loads its state, resumes whatever was in flight when it last stopped, and
 * runs the scheduler and host monitor. Transport-free; adapters expose it over gRPC.
 */
export class Veem {
  readonly vms: VmCommands;
  readonly sets: VmSetAdmission;
  readonly hosts: HostCommands;
  readonly catalog: Catalog;
  readonly tasks: TaskRegistry;
  readonly monitor: HostMonitor;
  readonly scheduler: SchedulerLoop;
  readonly runner: OperationRunner;
  readonly ctx: VeemContext;
  /** The one path by which VM records change (persisted, then published). */
  readonly writer: VmWriter;
  private started = false;
  private readonly taskOwners: (() => Promise<string[]>)[] = [];

  private constructor(ctx: VeemContext, placer: Placer | undefined) {
    this.ctx = ctx;
    this.tasks = ctx.tasks;
    const writer = new VmWriter(ctx);
    this.writer = writer;
    this.runner = new OperationRunner(ctx, writer);
    const builtin = new BuiltinPlacer(() => ctx.settings.scheduler);
    this.scheduler = new SchedulerLoop(ctx, writer, this.runner, placer ?? builtin, builtin);
    this.vms = new VmCommands(ctx, writer, this.runner, this.scheduler);
    this.sets = new VmSetAdmission(ctx, this.vms, this.scheduler);
    this.hosts = new HostCommands(ctx, this.vms);
    this.catalog = new Catalog(ctx);
    this.monitor = new HostMonitor(ctx, writer, this.hosts);
  }

  static async open(deps: VeemDeps): Promise<Veem> {
    await deps.store.migrate();
    const inv = new Inventory(await deps.store.load());
    const now = deps.now ?? Date.now;
    const tasks = new TaskRegistry(deps.store, now);
    tasks.onChange((t) => deps.events.taskChanged(t));
    return new Veem(
      {
        settings: deps.settings,
        inv,
        store: deps.store,
        agents: deps.agents,
        events: deps.events,
        tasks,
        logger: deps.logger,
        now,
      },
      deps.placer,
    );
  }

  /** Work other than VM operations that owns tasks (federation transfers), so start keeps them. */
  addTaskOwner(owner: () => Promise<string[]>): void {
    this.taskOwners.push(owner);
  }

  /** Resumes interrupted work and starts the loops. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const active = await this.tasks.recover();
    const owned = new Set<string>();
    let resumed = 0;
    for (const vm of this.ctx.inv.vms.values()) {
      if (vm.taskId) owned.add(vm.taskId);
      if (vm.op && vm.state !== 'pending' && vm.state !== 'hold') {
        resumed++;
        void this.runner.drive(vm.id);
      }
    }
    for (const owner of this.taskOwners) for (const id of await owner()) owned.add(id);
    // Tasks whose work was never recorded on a VM (the process stopped in between) cannot go on.
    for (const t of active) {
      if (!owned.has(t.id))
        await this.tasks.fail(
          t.id,
          new ReservoirError('ABORTED', 'interrupted by a restart before it took effect'),
        );
    }
    this.ctx.logger.info(
      { vms: this.ctx.inv.vms.size, hosts: this.ctx.inv.hosts.size, resumed },
      'VEEM started',
    );
    this.scheduler.start();
    this.monitor.start();
  }

  async stop(): Promise<void> {
    this.runner.stop();
    await this.scheduler.stop();
    await this.monitor.stop();
  }
}
