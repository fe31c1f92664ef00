// The organization a service belongs to, for access decisions about its KPIs and probes. The
// Service Managers know it; a service never changes organization, so what they say is kept, and
// an unknown service is asked about again only after a while.
import { ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { createClient, errors, isReservoirError, type ClosableClient } from '@reservoir/runtime';

/** The service's organization, or undefined when no one knows the service. */
export type OrganizationLookup = (serviceId: string) => Promise<string | undefined>;

export interface ServiceOrganizationsOptions {
  /** Services whose organization is kept (default 10,000). */
  maxEntries?: number;
  /** How long an unknown service stays unknown before it is asked about again (default 10 s). */
  unknownTtlMs?: number;
  clock?: () => number;
}

export class ServiceOrganizations {
  private readonly known = new Map<string, string>();
  private readonly unknownUntil = new Map<string, number>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  private readonly maxEntries: number;
  private readonly unknownTtlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly lookup: OrganizationLookup,
    options: ServiceOrganizationsOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.unknownTtlMs = options.unknownTtlMs ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Throws UNAVAILABLE when the lookup fails: a caller must not be judged on a guess. */
  of(serviceId: string): Promise<string | undefined> {
    const org = this.known.get(serviceId);
    if (org !== undefined) return Promise.resolve(org);
    const until = this.unknownUntil.get(serviceId);
    if (until !== undefined) {
      if (until > this.clock()) return Promise.resolve(undefined);
      this.unknownUntil.delete(serviceId);
    }
    let p = this.pending.get(serviceId);
    if (!p) {
      p = this.ask(serviceId).finally(() => this.pending.delete(serviceId));
      this.pending.set(serviceId, p);
    }
    return p;
  }

  private async ask(serviceId: string): Promise<string | undefined> {
    let org: string | undefined;
    try {
      org = await this.lookup(serviceId);
    } catch (e) {
      throw errors.unavailable(
        `the organization of service "${serviceId}" could not be found out: ${e instanceof Error ? e.message : String(e)}`,
        e,
      );
    }
    const store = org === undefined ? this.unknownUntil : this.known;
    if (store.size >= this.maxEntries) {
      // Oldest first: Map keeps insertion order.
      const oldest = store.keys().next().value;
      if (oldest !== undefined) store.delete(oldest);
    }
    if (org === undefined) this.unknownUntil.set(serviceId, this.clock() + this.unknownTtlMs);
    else this.known.set(serviceId, org);
    return org;
  }
}

type SmClient = ClosableClient<typeof ServiceManagerServiceDefinition>;

/** Asks each site's Service Manager in turn; one that does not know the service answers NOT_FOUND. */
export function serviceManagerLookup(endpoints: readonly string[]): {
  lookup: OrganizationLookup;
  close(): void;
} {
  const clients: SmClient[] = endpoints.map((e) =>
    createClient(ServiceManagerServiceDefinition, e, { deadlineMs: 10_000 }),
  );
  return {
    lookup: async (serviceId) => {
      for (const c of clients) {
        try {
          return (await c.getService({ id: serviceId })).organization || undefined;
        } catch (e) {
          if (!(isReservoirError(e) && e.code === 'NOT_FOUND')) throw e;
        }
      }
      return undefined;
    },
    close: () => {
      for (const c of clients) c.close();
    },
  };
}
