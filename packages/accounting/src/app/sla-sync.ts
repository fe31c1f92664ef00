import type { Logger } from '@reservoir/runtime';
import type { SlaTransition } from '../domain/compensation.js';

export interface StoredSlaTransition extends SlaTransition {
  /** The announcement's sequence number in the SM's event log of the service. */
  seq: number;
}

/** Where the SLA announcements read so far are kept. */
export interface SlaStore {
  lastSeq(service: string): Promise<number>;
  /** Idempotent by (service, seq). */
  save(transitions: readonly StoredSlaTransition[]): Promise<void>;
  /** The transitions of these services before the instant, in log order. */
  transitions(services: readonly string[], before: number): Promise<SlaTransition[]>;
}

/** The Service Managers' event logs: a service's SLA announcements after a sequence number. */
export interface SlaSource {
  after(service: string, seq: number): Promise<StoredSlaTransition[]>;
}

/**
 * Brings the stored SLA announcements of the services up to date with the SMs' logs before a
 * period is rated. Reading the durable log (not a live feed) means an accounting service that was
 * down misses nothing; a service no SM knows any more keeps what was read before.
 */
export async function syncSla(
  services: readonly string[],
  store: SlaStore,
  source: SlaSource,
  logger: Logger,
): Promise<void> {
  for (const service of services) {
    try {
      const fresh = await source.after(service, await store.lastSeq(service));
      await store.save(fresh);
    } catch (err) {
      logger.warn({ err, service }, 'SLA announcements not read; the period is rated with those stored');
    }
  }
}
