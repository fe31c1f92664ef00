import { ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { createClient, isReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { SlaSource, StoredSlaTransition } from '../../app/sla-sync.js';

const PAGE = 500;

/** Reads SLA announcements from the event log of whichever site's SM runs the service. */
export class SmSlaSource implements SlaSource {
  private readonly clients: ClosableClient<typeof ServiceManagerServiceDefinition>[];

  constructor(endpoints: readonly string[]) {
    this.clients = endpoints.map((e) =>
      createClient(ServiceManagerServiceDefinition, e, { deadlineMs: 30_000 }),
    );
  }

  async after(service: string, seq: number): Promise<StoredSlaTransition[]> {
    for (const c of this.clients) {
      const out: StoredSlaTransition[] = [];
      try {
        for (let after = seq; ;) {
          const { events } = await c.listEvents({ id: service, afterSeq: after, limit: PAGE });
          for (const e of events ?? []) {
            after = Math.max(after, Number(e.seq ?? 0));
            if (e.kind !== 'sla') continue;
            out.push({
              service,
              seq: Number(e.seq ?? 0),
              objective: e.ruleId ?? '',
              at: Number(e.timeMs ?? 0),
              met: (e.to ?? 0) === 1,
              reason: e.reason ?? '',
            });
          }
          if ((events ?? []).length < PAGE) return out;
        }
      } catch (err) {
        if (isReservoirError(err) && err.code === 'NOT_FOUND') continue;
        throw err;
      }
    }
    return [];
  }

  close(): void {
    for (const c of this.clients) c.close();
  }
}
