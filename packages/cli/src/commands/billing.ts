import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AccountingServiceDefinition, reservoir } from '@reservoir/contracts';
import { createClient, ReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { GlobalOptions } from '../command-context.js';
import { resolvePlatformEndpoint } from '../endpoints.js';
import { componentResources, readManifest } from '@reservoir/service-manager';
import { details, printJson, table } from '../output.js';
import { readManifestInput } from './service-input.js';

type AccountingClient = ClosableClient<typeof AccountingServiceDefinition>;
type Opts = GlobalOptions & { accountingEndpoint?: string };

async function withAccounting<T>(cmd: Command, fn: (c: AccountingClient, g: Opts) => Promise<T>): Promise<T> {
  const g = cmd.optsWithGlobals<Opts>();
  const endpoint = resolvePlatformEndpoint(
    g.accountingEndpoint,
    g,
    'accounting',
    '--accounting-endpoint',
    'RESERVOIR_ACCOUNTING_ENDPOINT',
    'accounting service',
  );
  const c = createClient(AccountingServiceDefinition, endpoint, { deadlineMs: 60_000 });
  try {
    return await fn(c, g);
  } finally {
    c.close();
  }
}

/** "2026-11" (a calendar month, UTC) or "START..END" in ISO dates → [start, end) in ms. */
export function parseBillingPeriod(raw: string): { start: number; end: number } {
  const month = /^(\d{4})-(\d{2})$/.exec(raw.trim());
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw new ReservoirError('INVALID_ARGUMENT', `--period: "${raw}" has no month ${m}`);
    return { start: Date.UTC(y, m - 1, 1), end: Date.UTC(y, m, 1) };
  }
  const range = /^(.+)\.\.(.+)$/.exec(raw.trim());
  const start = range ? Date.parse(range[1]!) : NaN;
  const end = range ? Date.parse(range[2]!) : NaN;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `--period: "${raw}" must be a month such as 2026-11, or START..END in ISO dates with END after START`,
    );
  return { start, end };
}

