import { PolicyServiceDefinition, TaskServiceDefinition } from '@reservoir/contracts';
import { createChannel, createClient } from '@reservoir/runtime';

/** The PolicyService and the TaskService of its plans over one channel to a Policy Engine. */
export function policyClient(address: string, deadlineMs = 30_000) {
  const channel = createChannel(address);
  const opts = { channel, deadlineMs };
  return {
    address,
    policy: createClient(PolicyServiceDefinition, address, opts),
    tasks: createClient(TaskServiceDefinition, address, opts),
    close: () => channel.close(),
  };
}

export type PolicyClient = ReturnType<typeof policyClient>;
