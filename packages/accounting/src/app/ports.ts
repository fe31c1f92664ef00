// The accounting store port: usage counted once by its idempotency key, accounts, an append-only
// double-entry ledger whose balances are always derived from postings, and invoices. Money is
// bigint minor units everywhere; quantities are exact decimal text.

import type { Period } from '../domain/period.js';

export type { Period };

export interface UsageRecord {
  /** Idempotency key: the same usage delivered again (retry, replay, restarted consumer) counts once. */
  key: string;
  accountId: string;
  service: string;
  component: string;
  vmId: string;
  site: string;
  metric: string;
  /** Non-negative decimal text, at most 18 integer and 12 fractional digits, e.g. "0.25". */
  quantity: string;
  /** Epoch ms. */
  start: number;
  end: number;
  recordedAt: number;
  /**
   * The instant whose period the record is rated into: its start, or when it arrived later than the
   * late window allows, its arrival (see lateUsage). Absent means the start.
   */
  billedAt?: number;
}

export interface IngestResult {
  /** Records stored now for the first time. */
  accepted: number;
  /** Records whose key was already stored, or repeated within the batch. */
  duplicates: number;
}

export interface UsageFilter {
  accountId?: string;
  service?: string;
  /** Records rated into an instant (billedAt) at or after this one (epoch ms). */
  from?: number;
  /** Records rated into an instant before this one (epoch ms). */
  to?: number;
  limit?: number;
}

/** The usage of one (account, service, component, metric) over a period. */
export interface UsageAggregate {
  accountId: string;
  service: string;
  component: string;
  metric: string;
  /** Exact decimal sum of the records' quantities. */
  quantity: string;
  records: number;
}

export type AccountKind = 'prepaid' | 'postpaid';
export type OnZero = 'warn' | 'suspend' | 'abort';
export type AccountState = 'active' | 'suspended';

export interface Account {
  id: string;
  customer: string;
  name: string;
  kind: AccountKind;
  /** ISO 4217 code; every amount of the account is in its minor units. */
  currency: string;
  /** What happens to a prepaid account's services when its credit reaches zero. */
  onZero: OnZero;
  organization: string;
  createdAt: number;
  state: AccountState;
}

export interface AccountFilter {
  customer?: string;
  organization?: string;
}

export const ENTRY_KINDS = ['topup', 'charge', 'credit', 'compensation', 'invoice', 'adjustment'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Posting {
  ledgerAccount: string;
  /** Signed minor units: positive debits, negative credits the ledger account. */
  amount: bigint;
}

export interface JournalEntry {
  id: string;
  /** Unique idempotency key, e.g. "charge:<account>:<period>". */
  key: string;
  at: number;
  kind: EntryKind;
  description: string;
  /** Always sums to zero. */
  postings: Posting[];
}

/** An entry to post; the store assigns an id when none is given. */
export type NewJournalEntry = Omit<JournalEntry, 'id'> & { id?: string };

export interface EntryFilter {
  ledgerAccount?: string;
  kind?: EntryKind;
  from?: number;
  to?: number;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface InvoiceRecord {
  id: string;
  accountId: string;
  period: Period;
  currency: string;
  /** Line items as the rating produced them (amounts as decimal strings: JSON has no bigint). */
  lines: Json;
  subtotal: bigint;
  credits: bigint;
  total: bigint;
  issuedAt: number;
  /** Unique idempotency key, e.g. "invoice:<account>:<period>" (":r<N>" from revision 2 on). */
  key: string;
  /** 1 for the first invoice of the period; a later revision replaces the earlier ones. */
  revision: number;
  /** How many usage records it rated: more records for the period call for a revision. */
  records: number;
  /** SLA compensations granted for the period: {key, description, amount, applied} (amounts as text). */
  creditLines: Json;
}

export interface InvoiceFilter {
  accountId?: string;
  /** Invoices whose period starts at or after this instant. */
  from?: number;
  /** Invoices whose period starts before this instant. */
  to?: number;
}

export interface AccountingStore {
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Stores a batch in one transaction; a key already stored (or repeated in the batch) counts as a duplicate. */
  ingest(records: readonly UsageRecord[]): Promise<IngestResult>;
  /** Usage records ordered by billedAt, then key. */
  usage(filter?: UsageFilter): Promise<UsageRecord[]>;
  /** Exact sums per (account, service, component, metric) of the records rated into the period. */
  aggregateUsage(
    period: Period,
    filter?: Pick<UsageFilter, 'accountId' | 'service'>,
  ): Promise<UsageAggregate[]>;

  /** ALREADY_EXISTS when the id is taken. */
  createAccount(account: Account): Promise<void>;
  getAccount(id: string): Promise<Account | undefined>;
  listAccounts(filter?: AccountFilter): Promise<Account[]>;
  /** Replaces every field but id and createdAt; NOT_FOUND when there is no such account. */
  updateAccount(account: Account): Promise<void>;
  /** Removes the account row only: its ledger entries stay, as the ledger is append-only. */
  deleteAccount(id: string): Promise<boolean>;

  /**
   * Appends a balanced entry. A second post under the same key returns the first entry; a
   * different body (kind, description or postings) under that key is refused with ALREADY_EXISTS.
   */
  post(entry: NewJournalEntry): Promise<JournalEntry>;
  /** post() for many entries in one transaction: all are stored (or found) or none. Same order as given. */
  postAll(entries: readonly NewJournalEntry[]): Promise<JournalEntry[]>;
  entry(key: string): Promise<JournalEntry | undefined>;
  /** Entries ordered by time, then key. */
  entries(filter?: EntryFilter): Promise<JournalEntry[]>;
  /** Sum of the ledger account's postings (0 when it has none). */
  balance(ledgerAccount: string): Promise<bigint>;
  /** Balance of every ledger account whose name starts with prefix, ordered by name. */
  balances(prefix: string): Promise<Map<string, bigint>>;

  /** Idempotent by key like post(). */
  saveInvoice(invoice: InvoiceRecord): Promise<InvoiceRecord>;
  saveInvoices(invoices: readonly InvoiceRecord[]): Promise<InvoiceRecord[]>;
  /**
   * Posts the entries and saves the invoices in one transaction: a crash leaves either both or
   * neither, so an invoice never lacks its charge and a charge never lacks its invoice.
   */
  issue(entries: readonly NewJournalEntry[], invoices: readonly InvoiceRecord[]): Promise<void>;
  getInvoice(id: string): Promise<InvoiceRecord | undefined>;
  invoiceByKey(key: string): Promise<InvoiceRecord | undefined>;
  /** Invoices ordered by period start, then account. */
  invoices(filter?: InvoiceFilter): Promise<InvoiceRecord[]>;
}
