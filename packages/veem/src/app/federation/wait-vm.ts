import type { Vm } from '../../domain/vm.js';
import type { Veem } from '../veem.js';

/**
 * Waits until a VM satisfies `done`, watching the VEEM's own events; answers the VM as it last
 * was when the time is up (undefined when it is gone from the inventory without reaching done).
 */
export async function waitForVm(
  veem: Veem,
  vmId: string,
  done: (vm: Vm) => boolean,
  timeoutMs: number,
): Promise<Vm | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const vm = veem.ctx.inv.vms.get(vmId);
    if (!vm) return undefined;
    if (done(vm) || Date.now() >= deadline) return vm;
    await new Promise((r) => setTimeout(r, 50));
  }
}
