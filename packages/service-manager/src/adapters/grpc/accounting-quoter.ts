import { AccountingServiceDefinition } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import type { CostQuoter } from '../../app/ports.js';
import { componentResources, type CostEstimate, type ServiceManifest } from '../../manifest/index.js';

/** The accounting service's quote of a manifest, as the SM's cost estimate. */
export class AccountingQuoter implements CostQuoter {
  private readonly client: ClosableClient<typeof AccountingServiceDefinition>;

  constructor(endpoint: string) {
    this.client = createClient(AccountingServiceDefinition, endpoint, { deadlineMs: 10_000 });
  }

  async estimate(m: ServiceManifest, organization: string): Promise<CostEstimate> {
    const q = await this.client.quoteCost({ organization, components: componentResources(m) });
    const perComponent = m.components.map((c) => {
      const perInstanceHour = Number(q.components?.find((x) => x.component === c.id)?.perInstanceHour ?? 0);
      return {
        component: c.id,
        perInstanceHour,
        perHourAtInitial: perInstanceHour * c.instances.initial,
        perHourAtMax: perInstanceHour * c.instances.max,
      };
    });
    return {
      currency: q.currency ?? '',
      perHourAtInitial: Number(q.perHourAtInitial ?? 0),
      perHourAtMax: Number(q.perHourAtMax ?? 0),
      perComponent,
    };
  }

  close(): void {
    this.client.close();
  }
}
