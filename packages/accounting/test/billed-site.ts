import { silentLogger } from '@reservoir/runtime';
import { startSmSite, type SmSite } from '../../service-manager/test/harness.js';
import { createAccounting, type RunningAccounting } from '../src/create-accounting.js';

/**
 * A site with its Service Manager, and the accounting service metering it: its own SQLite
 * database, the site's bus, SLA announcements from the site's SM. With `prices`, that list is the
 * default one; with `postpaid`, a postpaid account of that id bills the `default` organization.
 */
export async function startBilledSite(o: {
  hosts?: number;
  prices?: string;
  postpaid?: { id: string; name?: string };
  before?: (site: SmSite) => Promise<void>;
}): Promise<{ site: SmSite; acc: RunningAccounting }> {
  const site = await startSmSite({ hosts: o.hosts ?? 1 });
  await o.before?.(site);
  const acc = await createAccounting({
    database: `sqlite:${site.dir}/accounting.db`,
    logger: silentLogger(),
    sites: [{ site: site.site, veem: site.veem.address }],
    mqtt: site.bus,
    serviceManagers: [site.sm!.address],
  });
  if (o.prices) await acc.billing.setPrices('', o.prices);
  if (o.postpaid)
    await acc.billing.createAccount({
      id: o.postpaid.id,
      customer: o.postpaid.id,
      name: o.postpaid.name ?? o.postpaid.id,
      kind: 'postpaid',
      currency: 'EUR',
      onZero: 'warn',
      organization: 'default',
    });
  return { site, acc };
}
