// What each accounting call means to the security enforcement point: its action and the account,
// bill or price list it acts on, with the organization read from the accounting store.

import { AccountingServiceDefinition } from '@reservoir/contracts';
import type { CallPrincipal, ResourceAttributes } from '@reservoir/runtime';
import { accessMap, serviceAccess, type AccessMap } from '@reservoir/security';
import type { Billing } from '../../app/billing.js';

/**
 * Actions: account.create / read / list / update (a top-up updates the account); bill.read and
 * bill.list for an account's bill and usage; bill.create for a billing run, usage.create for
 * metered usage and profitability.read, none of which name an organization, so only a system
 * admin (the platform's own services included) may call them; price.read and price.update.
 *
 * A price list is what the provider charges an organization: price.update stays with the system
 * admin (the default policy lets org admins change only their own vms, services, accounts and the
 * like), since an organization setting its own prices would bill itself. Reading is open to every
 * member of the organization whatever its roles (quotes before a deploy), by sharing the list with
 * it; the site's default list is shared with every organization it applies to.
 */
export function accountingAccess(billing: Billing): AccessMap {
  const ofAccount = async (type: 'account' | 'bill', id: string): Promise<ResourceAttributes> => {
    const organization = await billing.organizationOf(id);
    // No such account: a resource of no organization, which only a system admin may act on (and
    // then learns from the handler that it is missing).
    return organization === undefined ? { type, id } : { type, id, organization };
  };
  const ownOrganization =
    (type: string) =>
    (req: { organization?: string }, caller: CallPrincipal): ResourceAttributes => ({
      type,
      organization: req.organization || caller.organization,
    });
  const platform = (type: string) => (): ResourceAttributes => ({ type });

  return accessMap(
    serviceAccess(AccountingServiceDefinition, {
      createAccount: {
        action: 'account.create',
        resource: (req, caller) => ({
          type: 'account',
          ...(req.id ? { id: req.id } : {}),
          organization: req.organization || caller.organization,
        }),
      },
      getAccount: { action: 'account.read', resource: (req) => ofAccount('account', req.id ?? '') },
      listAccounts: { action: 'account.list', resource: ownOrganization('account') },
      topUp: { action: 'account.update', resource: (req) => ofAccount('account', req.accountId ?? '') },
      ingestUsage: { action: 'usage.create', resource: platform('usage') },
      listUsage: {
        action: 'bill.list',
        resource: (req, caller) =>
          req.accountId ? ofAccount('bill', req.accountId) : ownOrganization('bill')({}, caller),
      },
      getPrices: { action: 'price.read', resource: (req, caller) => priceList(req.organization, caller) },
      setPrices: {
        action: 'price.update',
        resource: (req) => ({
          type: 'price',
          id: req.organization || 'default',
          ...(req.organization ? { organization: req.organization } : {}),
        }),
      },
      runBilling: { action: 'bill.create', resource: platform('bill') },
      getBill: { action: 'bill.read', resource: (req) => ofAccount('bill', req.accountId ?? '') },
      quoteCost: { action: 'price.read', resource: (req, caller) => priceList(req.organization, caller) },
      getProfitability: { action: 'profitability.read', resource: platform('profitability') },
    }),
  );
}

function priceList(organization: string | undefined, caller: CallPrincipal): ResourceAttributes {
  return {
    type: 'price',
    id: organization || 'default',
    ...(organization ? { organization } : {}),
    sharedWith: [organization || caller.organization],
  };
}
