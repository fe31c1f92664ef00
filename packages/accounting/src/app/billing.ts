import { errors, type Logger } from '@reservoir/runtime';
import { buildInvoice, type Invoice } from '../domain/invoice.js';
import { checkMetric } from '../domain/metrics.js';
import { formatDecimal, currencyDecimals, parseMoney } from '../domain/money.js';
import type { Period } from '../domain/period.js';
import { parsePriceList, priceListToYaml, resolvePriceList, type PriceList } from '../domain/pricing.js';
import { rateUsage } from '../domain/rating.js';
import { Ledger, positionAccount } from './ledger.js';
import type {
  Account,
  AccountingStore,
  InvoiceRecord,
  NewJournalEntry,
  UsageFilter,
  UsageRecord,
} from './ports.js';

/** Where price lists are kept: the validated text per organization ('' is the site's default). */
export interface PriceStore {
  all(): Promise<{ organization: string; text: string }[]>;
  save(organization: string, text: string): Promise<void>;
}

/** What the billing does to a prepaid account's services when its credit runs out, and back. */
export interface ServiceControl {
  suspend(account: Account, reason: string): Promise<void>;
  /** Ends the account's services for good (on_zero: abort). */
  abort(account: Account, reason: string): Promise<void>;
  resume(account: Account): Promise<void>;
}

export const DEFAULT_PRICES = `currency: EUR
rules:
  - metric: vm.hours
    rate: "0.01"
  - metric: vcpu.hours
    rate: "0.02"
  - metric: memory.gib_hours
    rate: "0.005"
  - metric: disk.gib_hours
    rate: "0.0001"
`;

export interface AccountView extends Account {
  /** Minor units, derived from the ledger. */
  balance: bigint;
}

/** Accounts, top-ups, usage, prices and the invoice run, over the store port. */
export class Billing {
  readonly ledger: Ledger;

  constructor(
    private readonly store: AccountingStore,
    private readonly prices: PriceStore,
    private readonly logger: Logger,
    private readonly control?: ServiceControl,
    private readonly now: () => number = Date.now,
  ) {
    this.ledger = new Ledger(store, now);
  }

  money(account: Account, minor: bigint): string {
    return formatDecimal(minor, currencyDecimals(account.currency));
  }

  async account(id: string): Promise<AccountView> {
    const a = await this.store.getAccount(id);
    if (!a) throw errors.notFound('account', id);
    return { ...a, balance: await this.ledger.accountBalance(id) };
  }

