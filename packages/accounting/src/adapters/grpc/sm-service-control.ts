import { ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { createClient, toReservoirError, type ClosableClient, type Logger } from '@reservoir/runtime';
import type { ServiceControl } from '../../app/billing.js';
import type { Account } from '../../app/ports.js';

/**
 * The services of an account's organization on every site's Service Manager: suspended when its
 * prepaid credit runs out, resumed after a top-up, undeployed when the account says abort.
 */
export class SmServiceControl implements ServiceControl {
  private readonly clients: ClosableClient<typeof ServiceManagerServiceDefinition>[];

  constructor(
    endpoints: readonly string[],
    private readonly logger: Logger,
  ) {
    this.clients = endpoints.map((e) =>
      createClient(ServiceManagerServiceDefinition, e, { deadlineMs: 30_000 }),
    );
  }

  private async each(
    account: Account,
    states: readonly string[],
    act: (c: ClosableClient<typeof ServiceManagerServiceDefinition>, id: string) => Promise<unknown>,
  ): Promise<void> {
    for (const c of this.clients) {
      const { services } = await c.listServices({ organization: account.organization });
      for (const s of services ?? []) {
        if (!states.includes(s.state ?? '')) continue;
        try {
          await act(c, s.id ?? '');
        } catch (e) {
          this.logger.warn(
            { service: s.id, err: toReservoirError(e).message },
            'service not changed for its account',
          );
        }
      }
    }
  }

  suspend(account: Account, reason: string): Promise<void> {
    return this.each(account, ['running', 'scaling', 'reconfiguring'], (c, id) =>
      c.suspendService({ id, reason }),
    );
  }

  abort(account: Account): Promise<void> {
    return this.each(account, ['running', 'scaling', 'reconfiguring', 'suspended'], (c, id) =>
      c.undeployService({ id }),
    );
  }

  resume(account: Account): Promise<void> {
    return this.each(account, ['suspended', 'suspending'], (c, id) => c.resumeService({ id }));
  }

  close(): void {
    for (const c of this.clients) c.close();
  }
}
