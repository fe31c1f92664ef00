import { errors } from '@reservoir/runtime';
import type { Vm } from '../domain/vm.js';
import { assertTransition, type VmState } from '../domain/vm-state.js';
import type { VeemContext } from './context.js';

export interface UpdateOptions {
  to?: VmState;
  reason?: string;
  /** recover may move a VM between any two states; everything else follows the state machine. */
  force?: boolean;
}

/**
 * The one way a VM changes: validate the transition, apply it to the inventory (so reservations
 * are visible at once), persist it, then publish it. A write that fails is undone in memory.
 */
export class VmWriter {
  constructor(private readonly ctx: VeemContext) {}

  async update(vm: Vm, patch: Partial<Vm>, options: UpdateOptions = {}): Promise<Vm> {
    const current = this.ctx.inv.vms.get(vm.id);
    if (!current || current.version !== vm.version) {
      throw errors.aborted(
        `VM ${vm.id} changed while this operation ran (version ${vm.version}, now ${current?.version ?? 'gone'}); retry`,
      );
    }
    const to = options.to ?? vm.state;
    if (to !== vm.state && !options.force) assertTransition(vm.id, vm.state, to);
    const now = this.ctx.now();
    const next: Vm = {
      ...vm,
      ...patch,
      state: to,
      version: vm.version + 1,
      ...(to !== vm.state ? { stateSinceMs: now, previousState: vm.state } : {}),
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
    };
    if (to === 'done') {
      // Freeing happens only once it is durable: a failed write leaves everything held.
      await this.ctx.store.finishVm(next);
      this.ctx.inv.putVm(next);
    } else {
      this.ctx.inv.putVm(next);
      try {
        await this.ctx.store.saveVm(next);
      } catch (e) {
        if (this.ctx.inv.vms.get(vm.id)?.version === next.version) this.ctx.inv.putVm(vm);
        throw e;
      }
    }
    if (to !== vm.state) this.ctx.events.vmStateChanged({ vm: next, from: vm.state });
    return next;
  }
}