  async createAccount(a: Omit<Account, 'createdAt' | 'state'>): Promise<AccountView> {
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(a.id))
      throw errors.invalid('id', `"${a.id}" must be 1-64 letters, digits, . _ -`);
    if (await this.store.getAccount(a.id)) throw errors.exists('account', a.id);
    await this.store.createAccount({ ...a, createdAt: this.now(), state: 'active' });
    return this.account(a.id);
  }

  /** Accounts with their balances, read from the ledger in two sums rather than one per account. */
  async listAccounts(filter: { customer?: string; organization?: string }): Promise<AccountView[]> {
    const [accounts, prepaid, postpaid] = await Promise.all([
      this.store.listAccounts(filter),
      this.store.balances('customer:'),
      this.store.balances('receivable:'),
    ]);
    return accounts.map((a) => {
      const position = positionAccount(a);
      return { ...a, balance: -((a.kind === 'prepaid' ? prepaid : postpaid).get(position) ?? 0n) };
    });
  }

  /** Credits a prepaid account; a suspended one whose credit is positive again resumes. */
  async topUp(id: string, amount: string, key: string): Promise<AccountView> {
    const a = await this.account(id);
    if (a.kind !== 'prepaid')
      throw errors.precondition(`account ${id} is postpaid; it is invoiced, not topped up`);
    if (!key) throw errors.invalid('key', 'required: a retried top-up must credit once');
    const minor = parseMoney(amount, a.currency, 'amount');
    if (minor <= 0n) throw errors.invalid('amount', `must be positive, got ${amount}`);
    await this.ledger.topUp(id, minor, `topup:${id}:${key}`);
    const after = await this.account(id);
    if (after.state === 'suspended' && after.balance > 0n) {
      await this.control?.resume(after);
      await this.store.updateAccount({ ...after, state: 'active' });
      return this.account(id);
    }
    return after;
  }

  usage(filter: UsageFilter): Promise<UsageRecord[]> {
    return this.store.usage(filter);
  }

  ingest(records: readonly UsageRecord[]): Promise<{ accepted: number; duplicates: number }> {
    records.forEach((r, i) => checkMetric(r.metric, `records[${i}].metric`));
    return this.store.ingest(records);
  }

  async priceLists(): Promise<PriceList[]> {
    const stored = await this.prices.all();
    if (!stored.some((p) => p.organization === '')) stored.push({ organization: '', text: DEFAULT_PRICES });
    return stored.map((p) => parsePriceList(p.text));
  }

  async getPrices(organization: string): Promise<string> {
    return priceListToYaml(resolvePriceList(await this.priceLists(), organization || null));
  }

  /** Validates the list (every problem with its path) before it takes effect. */
  async setPrices(organization: string, text: string): Promise<string> {
    const list = parsePriceList(text);
    if ((list.organization ?? '') !== organization)
      throw errors.invalid(
        'organization',
        `the list says "${list.organization ?? ''}", the request "${organization}"`,
      );
    const others = (await this.priceLists()).filter((l) => (l.organization ?? '') !== organization);
    // The per-organization list must fit the default one (same currency); resolving checks it.
    resolvePriceList([...others, list], organization || null);
    await this.prices.save(organization, text);
    return priceListToYaml(list);
  }

  /** The invoice of one account for a period, rated from its usage (not stored). */
  async preview(accountId: string, period: Period): Promise<Invoice> {
    const a = await this.account(accountId);
    const usage = await this.store.usage({ accountId, from: period.start, to: period.end });
    const past = await this.store.invoices({ accountId, to: period.start });
    const spend = past.reduce((s, i) => s + i.total, 0n);
    return this.rate(a, usage, spend, await this.priceLists(), period);
  }

  private rate(
    a: Account,
    usage: readonly UsageRecord[],
    spend: bigint,
    lists: PriceList[],
    period: Period,
  ): Invoice {
    const items = usage.map((u) => ({
      service: u.service,
      component: u.component,
      metric: u.metric,
      quantity: u.quantity,
      start: Math.max(u.start, period.start),
      end: Math.min(u.end, period.end),
    }));
    const list = resolvePriceList(lists, a.organization || null);
    const lines = items.length ? rateUsage(items, list, { since: a.createdAt, spend }, period) : [];
    return buildInvoice({ accountId: a.id, period, currency: a.currency, lines, credits: [] });
  }

  /**
   * Issues the invoices of a period: each account's usage rated, its charge posted to the ledger and
   * the invoice stored, both under keys of (account, period), so a run repeated after a crash
   * charges nothing twice. A prepaid account left without credit gets its configured action.
   * Everything is read and written in batches: one query for the period's usage, one for past
   * spend, and the charges and invoices of a thousand accounts at a time.
   */
  async run(period: Period): Promise<{ invoices: number; accounts: number }> {
    const accounts = await this.store.listAccounts({});
    const lists = await this.priceLists();
    const issued = new Set(
      (await this.store.invoices({ from: period.start, to: period.start + 1 }))
        .filter((i) => i.period.end === period.end)
        .map((i) => i.key),
    );
    const usageOf = new Map<string, UsageRecord[]>();
    for (const u of await this.store.usage({ from: period.start, to: period.end })) {
      const list = usageOf.get(u.accountId) ?? [];
      list.push(u);
      usageOf.set(u.accountId, list);
    }
    const spendOf = new Map<string, bigint>();
    for (const i of await this.store.invoices({ to: period.start }))
      spendOf.set(i.accountId, (spendOf.get(i.accountId) ?? 0n) + i.total);

    let invoices = 0;
    const charged: Account[] = [];
    let entries: NewJournalEntry[] = [];
    let records: InvoiceRecord[] = [];
    const flush = async () => {
      // Charges first: an invoice is stored only once its charge is in the ledger.
      if (entries.length) await this.store.postAll(entries);
      if (records.length) await this.store.saveInvoices(records);
      entries = [];
      records = [];
    };
    for (const a of accounts) {
      const key = `${a.id}:${period.start}-${period.end}`;
      if (issued.has(`invoice:${key}`)) continue;
      const usage = usageOf.get(a.id);
      if (!usage?.length) continue;
      const inv = this.rate(a, usage, spendOf.get(a.id) ?? 0n, lists, period);
      if (inv.lines.length === 0) continue;
      if (inv.total > 0n) entries.push(Ledger.chargeEntry(a, inv.total, `charge:${key}`, period.end));
      records.push({
        id: `inv-${key}`,
        accountId: a.id,
        period,
        currency: a.currency,
        lines: inv.lines.map((l) => ({ ...l, precise: l.precise.toString(), amount: l.amount.toString() })),
        subtotal: inv.subtotal,
        credits: inv.credited,
        total: inv.total,
        issuedAt: this.now(),
        key: `invoice:${key}`,
      });
      invoices++;
      if (a.kind === 'prepaid') charged.push(a);
      if (records.length >= 1000) await flush();
    }
    await flush();
    if (charged.length) {
      const positions = await this.store.balances('customer:');
      for (const a of charged) await this.afterCharge(a, -(positions.get(positionAccount(a)) ?? 0n));
    }
    return { invoices, accounts: accounts.length };
  }

  private async afterCharge(a: Account, balance: bigint): Promise<void> {
    if (balance > 0n) return;
    const reason = `prepaid credit of account ${a.id} is ${this.money(a, balance)} ${a.currency}`;
    if (a.onZero === 'warn') {
      this.logger.warn({ account: a.id, balance: balance.toString() }, reason);
      return;
    }
    if (a.state === 'suspended') return;
    if (a.onZero === 'abort') await this.control?.abort(a, reason);
    else await this.control?.suspend(a, reason);
    await this.store.updateAccount({ ...a, state: 'suspended' });
  }

  async bill(accountId: string, period: Period): Promise<InvoiceRecord | Invoice> {
    const key = `invoice:${accountId}:${period.start}-${period.end}`;
    return (await this.store.invoiceByKey(key)) ?? this.preview(accountId, period);
  }
}
