import { ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { createClient, isReservoirError, type ClosableClient } from '@reservoir/runtime';

/** The organization of a service, from whichever site's Service Manager runs it. */
export class SmServiceOwner {
  private readonly clients: ClosableClient<typeof ServiceManagerServiceDefinition>[];

  constructor(endpoints: readonly string[]) {
    this.clients = endpoints.map((e) =>
      createClient(ServiceManagerServiceDefinition, e, { deadlineMs: 10_000 }),
    );
  }

  readonly organizationOf = async (service: string): Promise<string | undefined> => {
    for (const c of this.clients) {
      try {
        return (await c.getService({ id: service })).organization || undefined;
      } catch (err) {
        if (!(isReservoirError(err) && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return undefined;
  };

  close(): void {
    for (const c of this.clients) c.close();
  }
}
