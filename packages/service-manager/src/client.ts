import { ServiceManagerServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import { createChannel, createClient } from '@reservoir/runtime';

/** The SMI and the TaskService of its operations over one channel to a Service Manager. */
export function smiClient(address: string, deadlineMs = 60_000) {
  const channel = createChannel(address);
  const opts = { channel, deadlineMs };
  return {
    address,
    services: createClient(ServiceManagerServiceDefinition, address, opts),
    tasks: createClient(TaskServiceDefinition, address, opts),
    close: () => channel.close(),
  };
}

export type SmiClient = ReturnType<typeof smiClient>;
