import { GroupCommit, errors, isReservoirError, type SqlDatabase, type SqlValue } from '@reservoir/runtime';
import type {
  Account,
  AccountFilter,
  AccountingStore,
  EntryFilter,
  IngestResult,
  InvoiceRecord,
  InvoiceFilter,
  JournalEntry,
  NewJournalEntry,
  Period,
  UsageAggregate,
  UsageFilter,
  UsageRecord,
} from '../../app/ports.js';
import { ACCOUNTING_MIGRATIONS } from './accounting-migrations.js';
import { invoiceWhere, listInvoices, saveInvoices } from './invoice-sql.js';
import { balance, balances, entry, listEntries, postAll } from './ledger-sql.js';
import { aggregateUsage, ingest, usage } from './usage-sql.js';
import { checkAccount } from './validate.js';

interface AccountRow extends Record<string, unknown> {
  id: string;
  customer: string;
  name: string;
  kind: Account['kind'];
  currency: string;
  on_zero: Account['onZero'];
  organization: string;
  created_at: number;
  state: Account['state'];
}

const ACCOUNT_COLUMNS = 'id, customer, name, kind, currency, on_zero, organization, created_at, state';

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    customer: r.customer,
    name: r.name,
    kind: r.kind,
    currency: r.currency,
    onZero: r.on_zero,
    organization: r.organization,
    createdAt: Number(r.created_at),
    state: r.state,
  };
}

/** The accounting store over either SQL database; usage, ledger and invoice SQL live beside it. */
export class SqlAccountingStore implements AccountingStore {
  /** Account writes issued together commit together: creating thousands of accounts is one commit, not thousands. */
  private readonly writes: GroupCommit;

  constructor(private readonly db: SqlDatabase) {
    this.writes = new GroupCommit(db);
  }

  migrate(): Promise<void> {
    return this.db.migrate('accounting', ACCOUNTING_MIGRATIONS);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  ingest(records: readonly UsageRecord[]): Promise<IngestResult> {
    return ingest(this.db, records);
  }

  usage(filter?: UsageFilter): Promise<UsageRecord[]> {
    return usage(this.db, filter);
  }

  aggregateUsage(
    period: Period,
    filter?: Pick<UsageFilter, 'accountId' | 'service'>,
  ): Promise<UsageAggregate[]> {
    return aggregateUsage(this.db, period, filter);
  }

  async createAccount(account: Account): Promise<void> {
    checkAccount(account);
    try {
      await this.writes.exec(
        `INSERT INTO accounts (${ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          account.id,
          account.customer,
          account.name,
          account.kind,
          account.currency,
          account.onZero,
          account.organization,
          account.createdAt,
          account.state,
        ],
      );
    } catch (e) {
      if (isReservoirError(e) && e.code === 'ALREADY_EXISTS') throw errors.exists('account', account.id);
      throw e;
    }
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const rows = await this.db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toAccount(rows[0]);
  }

  async listAccounts(filter: AccountFilter = {}): Promise<Account[]> {
    const conds: string[] = [];
    const params: SqlValue[] = [];
    if (filter.customer !== undefined) {
      params.push(filter.customer);
      conds.push(`customer = $${params.length}`);
    }
    if (filter.organization !== undefined) {
      params.push(filter.organization);
      conds.push(`organization = $${params.length}`);
    }
    const rows = await this.db.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY id`,
      params,
    );
    return rows.map(toAccount);
  }

  async updateAccount(account: Account): Promise<void> {
    checkAccount(account);
    const changed = await this.db.exec(
      `UPDATE accounts SET customer = $2, name = $3, kind = $4, currency = $5, on_zero = $6, organization = $7,
         state = $8 WHERE id = $1`,
      [
        account.id,
        account.customer,
        account.name,
        account.kind,
        account.currency,
        account.onZero,
        account.organization,
        account.state,
      ],
    );
    if (changed === 0) throw errors.notFound('account', account.id);
  }

  async deleteAccount(id: string): Promise<boolean> {
    return (await this.db.exec('DELETE FROM accounts WHERE id = $1', [id])) > 0;
  }

  async post(e: NewJournalEntry): Promise<JournalEntry> {
    return (await postAll(this.db, [e]))[0] as JournalEntry;
  }

  postAll(entries: readonly NewJournalEntry[]): Promise<JournalEntry[]> {
    return postAll(this.db, entries);
  }

  entry(key: string): Promise<JournalEntry | undefined> {
    return entry(this.db, key);
  }

  entries(filter?: EntryFilter): Promise<JournalEntry[]> {
    return listEntries(this.db, filter);
  }

  balance(ledgerAccount: string): Promise<bigint> {
    return balance(this.db, ledgerAccount);
  }

  balances(prefix: string): Promise<Map<string, bigint>> {
    return balances(this.db, prefix);
  }

  async saveInvoice(invoice: InvoiceRecord): Promise<InvoiceRecord> {
    return (await saveInvoices(this.db, [invoice]))[0] as InvoiceRecord;
  }

  saveInvoices(invoices: readonly InvoiceRecord[]): Promise<InvoiceRecord[]> {
    return saveInvoices(this.db, invoices);
  }

  // The inner transactions join this one, so entries and invoices commit together.
  issue(entries: readonly NewJournalEntry[], invoices: readonly InvoiceRecord[]): Promise<void> {
    return this.db.transaction(async () => {
      if (entries.length) await postAll(this.db, entries);
      if (invoices.length) await saveInvoices(this.db, invoices);
    });
  }

  getInvoice(id: string): Promise<InvoiceRecord | undefined> {
    return invoiceWhere(this.db, 'id', id);
  }

  invoiceByKey(key: string): Promise<InvoiceRecord | undefined> {
    return invoiceWhere(this.db, 'key', key);
  }

  invoices(filter?: InvoiceFilter): Promise<InvoiceRecord[]> {
    return listInvoices(this.db, filter);
  }
}
