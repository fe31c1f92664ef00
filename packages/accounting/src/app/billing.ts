import { errors, type Logger } from '@reservoir/runtime';
import { compensate, slaBreaches, type Compensation } from '../domain/compensation.js';
import { buildInvoice, type Invoice } from '../domain/invoice.js';
import { billingInstant, DEFAULT_LATE_WINDOW_MS } from '../domain/late-usage.js';
import { checkMetric } from '../domain/metrics.js';
import { formatDecimal, currencyDecimals, parseMoney } from '../domain/money.js';
import type { Period } from '../domain/period.js';
import { parsePriceList, priceListToYaml, resolvePriceList, type PriceList } from '../domain/pricing.js';
import { quote, type Quote, type QuoteComponent } from '../domain/quote.js';
import { rateUsage } from '../domain/rating.js';
import { Ledger, positionAccount } from './ledger.js';
import { syncSla, type SlaSource, type SlaStore } from './sla-sync.js';
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

export interface BillingOptions {
  store: AccountingStore;
  prices: PriceStore;
  logger: Logger;
  control?: ServiceControl;
  /** The SLA announcements read so far, and the SMs' logs to read more from. */
  sla?: { store: SlaStore; source?: SlaSource };
  /** Usage arriving at most this long after it ended is rated into its own period (docs/accounting.md). */
  lateWindowMs?: number;
  now?: () => number;
}

/** A period's rating of one account, with the compensations it grants. */
interface Rated {
  invoice: Invoice;
  compensations: Compensation[];
}

/** Accounts, top-ups, usage, prices and the invoice run, over the store port. */
export class Billing {
  readonly ledger: Ledger;
  private readonly store: AccountingStore;
  private readonly prices: PriceStore;
  private readonly logger: Logger;
  private readonly control: ServiceControl | undefined;
  private readonly now: () => number;
  readonly lateWindowMs: number;
  private listsCache: { lists: PriceList[]; until: number } | undefined;

  constructor(private readonly o: BillingOptions) {
    this.store = o.store;
    this.prices = o.prices;
    this.logger = o.logger;
    this.control = o.control;
    this.now = o.now ?? Date.now;
    this.lateWindowMs = o.lateWindowMs ?? DEFAULT_LATE_WINDOW_MS;
    this.ledger = new Ledger(this.store, this.now);
  }

  money(account: Account, minor: bigint): string {
    return formatDecimal(minor, currencyDecimals(account.currency));
  }

  async account(id: string): Promise<AccountView> {
    const a = await this.store.getAccount(id);
    if (!a) throw errors.notFound('account', id);
    return { ...a, balance: await this.ledger.accountBalance(id) };
  }

