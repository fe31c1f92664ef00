import {
  errors,
  isErrorCode,
  isReservoirError,
  ReservoirError,
  Semaphore,
  sleep,
  toReservoirError,
  transferSummary,
} from '@reservoir/runtime';
import type { Host } from '../domain/host.js';
import type { Vm, VmOperation } from '../domain/vm.js';
import type { VmState } from '../domain/vm-state.js';
import type { VeemContext } from './context.js';
import { domainSpec } from './domain-spec.js';
import type { AgentPort, DomainInfo } from './ports.js';
import type { VmWriter } from './vm-writer.js';

/** How often a migration's figures are read from the source agent into its task. */
const TRANSFER_POLL_MS = 500;

/** A migration in progress, as cancelMigration needs to find it. */
interface MoveInFlight {
  /** The source agent is sending: a cancel goes to it. */
  sending: boolean;
  canceled: boolean;
}

const RETRYABLE = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED']);

/** Where an operation ends when it succeeds. */
export function finalState(op: VmOperation, vm: Vm): VmState {
  switch (op.kind) {
    case 'deploy':
    case 'start':
    case 'resume':
    case 'reboot':
      return 'running';
    case 'stop':
      return 'poweroff';
    case 'suspend':
      return 'suspended';
    case 'undeploy':
      return 'stopped';
    case 'delete':
      return 'done';
    case 'migrate':
      return op.resumeState;
    case 'resize':
    case 'snapshot':
    case 'revert':
      return vm.opFrom || vm.state;
  }
}

/** Maps what a host says about a domain to the VM state it means. */
export function stateFromDomain(d: DomainInfo | undefined): VmState {
  if (!d) return 'poweroff';
  switch (d.state) {
    case 'running':
    case 'paused':
    case 'migrating':
      return 'running';
    case 'suspended':
      return 'suspended';
    case 'crashed':
      return 'failed';
    default:
      return 'poweroff';
  }
}

/**
 * Drives each VM through its operation one persisted step at a time. Every step is idempotent
 * on the host, so after a crash the runner simply resumes from the state that was persisted.
 */
export class OperationRunner {
  private readonly driving = new Set<string>();
  private readonly moves = new Map<string, MoveInFlight>();
  private readonly again = new Set<string>();
  private readonly limiter: Semaphore;
  private stopped = false;

  constructor(
    private readonly ctx: VeemContext,
    private readonly writer: VmWriter,
  ) {
    this.limiter = new Semaphore(ctx.settings.scheduler.maxDispatch);
  }

  stop(): void {
    this.stopped = true;
  }

  get inFlight(): number {
    return this.driving.size;
  }

  /** Starts (or continues) driving a VM; returns when it has nothing more to do for now. */
  async drive(vmId: string): Promise<void> {
    if (this.driving.has(vmId)) {
      this.again.add(vmId);
      return;
    }
    this.driving.add(vmId);
    try {
      await this.limiter.run(async () => {
        do {
          this.again.delete(vmId);
          while (!this.stopped) {
            const vm = this.ctx.inv.vms.get(vmId);
            if (!vm?.op) break;
            if (!(await this.stepSafely(vm, vm.op))) break;
          }
        } while (this.again.has(vmId) && !this.stopped);
      });
    } finally {
      this.driving.delete(vmId);
    }
  }

  private async stepSafely(vm: Vm, op: VmOperation): Promise<boolean> {
    try {
      return await this.step(vm, op);
    } catch (e) {
      if (this.stopped) return false;
      const err = toReservoirError(e);
      if (err.code === 'ABORTED') return true; // the VM changed under us: look again
      this.ctx.logger.warn(
        { vm: vm.id, op: op.kind, state: vm.state, code: err.code, err: err.message },
        'operation step failed',
      );
      await this.failOperation(vm.id, err);
      return false;
    }
  }

  private hostOf(id: string): Host {
    const h = this.ctx.inv.hosts.get(id);
    if (!h) throw new ReservoirError('FAILED_PRECONDITION', `host ${id} is no longer registered`);
    return h;
  }

