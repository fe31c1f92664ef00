import {
  HostServiceDefinition,
  ImageServiceDefinition,
  NetworkServiceDefinition,
  QuotaServiceDefinition,
  TaskServiceDefinition,
  VmServiceDefinition,
} from '@reservoir/contracts';
import { createChannel, createClient } from '@reservoir/runtime';

/** Every VMI service over one channel to a VEEM. */
export function vmiClient(address: string, deadlineMs = 30_000) {
  const channel = createChannel(address);
  const opts = { channel, deadlineMs };
  return {
    address,
    vms: createClient(VmServiceDefinition, address, opts),
    hosts: createClient(HostServiceDefinition, address, opts),
    images: createClient(ImageServiceDefinition, address, opts),
    networks: createClient(NetworkServiceDefinition, address, opts),
    quotas: createClient(QuotaServiceDefinition, address, opts),
    tasks: createClient(TaskServiceDefinition, address, opts),
    close: () => channel.close(),
  };
}

export type VmiClient = ReturnType<typeof vmiClient>;