  /** The organization of an account; undefined when there is no such account. */
  async organizationOf(id: string): Promise<string | undefined> {
    return (await this.store.getAccount(id))?.organization;
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

  /** Stores usage once per key; usage later than the late window is rated into the current period. */
  ingest(records: readonly UsageRecord[]): Promise<{ accepted: number; duplicates: number }> {
    records.forEach((r, i) => checkMetric(r.metric, `records[${i}].metric`));
    const now = this.now();
    return this.store.ingest(
      records.map((r) => ({ ...r, billedAt: billingInstant(r, now, this.lateWindowMs) })),
    );
  }

  /** Whether the organization's price list prices the metric (read at most every 10 s). */
  async priced(metric: string, organization: string): Promise<boolean> {
    if (!this.listsCache || this.listsCache.until < this.now())
      this.listsCache = { lists: await this.priceLists(), until: this.now() + 10_000 };
    return resolvePriceList(this.listsCache.lists, organization || null).rules.some(
      (r) => r.metric === metric,
    );
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
    this.listsCache = undefined;
    return priceListToYaml(list);
  }

  /** The invoice of one account for a period, rated from its usage (not stored). */
  async preview(accountId: string, period: Period): Promise<Invoice> {
    const a = await this.account(accountId);
    const usage = await this.store.usage({ accountId, from: period.start, to: period.end });
    const spend = pastSpend(await this.store.invoices({ accountId, to: period.start })).get(a.id) ?? 0n;
    const sla = await this.slaTransitions(usage, period);
    return this.rate(a, usage, spend, await this.priceLists(), period, sla).invoice;
  }

  private async slaTransitions(usage: readonly UsageRecord[], period: Period) {
    if (!this.o.sla) return [];
    const services = [...new Set(usage.map((u) => u.service))];
    if (this.o.sla.source) await syncSla(services, this.o.sla.store, this.o.sla.source, this.logger);
    return this.o.sla.store.transitions(services, period.end);
  }

  private rate(
    a: Account,
    usage: readonly UsageRecord[],
    spend: bigint,
    lists: PriceList[],
    period: Period,
    sla: Awaited<ReturnType<Billing['slaTransitions']>>,
  ): Rated {
    const items = usage.map((u) => {
      // Usage rated into a later period than its own (beyond the late window) counts at arrival.
      const late = u.billedAt !== undefined && u.billedAt !== u.start;
      return {
        service: u.service,
        component: u.component,
        metric: u.metric,
        quantity: u.quantity,
        start: late ? u.billedAt! : Math.max(u.start, period.start),
        end: late ? u.billedAt! : Math.min(u.end, period.end),
      };
    });
    const list = resolvePriceList(lists, a.organization || null);
    const lines = items.length ? rateUsage(items, list, { since: a.createdAt, spend }, period) : [];
    const draft = buildInvoice({ accountId: a.id, period, currency: a.currency, lines, credits: [] });

    // Compensations: the SLA breaches of the account's services in the period, each a share of
    // that service's charge (or a fixed sum) by the compensation terms.
    const services = new Set(usage.map((u) => u.service));
    const transitions = sla.filter((t) => services.has(t.service));
    let compensations: Compensation[] = [];
    if (transitions.length && list.compensations.length) {
      const until = new Map<string, number>();
      for (const u of usage) until.set(u.service, Math.max(until.get(u.service) ?? 0, u.end));
      const charges = new Map<string, bigint>();
      for (const l of draft.lines) charges.set(l.service, (charges.get(l.service) ?? 0n) + l.amount);
      compensations = compensate(slaBreaches(transitions, period, until), list.compensations, charges);
    }
    const invoice = compensations.length
      ? buildInvoice({ accountId: a.id, period, currency: a.currency, lines, credits: compensations })
      : draft;
    return { invoice, compensations };
  }

  /**
   * Issues the invoices of a period: each account's usage rated, its charge and compensations
   * posted to the ledger and the invoice stored, all under keys of (account, period, revision), so
   * a run repeated after a crash posts nothing twice. A period already invoiced is revised when
   * late usage or a new SLA breach changed it: the revision posts only the difference. A prepaid
   * account left without credit gets its configured action. Everything is read and written in
   * batches: one query for the period's usage, one for past spend, and the entries and invoices
   * of a thousand accounts at a time.
   */
  async run(period: Period): Promise<{ invoices: number; accounts: number; revised: number }> {
    const accounts = await this.store.listAccounts({});
    const lists = await this.priceLists();
    const issued = latestOf(
      (await this.store.invoices({ from: period.start, to: period.start + 1 })).filter(
        (i) => i.period.end === period.end,
      ),
    );
    const usage = await this.store.usage({ from: period.start, to: period.end });
    const usageOf = byAccount(usage);
    const spendOf = pastSpend(await this.store.invoices({ to: period.start }));
    const sla = await this.slaTransitions(usage, period);
    const slaServices = new Set(sla.map((t) => t.service));

    let invoices = 0;
    let revised = 0;
    const charged: Account[] = [];
    let entries: NewJournalEntry[] = [];
    let records: InvoiceRecord[] = [];
    const flush = async () => {
      await this.store.issue(entries, records);
      entries = [];
      records = [];
    };
    for (const a of accounts) {
      const usage = usageOf.get(a.id);
      if (!usage?.length) continue;
      const prior = issued.get(a.id);
      // Issued, with no usage since and no SLA announcement that could change its credits.
      if (prior && prior.records === usage.length && !usage.some((u) => slaServices.has(u.service))) continue;
      const { invoice: inv, compensations } = this.rate(
        a,
        usage,
        spendOf.get(a.id) ?? 0n,
        lists,
        period,
        sla,
      );
      if (inv.lines.length === 0) continue;
      const granted = compensations.reduce((s, c) => s + c.amount, 0n);
      const priorGranted = prior ? creditTotal(prior) : 0n;
      if (prior && prior.records === usage.length && priorGranted === granted) continue;

      const revision = (prior?.revision ?? 0) + 1;
      const key = `${a.id}:${period.start}-${period.end}${revision > 1 ? `:r${revision}` : ''}`;
      const charge = inv.subtotal - (prior?.subtotal ?? 0n);
      const credit = granted - priorGranted;
      if (charge !== 0n) entries.push(Ledger.chargeEntry(a, charge, `charge:${key}`, period.end));
      if (credit !== 0n)
        entries.push(
          Ledger.compensationEntry(
            a,
            credit,
            `compensation:${key}`,
            period.end,
            compensations.map((c) => c.description).join('; ') || `compensation ${a.id}`,
          ),
        );
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
        revision,
        records: usage.length,
        creditLines: compensations.map((c, i) => ({
          key: c.key,
          description: c.description,
          amount: c.amount.toString(),
          applied: inv.credits[i]!.applied.toString(),
        })),
      });
      invoices++;
      if (prior) revised++;
      if (a.kind === 'prepaid' && charge > credit) charged.push(a);
      if (records.length >= 1000) await flush();
    }
    await flush();
    if (charged.length) {
      const positions = await this.store.balances('customer:');
      for (const a of charged) await this.afterCharge(a, -(positions.get(positionAccount(a)) ?? 0n));
    }
    return { invoices, accounts: accounts.length, revised };
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