  /** A host call with the deadline and retries of UNAVAILABLE answers. */
  async call<T>(host: Host, what: string, fn: (a: AgentPort, hostId: string) => Promise<T>): Promise<T> {
    const agent = this.ctx.agents.agent(host.agentEndpoint);
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn(agent, host.agentHostId);
      } catch (e) {
        const err = toReservoirError(e);
        if (!RETRYABLE.has(err.code) || attempt >= this.ctx.settings.hostCallRetries || this.stopped) {
          throw new ReservoirError(err.code, `host ${host.name}: ${what}: ${err.message}`, { cause: e });
        }
        await sleep(100 * 2 ** attempt);
      }
    }
  }

  private async progress(vm: Vm, pct: number, message: string): Promise<void> {
    if (vm.taskId) await this.ctx.tasks.progress(vm.taskId, pct, message);
  }

  /** Ends the operation: clears it from the VM in the same write as its final state. */
  private async finish(vm: Vm, patch: Partial<Vm>, to: VmState, message: string): Promise<void> {
    const taskId = vm.taskId;
    await this.writer.update(vm, { ...patch, op: undefined, opFrom: '', taskId: '' }, { to, reason: '' });
    if (taskId) await this.ctx.tasks.succeed(taskId, message);
  }

  /** One step; true when the VM moved and the next step can run at once. */
  private async step(vm: Vm, op: VmOperation): Promise<boolean> {
    const site = this.ctx.settings.site;
    switch (vm.state) {
      case 'pending':
      case 'hold':
        return false; // the scheduler takes it from here
      case 'prolog': {
        const host = this.hostOf(vm.host);
        await this.progress(vm, 30, `transferring disks to ${host.name}`);
        await this.call(host, 'create domain', (a, h) => a.createDomain(h, domainSpec(vm, host, site)));
        await this.writer.update(vm, {}, { to: 'boot' });
        return true;
      }
      case 'boot': {
        const host = this.hostOf(vm.host);
        if (op.kind === 'resize') return this.resizeReboot(vm, op, host);
        await this.progress(vm, 60, `booting on ${host.name}`);
        await this.boot(vm, op, host);
        await this.finish(vm, {}, 'running', `running on ${host.name}`);
        return false;
      }
      case 'shutdown': {
        const host = this.hostOf(vm.host);
        if (op.kind === 'resize') return this.resizeReboot(vm, op, host);
        const hard = op.kind === 'delete' || (op.kind === 'stop' && op.hard);
        await this.progress(vm, 40, hard ? 'powering off' : 'shutting down');
        await this.call(host, 'shutdown', (a, h) => a.shutdownDomain(h, vm.id, hard));
        if (op.kind === 'delete') {
          await this.writer.update(vm, {}, { to: 'epilog' });
          return true;
        }
        await this.finish(vm, {}, 'poweroff', 'powered off');
        return false;
      }
      case 'saving': {
        const host = this.hostOf(vm.host);
        await this.progress(vm, 40, 'saving memory');
        await this.call(host, 'suspend', (a, h) => a.suspendDomain(h, vm.id));
        if (op.kind === 'undeploy') {
          await this.writer.update(vm, {}, { to: 'epilog' });
          return true;
        }
        await this.finish(vm, {}, 'suspended', 'suspended');
        return false;
      }
      case 'epilog': {
        if (vm.host) {
          const host = this.hostOf(vm.host);
          await this.progress(vm, 80, `cleaning up on ${host.name}`);
          await this.call(host, 'destroy', (a, h) => a.destroyDomain(h, vm.id));
        }
        if (op.kind === 'undeploy') await this.finish(vm, { host: '' }, 'stopped', 'saved and host released');
        else await this.finish(vm, {}, 'done', 'deleted');
        return false;
      }
      case 'migrating':
        if (op.kind !== 'migrate')
          throw new ReservoirError('INTERNAL', `VM ${vm.id} is migrating without a migrate operation`);
        return this.migrate(vm, op);
      default:
        return this.stepInPlace(vm, op);
    }
  }

  /**
   * Starts (or resumes) the domain. The common case is one call; a domain the host lost is
   * defined again, and one in an unexpected state is asked about before acting.
   */
  private async boot(vm: Vm, op: VmOperation, host: Host): Promise<void> {
    const site = this.ctx.settings.site;
    try {
      if (op.kind === 'resume') await this.call(host, 'resume', (a, h) => a.resumeDomain(h, vm.id));
      else await this.call(host, 'start', (a, h) => a.startDomain(h, vm.id));
    } catch (e) {
      const code = toReservoirError(e).code;
      if (code !== 'NOT_FOUND' && code !== 'FAILED_PRECONDITION') throw e;
      let d = await this.call(host, 'get domain', (a, h) => a.getDomain(h, vm.id));
      if (!d)
        d = await this.call(host, 'create domain', (a, h) => a.createDomain(h, domainSpec(vm, host, site)));
      if (d.state === 'suspended') await this.call(host, 'resume', (a, h) => a.resumeDomain(h, vm.id));
      else if (d.state !== 'running') await this.call(host, 'start', (a, h) => a.startDomain(h, vm.id));
    }
  }

  /** Operations that leave the state as it is: reboot, resize, snapshot, revert. */
  private async stepInPlace(vm: Vm, op: VmOperation): Promise<boolean> {
    const host = this.hostOf(vm.host);
    switch (op.kind) {
      case 'reboot':
        await this.call(host, 'reboot', (a, h) => a.rebootDomain(h, vm.id));
        await this.finish(vm, {}, vm.state, 'rebooted');
        return false;
      case 'resize': {
        if (op.reboot) return this.resizeReboot(vm, op, host);
        await this.call(host, 'resize', (a, h) => a.resizeDomain(h, vm.id, op.vcpus, op.memoryMib));
        const resources = { ...vm.resources, vcpus: op.vcpus, memoryMib: op.memoryMib };
        await this.finish(vm, { resources }, vm.state, `resized to ${op.vcpus} vCPU, ${op.memoryMib} MiB`);
        return false;
      }
      case 'snapshot': {
        await this.call(host, 'snapshot', (a, h) => a.snapshotDomain(h, vm.id, op.name));
        await this.finish(
          vm,
          { snapshots: [...vm.snapshots.filter((s) => s !== op.name), op.name] },
          vm.state,
          `snapshot ${op.name} taken`,
        );
        return false;
      }
      case 'revert':
        await this.call(host, 'revert', (a, h) => a.revertDomain(h, vm.id, op.name));
        await this.finish(vm, {}, vm.state, `reverted to ${op.name}`);
        return false;
      default:
        throw new ReservoirError(
          'INTERNAL',
          `VM ${vm.id}: operation ${op.kind} cannot continue from state ${vm.state}`,
        );
    }
  }

  /**
   * A resize the running VM's hypervisor cannot hot-plug: shutdown → resize powered off → boot,
   * each step persisted as the VM's state so a restarted VEEM goes on from where it stopped.
   */
  private async resizeReboot(
    vm: Vm,
    op: Extract<VmOperation, { kind: 'resize' }>,
    host: Host,
  ): Promise<boolean> {
    const size = `${op.vcpus} vCPU, ${op.memoryMib} MiB`;
    const say = async (pct: number, message: string) => {
      this.ctx.logger.info({ vm: vm.id, host: host.name, step: message }, 'resize with reboot');
      await this.progress(vm, pct, message);
    };
    switch (vm.state) {
      case 'shutdown':
        await say(20, `resize with reboot: 1/3 shutting down on ${host.name}`);
        await this.call(host, 'shutdown', (a, h) => a.shutdownDomain(h, vm.id, false));
        await this.writer.update(vm, {}, { to: 'poweroff' });
        return true;
      case 'poweroff': {
        await say(50, `resize with reboot: 2/3 resizing to ${size} while powered off`);
        try {
          await this.call(host, 'resize', (a, h) => a.resizeDomain(h, vm.id, op.vcpus, op.memoryMib));
        } catch (e) {
          const err = toReservoirError(e);
          if (RETRYABLE.has(err.code)) throw err;
          // Refused for good: start the VM again at its old size, then fail the task.
          await this.writer.update(
            vm,
            { op: { ...op, error: { code: err.code, message: err.message } } },
            { to: 'boot' },
          );
          return true;
        }
        const resources = { ...vm.resources, vcpus: op.vcpus, memoryMib: op.memoryMib };
        await this.writer.update(vm, { resources }, { to: 'boot' });
        return true;
      }
      case 'boot': {
        await say(75, `resize with reboot: 3/3 starting on ${host.name}`);
        await this.boot(vm, op, host);
        if (!op.error) {
          await this.finish(vm, {}, 'running', `resized to ${size} with a reboot; running on ${host.name}`);
          return false;
        }
        const taskId = vm.taskId;
        const code = isErrorCode(op.error.code) ? op.error.code : 'INTERNAL';
        const err = new ReservoirError(
          code,
          `resize refused, VM restarted at its old size: ${op.error.message}`,
        );
        await this.writer.update(
          vm,
          { op: undefined, opFrom: '', taskId: '' },
          { to: 'running', reason: err.message },
        );
        if (taskId) await this.ctx.tasks.fail(taskId, err);
        return false;
      }
      default:
        throw new ReservoirError(
          'INTERNAL',
          `VM ${vm.id}: a resize with reboot cannot continue from ${vm.state}`,
        );
    }
  }

  private async migrate(vm: Vm, op: Extract<VmOperation, { kind: 'migrate' }>): Promise<boolean> {
    const source = this.hostOf(vm.host);
    const target = this.hostOf(op.target);
    // After a crash the move may already have happened: the target then holds a settled domain.
    const there = await this.call(target, 'get domain', (a, h) => a.getDomain(h, vm.id));
    if (there && there.state !== 'incoming') {
      await this.finish(
        vm,
        { host: target.id, migrationTarget: '' },
        stateFromDomain(there),
        `migrated to ${target.name}`,
      );
      return false;
    }
    const move: MoveInFlight = { sending: false, canceled: false };
    this.moves.set(vm.id, move);
    const what = `${op.live ? 'live' : 'cold'} migration to ${target.name}`;
    let stopPolling = () => {};
    let figures: { downtimeMs: number; durationMs: number };
    try {
      await this.progress(vm, 20, `preparing ${target.name}`);
      await this.call(target, 'prepare incoming', (a, h) =>
        a.prepareIncoming(h, domainSpec(vm, target, this.ctx.settings.site), op.live),
      );
      if (move.canceled) throw errors.cancelled(`the ${what} was canceled`);
      await this.progress(vm, 40, what);
      move.sending = true;
      stopPolling = this.followTransfer(vm, source, what);
      const moved = await this.call(source, 'migrate', (a, h) =>
        a.migrateDomain(
          h,
          vm.id,
          { agentHostId: target.agentHostId, endpoint: target.agentEndpoint },
          op.live,
        ),
      );
      figures = { downtimeMs: moved.downtimeMs, durationMs: moved.durationMs };
    } catch (e) {
      // Back to the source: the VM keeps running there, the target's reservation is dropped.
      await this.call(target, 'abort incoming', (a, h) => a.abortIncoming(h, vm.id)).catch(() => undefined);
      throw e;
    } finally {
      stopPolling();
      this.moves.delete(vm.id);
    }
    await this.finish(
      vm,
      { host: target.id, migrationTarget: '' },
      op.resumeState,
      `migrated to ${target.name} in ${figures.durationMs} ms` +
        (op.live ? `, the guest paused ${figures.downtimeMs} ms` : ''),
    );
    return false;
  }

  /** Copies the source agent's transfer figures into the migration's task until stopped. */
  private followTransfer(vm: Vm, source: Host, what: string): () => void {
    const taskId = vm.taskId;
    if (!taskId) return () => {};
    const agent = this.ctx.agents.agent(source.agentEndpoint);
    let busy = false;
    let stopped = false;
    const timer = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      agent
        .getDomain(source.agentHostId, vm.id)
        .then(async (d) => {
          const t = d?.migration;
          if (!t || stopped) return;
          const done = t.totalBytes > 0 ? t.transferredBytes / t.totalBytes : 0;
          await this.ctx.tasks.progress(taskId, 40 + 55 * done, `${what}: ${transferSummary(t)}`, t);
        })
        // A missed sample is only a stale figure; the migration's own call reports failures.
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, TRANSFER_POLL_MS);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  /**
   * Stops a VM's migration before its switch-over. While the target is being prepared the move
   * stops before anything is sent; once the source sends, its agent is told to stop. The
   * migration's own step then rolls back and ends its task canceled.
   */
  async cancelMigration(vm: Vm): Promise<void> {
    const move = this.moves.get(vm.id);
    if (!move)
      throw errors.precondition(`VM ${vm.id} has no migration in progress at this VEEM (it is ${vm.state})`);
    move.canceled = true;
    if (!move.sending) return;
    const source = this.hostOf(vm.host);
    await this.call(source, 'cancel migration', (a, h) => a.cancelMigration(h, vm.id));
  }

  /**
   * A step failed for good: undo what can be undone, record the reason, fail the task. A VM that
   * was only being changed in place keeps its state; one whose placement or boot failed is failed.
   */
  async failOperation(vmId: string, err: ReservoirError): Promise<void> {
    const vm = this.ctx.inv.vms.get(vmId);
    if (!vm?.op) return;
    const taskId = vm.taskId;
    const op = vm.op;
    let to: VmState;
    const patch: Partial<Vm> = { op: undefined, opFrom: '', taskId: '' };
    switch (vm.state) {
      case 'migrating':
        to = op.kind === 'migrate' ? op.resumeState : 'failed';
        patch.migrationTarget = '';
        break;
      case 'shutdown':
      case 'saving':
        // The host refused to stop it: it is still running (unknown when the host is silent).
        to = err.code === 'UNAVAILABLE' ? 'unknown' : 'running';
        break;
      case 'prolog':
      case 'boot':
      case 'epilog':
        to = 'failed';
        break;
      default:
        to = vm.state;
    }
    try {
      await this.writer.update(vm, patch, {
        to,
        reason: err.message,
        force: to === 'failed' || to === 'unknown',
      });
    } finally {
      if (taskId) await this.ctx.tasks.fail(taskId, err);
    }
  }
}

export function isRetryable(e: unknown): boolean {
  return isReservoirError(e) && RETRYABLE.has(e.code);
}