function thisMonth(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

function printAccount(a: reservoir.accounting.v1.IAccount, json: boolean): void {
  if (json)
    return printJson(
      reservoir.accounting.v1.Account.toObject(a as reservoir.accounting.v1.Account, {
        defaults: true,
        longs: Number,
      }),
    );
  process.stdout.write(
    details([
      ['account', a.id],
      ['customer', a.customer],
      ['kind', a.kind],
      ['state', a.state],
      ['balance', `${a.balance} ${a.currency}`],
      ['on zero', a.onZero],
      ['organization', a.organization],
    ]) + '\n',
  );
}

/** `reservoir account|bill|price|usage`: accounting and billing. */
export function registerBillingCommands(program: Command): void {
  const endpoint = [
    '--accounting-endpoint <host:port>',
    'accounting service (default: RESERVOIR_ACCOUNTING_ENDPOINT, or the one under "reservoir up")',
  ] as const;

  const account = program
    .command('account')
    .description('customer accounts: prepaid credit or postpaid invoices');
  account
    .command('create <id>')
    .option(...endpoint)
    .option('--customer <name>', 'the customer (default: the id)')
    .option('--kind <kind>', 'prepaid or postpaid', 'postpaid')
    .option('--currency <code>', 'ISO 4217 currency', 'EUR')
    .option(
      '--on-zero <action>',
      'for prepaid: warn, suspend or abort the services at zero credit',
      'suspend',
    )
    .option('--org <organization>', 'the organization whose usage the account pays', 'default')
    .action(async (id: string, o, cmd: Command) =>
      withAccounting(cmd, async (c, g) =>
        printAccount(
          await c.createAccount({
            id,
            customer: o.customer ?? id,
            name: id,
            kind: o.kind,
            currency: o.currency,
            onZero: o.onZero,
            organization: o.org,
          }),
          !!g.json,
        ),
      ),
    );
  account
    .command('show <id>')
    .option(...endpoint)
    .action(async (id: string, _o, cmd: Command) =>
      withAccounting(cmd, async (c, g) => printAccount(await c.getAccount({ id }), !!g.json)),
    );
  account
    .command('list')
    .option(...endpoint)
    .action(async (_o, cmd: Command) =>
      withAccounting(cmd, async (c, g) => {
        const r = await c.listAccounts({});
        if (g.json)
          return printJson(
            reservoir.accounting.v1.ListAccountsResponse.toObject(
              r as reservoir.accounting.v1.ListAccountsResponse,
              { defaults: true, longs: Number },
            ),
          );
        process.stdout.write(
          table(
            ['ACCOUNT', 'CUSTOMER', 'KIND', 'STATE', 'BALANCE', 'ORGANIZATION'],
            (r.accounts ?? []).map((a) => [
              a.id ?? '',
              a.customer ?? '',
              a.kind ?? '',
              a.state ?? '',
              `${a.balance} ${a.currency}`,
              a.organization ?? '',
            ]),
          ) + '\n',
        );
      }),
    );
  account
    .command('topup <id> <amount>')
    .description('credit a prepaid account; a suspended one resumes once its credit is positive')
    .option(...endpoint)
    .requiredOption('--key <key>', 'idempotency key: the same top-up retried credits once')
    .action(async (id: string, amount: string, o: { key: string }, cmd: Command) =>
      withAccounting(cmd, async (c, g) =>
        printAccount(await c.topUp({ accountId: id, amount, key: o.key }), !!g.json),
      ),
    );

  const bill = program.command('bill').description('invoices and margins');
  bill
    .command('show <account>')
    .description('the invoice of an account for a period (issued, or as it would be now)')
    .option(...endpoint)
    .option('--period <period>', 'a month (2026-11) or START..END; default: this month')
    .option('--issue', 'run the invoice run for the period first (charges every account once)')
    .action(async (accountId: string, o: { period?: string; issue?: boolean }, cmd: Command) =>
      withAccounting(cmd, async (c, g) => {
        const p = parseBillingPeriod(o.period ?? thisMonth());
        if (o.issue) await c.runBilling({ periodStartMs: p.start, periodEndMs: p.end });
        const inv = await c.getBill({ accountId, periodStartMs: p.start, periodEndMs: p.end });
        if (g.json)
          return printJson(
            reservoir.accounting.v1.Invoice.toObject(inv as reservoir.accounting.v1.Invoice, {
              defaults: true,
              longs: Number,
            }),
          );
        process.stdout.write(
          `${inv.id ? `invoice ${inv.id}` : 'not issued yet (as of now)'}: ${accountId}, ${new Date(p.start).toISOString()} .. ${new Date(p.end).toISOString()}\n` +
            table(
              ['SERVICE', 'COMPONENT', 'METRIC', 'QUANTITY', 'UNIT', 'AMOUNT'],
              (inv.lines ?? []).map((l) => [
                l.service ?? '',
                l.component ?? '',
                l.metric ?? '',
                l.quantity ?? '',
                l.unit ?? '',
                l.amount ?? '',
              ]),
            ) +
            (inv.creditLines?.length
              ? `\n${table(
                  ['COMPENSATION', 'AMOUNT', 'APPLIED'],
                  inv.creditLines.map((c) => [c.description ?? '', c.amount ?? '', c.applied ?? '']),
                )}`
              : '') +
            `\nsubtotal ${inv.subtotal} ${inv.currency}, credits ${inv.credits}, total ${inv.total} ${inv.currency}${
              (inv.revision ?? 0) > 1 ? ` (revision ${inv.revision})` : ''
            }\n`,
        );
      }),
    );

  program.commands
    .find((c) => c.name() === 'bill')!
    .command('profit')
    .description("the provider's margin per service: its charges less compensations, against its costs")
    .option(...endpoint)
    .option('--period <period>', 'a month (2026-11) or START..END; default: this month')
    .option('--service <id>', 'only this service')
    .action(async (o: { period?: string; service?: string }, cmd: Command) =>
      withAccounting(cmd, async (c, g) => {
        const p = parseBillingPeriod(o.period ?? thisMonth());
        const r = await c.getProfitability({
          periodStartMs: p.start,
          periodEndMs: p.end,
          service: o.service ?? '',
        });
        if (g.json)
          return printJson(
            reservoir.accounting.v1.ProfitabilityResponse.toObject(
              r as reservoir.accounting.v1.ProfitabilityResponse,
              { defaults: true, longs: Number },
            ),
          );
        process.stdout.write(
          `${table(
            ['SERVICE', 'ACCOUNT', 'REVENUE', 'COST', 'MARGIN', 'MARGIN %'],
            (r.services ?? []).map((x) => [
              x.service ?? '',
              x.accountId ?? '',
              `${x.revenue} ${x.currency}`,
              `${x.cost} ${x.currency}`,
              `${x.margin} ${x.currency}`,
              x.marginPercent ? `${x.marginPercent}%` : '-',
            ]),
          )}\n`,
        );
      }),
    );

  const price = program.command('price').description('price lists (policy): rates, tiers, discounts');
  price
    .command('show')
    .option(...endpoint)
    .option('--org <organization>', "the organization's list (default: the site's default list)", '')
    .action(async (o: { org: string }, cmd: Command) =>
      withAccounting(cmd, async (c) => {
        process.stdout.write((await c.getPrices({ organization: o.org })).yaml ?? '');
      }),
    );
  price
    .command('estimate <manifest>')
    .description(
      "a month of a manifest at its initial and maximum sizes, by the price list, and the provider's margin",
    )
    .option(...endpoint)
    .option(
      '--org <organization>',
      "the organization whose prices apply (default: the site's default list)",
      '',
    )
    .action(async (file: string, o: { org: string }, cmd: Command) => {
      const input = await readManifestInput(file);
      const { manifest } = readManifest(input.text, input.fileName);
      await withAccounting(cmd, async (c, g) => {
        const q = await c.quoteCost({ organization: o.org, components: componentResources(manifest) });
        if (g.json)
          return printJson(
            reservoir.accounting.v1.Quote.toObject(q as reservoir.accounting.v1.Quote, {
              defaults: true,
              longs: Number,
            }),
          );
        process.stdout.write(
          `${table(
            ['COMPONENT', 'PER INSTANCE/H', 'PER INSTANCE/MONTH', 'COST/H'],
            (q.components ?? []).map((x) => [
              x.component ?? '',
              x.perInstanceHour ?? '',
              x.perInstanceMonth ?? '',
              x.costPerInstanceHour ?? '',
            ]),
          )}\n` +
            `${q.perHourAtInitial} ${q.currency}/h (${q.perMonthAtInitial} a 30-day month) at initial size, ` +
            `${q.perHourAtMax} ${q.currency}/h (${q.perMonthAtMax}) at maximum size\n` +
            `provider cost ${q.costPerHourAtInitial} ${q.currency}/h at initial size${
              q.marginPercent ? `, margin ${q.marginPercent}%` : ''
            }\n`,
        );
      });
    });
  price
    .command('set <file>')
    .description('validate a price list (YAML or JSON) and put it in effect')
    .option(...endpoint)
    .option('--org <organization>', 'the organization the list is for', '')
    .action(async (file: string, o: { org: string }, cmd: Command) =>
      withAccounting(cmd, async (c) => {
        const yaml = readFileSync(file, 'utf8');
        process.stdout.write((await c.setPrices({ organization: o.org, yaml })).yaml ?? '');
      }),
    );

  program
    .command('usage')
    .description('usage records')
    .command('list')
    .option(...endpoint)
    .option('--account <id>', 'only this account')
    .option('--service <id>', 'only this service')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (o: { account?: string; service?: string; limit: string }, cmd: Command) =>
      withAccounting(cmd, async (c, g) => {
        const r = await c.listUsage({
          accountId: o.account ?? '',
          service: o.service ?? '',
          limit: Number(o.limit),
        });
        if (g.json)
          return printJson(
            reservoir.accounting.v1.ListUsageResponse.toObject(
              r as reservoir.accounting.v1.ListUsageResponse,
              { defaults: true, longs: Number },
            ),
          );
        process.stdout.write(
          table(
            ['ACCOUNT', 'SERVICE', 'COMPONENT', 'VM', 'METRIC', 'QUANTITY', 'FROM', 'TO'],
            (r.records ?? []).map((u) => [
              u.accountId ?? '',
              u.service ?? '',
              u.component ?? '',
              u.vmId ?? '',
              u.metric ?? '',
              u.quantity ?? '',
              new Date(Number(u.startMs)).toISOString(),
              new Date(Number(u.endMs)).toISOString(),
            ]),
          ) + '\n',
        );
      }),
    );
}