  /** A month of the components at the organization's prices and at the provider's costs. */
  async quote(organization: string, components: readonly QuoteComponent[]): Promise<Quote> {
    components.forEach((c, i) => {
      for (const f of ['vcpus', 'memoryMib', 'diskMib', 'instancesInitial', 'instancesMax'] as const)
        if (!Number.isSafeInteger(c[f]) || c[f] < 0)
          throw errors.invalid(`components[${i}].${f}`, `must be a non-negative integer, got ${c[f]}`);
      if (c.instancesMax < c.instancesInitial)
        throw errors.invalid(`components[${i}].instancesMax`, 'is below instancesInitial');
    });
    return quote(components, resolvePriceList(await this.priceLists(), organization || null), this.now());
  }

  /**
   * The provider's profitability of each service in the period: what its usage was charged, less
   * its compensations, against the same usage at the provider's costs.
   */
  async profitability(
    period: Period,
    service?: string,
  ): Promise<{ service: string; accountId: string; currency: string; revenue: bigint; cost: bigint }[]> {
    const usage = await this.store.usage({
      from: period.start,
      to: period.end,
      ...(service ? { service } : {}),
    });
    const lists = await this.priceLists();
    const sla = await this.slaTransitions(usage, period);
    const spendOf = pastSpend(await this.store.invoices({ to: period.start }));
    const accounts = new Map((await this.store.listAccounts({})).map((a) => [a.id, a]));
    const out: { service: string; accountId: string; currency: string; revenue: bigint; cost: bigint }[] = [];
    for (const [accountId, records] of byAccount(usage)) {
      // Usage of an organization without an account is not billed, so it earns nothing either.
      const a = accounts.get(accountId);
      if (!a) continue;
      const spend = spendOf.get(accountId) ?? 0n;
      const { invoice, compensations } = this.rate(a, records, spend, lists, period, sla);
      const list = resolvePriceList(lists, a.organization || null);
      // Only metrics with a cost rule cost the provider anything.
      const costed = new Set(list.costs.map((r) => r.metric));
      const costUsage = records.filter((r) => costed.has(r.metric));
      const costList = {
        ...list,
        organization: null,
        rules: list.costs,
        customerDiscounts: [],
        compensations: [],
      };
      const costs = costUsage.length ? this.rate(a, costUsage, 0n, [costList], period, []).invoice.lines : [];
      for (const s of new Set(records.map((r) => r.service))) {
        const sum = (lines: { service: string; amount: bigint }[]) =>
          lines.filter((l) => l.service === s).reduce((t, l) => t + l.amount, 0n);
        const credited = compensations.filter((c) => c.service === s).reduce((t, c) => t + c.amount, 0n);
        out.push({
          service: s,
          accountId,
          currency: a.currency,
          revenue: sum(invoice.lines) - credited,
          cost: sum(costs),
        });
      }
    }
    return out.sort((x, y) => (x.service < y.service ? -1 : x.service > y.service ? 1 : 0));
  }

  /** The latest revision of the period's invoice, or the invoice as it would be now. */
  async bill(accountId: string, period: Period): Promise<InvoiceRecord | Invoice> {
    const issued = (
      await this.store.invoices({ accountId, from: period.start, to: period.start + 1 })
    ).filter((i) => i.period.end === period.end);
    return latestOf(issued).get(accountId) ?? this.preview(accountId, period);
  }
}

function byAccount(usage: readonly UsageRecord[]): Map<string, UsageRecord[]> {
  const out = new Map<string, UsageRecord[]>();
  for (const u of usage) {
    const list = out.get(u.accountId);
    if (list) list.push(u);
    else out.set(u.accountId, [u]);
  }
  return out;
}

/** The latest revision of each account's invoice among these (all of one period). */
function latestOf(invoices: readonly InvoiceRecord[]): Map<string, InvoiceRecord> {
  const out = new Map<string, InvoiceRecord>();
  for (const i of invoices) {
    const seen = out.get(i.accountId);
    if (!seen || i.revision > seen.revision) out.set(i.accountId, i);
  }
  return out;
}

/** What each account was invoiced before: the latest revision of every past period counts. */
function pastSpend(invoices: readonly InvoiceRecord[]): Map<string, bigint> {
  const latest = new Map<string, InvoiceRecord>();
  for (const i of invoices) {
    const id = `${i.accountId}\u0000${i.period.start}-${i.period.end}`;
    const seen = latest.get(id);
    if (!seen || i.revision > seen.revision) latest.set(id, i);
  }
  const out = new Map<string, bigint>();
  for (const i of latest.values()) out.set(i.accountId, (out.get(i.accountId) ?? 0n) + i.total);
  return out;
}

/** Σ of the compensations an issued invoice granted (not only the part it applied). */
function creditTotal(i: InvoiceRecord): bigint {
  const lines = Array.isArray(i.creditLines) ? (i.creditLines as { amount?: string }[]) : [];
  return lines.reduce((s, l) => s + BigInt(l.amount ?? '0'), 0n);
}
