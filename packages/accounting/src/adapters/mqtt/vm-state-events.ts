import { reservoir, topics } from '@reservoir/contracts';
import type { MessageBus } from '@reservoir/runtime';
import type { VmStateChange } from '../../app/vm-usage-collector.js';

/** Follows a site's VM state events on the bus; answers the unsubscribe. */
export function followVmStates(
  bus: MessageBus,
  site: string,
  onChange: (e: VmStateChange) => void,
): Promise<() => Promise<void>> {
  return bus.subscribe(topics.allVmStates(site), (_topic, payload) => {
    const e = reservoir.veem.v1.VmStateEvent.decode(payload);
    onChange({ vmId: e.vmId, toState: e.toState, atMs: Number(e.atMs) });
  });
}
