import { ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { createClient, isReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { SlaSource, StoredSlaTransition } from '../../app/sla-sync.js';

type SmClient = ClosableClient<typeof ServiceManagerServiceDefinition>;

const PAGE = 500;

/**
 * What the sites' Service Managers know of a service: its organization, and the SLA announcements
 * of its event log. Each question goes to whichever SM runs the service.
 */
export class SmServices implements SlaSource {
  private readonly clients: SmClient[];

  constructor(endpoints: readonly string[]) {
    this.clients = endpoints.map((e) =>
      createClient(ServiceManagerServiceDefinition, e, { deadlineMs: 30_000 }),
    );
  }

  after(service: string, seq: number): Promise<StoredSlaTransition[]> {
    return this.onSiteOf([], async (c) => {
      const out: StoredSlaTransition[] = [];
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
    });
  }

  readonly organizationOf = (service: string): Promise<string | undefined> =>
    this.onSiteOf(undefined, async (c) => (await c.getService({ id: service })).organization || undefined);

  /** Asks each SM in turn; one that does not know the service answers NOT_FOUND. */
  private async onSiteOf<T>(none: T, ask: (c: SmClient) => Promise<T>): Promise<T> {
    for (const c of this.clients) {
      try {
        return await ask(c);
      } catch (err) {
        if (!(isReservoirError(err) && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return none;
  }

  close(): void {
    for (const c of this.clients) c.close();
  }
}
