import type { AccountingServiceDefinition, reservoir } from '@reservoir/contracts';
import { errors, visible, type CallContext, type Handlers } from '@reservoir/runtime';
import type { AccountView, Billing } from '../../app/billing.js';
import type { UsageFilter, UsageRecord } from '../../app/ports.js';
import type { Invoice } from '../../domain/invoice.js';
import { currencyDecimals, formatDecimal } from '../../domain/money.js';
import { marginPercent, perHourText, preciseText } from '../../domain/quote.js';
import type { InvoiceRecord } from '../../app/ports.js';

const KINDS = ['prepaid', 'postpaid'] as const;
const ON_ZERO = ['warn', 'suspend', 'abort'] as const;

function money(minor: bigint, currency: string): string {
  return formatDecimal(minor, currencyDecimals(currency));
}

function accountToPb(a: AccountView): reservoir.accounting.v1.IAccount {
  return {
    id: a.id,
    customer: a.customer,
    name: a.name,
    kind: a.kind,
    currency: a.currency,
    onZero: a.onZero,
    organization: a.organization,
    state: a.state,
    createdAtMs: a.createdAt,
    balance: money(a.balance, a.currency),
  };
}

function usageToPb(u: UsageRecord): reservoir.accounting.v1.IUsageRecord {
  return {
    key: u.key,
    accountId: u.accountId,
    service: u.service,
    component: u.component,
    vmId: u.vmId,
    site: u.site,
    metric: u.metric,
    quantity: u.quantity,
    startMs: u.start,
    endMs: u.end,
  };
}

