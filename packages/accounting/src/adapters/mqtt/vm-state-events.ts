import { reservoir, topics } from '@reservoir/contracts';
import type { MessageBus } from '@reservoir/runtime';
import type { VmStateChange } from '../../app/vm-usage-collector.js';

/**
 * Follows a site's VM state events on the bus; answers the unsubscribe. The promise onChange
 * returns is the bus's: a persistent bus acknowledges the event once it settled.
 */
export function followVmStates(
  bus: MessageBus,
  site: string,
  onChange: (e: VmStateChange) => void | Promise<void>,
): Promise<() => Promise<void>> {
  return bus.subscribe(topics.allVmStates(site), (_topic, payload) => {
    const e = reservoir.veem.v1.VmStateEvent.decode(payload);
    return onChange({ vmId: e.vmId, toState: e.toState, atMs: Number(e.atMs) });
  });
}
