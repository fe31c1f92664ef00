import { MonitoringServiceDefinition } from '@reservoir/contracts';
import { createClient } from '@reservoir/runtime';

/** A client of a monitoring service. */
export function monitoringClient(address: string, deadlineMs = 30_000) {
  return createClient(MonitoringServiceDefinition, address, { deadlineMs });
}

export type MonitoringClient = ReturnType<typeof monitoringClient>;