function invoiceToPb(i: InvoiceRecord | Invoice, id: string): reservoir.accounting.v1.IInvoice {
  const lines = (Array.isArray(i.lines) ? i.lines : []) as Record<string, unknown>[];
  const credits = 'credited' in i ? i.credited : i.credits;
  const creditLines =
    'creditLines' in i
      ? ((Array.isArray(i.creditLines) ? i.creditLines : []) as Record<string, string>[]).map((c) => ({
          key: c.key ?? '',
          description: c.description ?? '',
          amount: money(BigInt(c.amount ?? '0'), i.currency),
          applied: money(BigInt(c.applied ?? '0'), i.currency),
        }))
      : i.credits.map((c) => ({
          key: '',
          description: c.description,
          amount: money(c.amount, i.currency),
          applied: money(c.applied, i.currency),
        }));
  return {
    id,
    accountId: i.accountId,
    periodStartMs: i.period.start,
    periodEndMs: i.period.end,
    currency: i.currency,
    lines: lines.map((l) => ({
      service: String(l.service ?? ''),
      component: String(l.component ?? ''),
      metric: String(l.metric ?? ''),
      quantity: String(l.quantity ?? ''),
      unit: String(l.unit ?? ''),
      amount: money(BigInt(String(l.amount ?? '0')), i.currency),
      description: String(l.description ?? ''),
    })),
    subtotal: money(i.subtotal, i.currency),
    credits: money(credits, i.currency),
    total: money(i.total, i.currency),
    issuedAtMs: 'issuedAt' in i ? i.issuedAt : 0,
    creditLines,
    revision: 'revision' in i ? i.revision : 0,
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw errors.invalid(field, `"${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** An int64 field as a number: protobufjs leaves an unset one as its Long default, not 0. */
function int(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(String(v));
}

function period(start: unknown, end: unknown, field: string): { start: number; end: number } {
  const s = int(start);
  const e = int(end);
  if (!(e > s)) throw errors.invalid(field, `the period must end after it starts (${s} → ${e})`);
  return { start: s, end: e };
}

/**
 * The usage records the caller may see as part of a bill. Without an account, a caller who may not
 * read every bill gets the usage of its own organization's accounts, each asked for on its own, so
 * that the limit counts records it sees rather than records filtered away.
 */
async function visibleUsage(
  billing: Billing,
  ctx: Pick<CallContext, 'may' | 'principal'>,
  filter: UsageFilter,
): Promise<UsageRecord[]> {
  const { may, principal } = ctx;
  // One account's usage was decided on as a whole; a bill of no organization is one only a
  // system admin may read, who sees every record.
  if (!may || !principal || filter.accountId || may('bill.read', { type: 'bill' }))
    return billing.usage(filter);
  const accounts = visible(
    ctx,
    'bill.read',
    await billing.listAccounts({ organization: principal.organization }),
    (a) => ({ type: 'bill', id: a.id, organization: a.organization }),
  );
  const records = (
    await Promise.all(accounts.map((a) => billing.usage({ ...filter, accountId: a.id })))
  ).flat();
  records.sort((x, y) => {
    const at = (x.billedAt ?? x.start) - (y.billedAt ?? y.start);
    return at !== 0 ? at : x.key < y.key ? -1 : x.key > y.key ? 1 : 0;
  });
  return filter.limit ? records.slice(0, filter.limit) : records;
}

export function accountingHandlers(billing: Billing): Handlers<typeof AccountingServiceDefinition> {
  return {
    createAccount: async (req, ctx) =>
      accountToPb(
        await billing.createAccount({
          id: req.id ?? '',
          customer: req.customer || req.id || '',
          name: req.name || req.id || '',
          kind: oneOf(req.kind || 'postpaid', KINDS, 'kind'),
          currency: req.currency || 'EUR',
          onZero: oneOf(req.onZero || 'suspend', ON_ZERO, 'on_zero'),
          organization: req.organization || ctx.principal?.organization || 'default',
        }),
      ),
    getAccount: async (req) => accountToPb(await billing.account(req.id ?? '')),
    listAccounts: async (req, ctx) => {
      const list = await billing.listAccounts({
        ...(req.customer ? { customer: req.customer } : {}),
        ...(req.organization ? { organization: req.organization } : {}),
      });
      const mine = visible(ctx, 'account.read', list, (a) => ({
        type: 'account',
        id: a.id,
        organization: a.organization,
      }));
      return { accounts: mine.map(accountToPb) };
    },
    topUp: async (req) =>
      accountToPb(await billing.topUp(req.accountId ?? '', req.amount ?? '', req.key ?? '')),
    ingestUsage: async (req) => {
      const now = Date.now();
      return billing.ingest(
        (req.records ?? []).map((r) => ({
          key: r.key ?? '',
          accountId: r.accountId ?? '',
          service: r.service ?? '',
          component: r.component ?? '',
          vmId: r.vmId ?? '',
          site: r.site ?? '',
          metric: r.metric ?? '',
          quantity: r.quantity ?? '',
          start: int(r.startMs),
          end: int(r.endMs),
          recordedAt: now,
        })),
      );
    },
    listUsage: async (req, ctx) => ({
      records: (
        await visibleUsage(billing, ctx, {
          ...(req.accountId ? { accountId: req.accountId } : {}),
          ...(req.service ? { service: req.service } : {}),
          ...(int(req.fromMs) ? { from: int(req.fromMs) } : {}),
          ...(int(req.toMs) ? { to: int(req.toMs) } : {}),
          ...(req.limit ? { limit: req.limit } : {}),
        })
      ).map(usageToPb),
    }),
    getPrices: async (req) => ({
      organization: req.organization ?? '',
      yaml: await billing.getPrices(req.organization ?? ''),
    }),
    setPrices: async (req) => ({
      organization: req.organization ?? '',
      yaml: await billing.setPrices(req.organization ?? '', req.yaml ?? ''),
    }),
    runBilling: async (req) => billing.run(period(req.periodStartMs, req.periodEndMs, 'period')),
    getBill: async (req) => {
      const p = period(req.periodStartMs, req.periodEndMs, 'period');
      const inv = await billing.bill(req.accountId ?? '', p);
      return invoiceToPb(inv, 'id' in inv ? inv.id : '');
    },
    quoteCost: async (req) => {
      const q = await billing.quote(
        req.organization ?? '',
        (req.components ?? []).map((c, i) => ({
          component: c.component || `component-${i}`,
          vcpus: c.vcpus ?? 0,
          memoryMib: int(c.memoryMib),
          diskMib: int(c.diskMib),
          instancesInitial: c.instancesInitial ?? 0,
          instancesMax: c.instancesMax ?? 0,
        })),
      );
      const cur = q.currency;
      return {
        currency: cur,
        perHourAtInitial: perHourText(q.monthAtInitial, cur),
        perHourAtMax: perHourText(q.monthAtMax, cur),
        perMonthAtInitial: preciseText(q.monthAtInitial, cur),
        perMonthAtMax: preciseText(q.monthAtMax, cur),
        costPerHourAtInitial: perHourText(q.costMonthAtInitial, cur),
        marginPercent: marginPercent(q.monthAtInitial, q.costMonthAtInitial),
        components: q.components.map((c) => ({
          component: c.component,
          perInstanceHour: perHourText(c.perInstanceMonth, cur),
          perInstanceMonth: preciseText(c.perInstanceMonth, cur),
          costPerInstanceHour: perHourText(c.costPerInstanceMonth, cur),
        })),
      };
    },
    getProfitability: async (req) => ({
      services: (
        await billing.profitability(
          period(req.periodStartMs, req.periodEndMs, 'period'),
          req.service || undefined,
        )
      ).map((p) => ({
        service: p.service,
        accountId: p.accountId,
        currency: p.currency,
        revenue: money(p.revenue, p.currency),
        cost: money(p.cost, p.currency),
        margin: money(p.revenue - p.cost, p.currency),
        marginPercent: marginPercent(p.revenue, p.cost),
      })),
    }),
  };
}
