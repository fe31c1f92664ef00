import { errors } from '@reservoir/runtime';
import type { Account, AccountingStore, EntryKind, JournalEntry, NewJournalEntry } from './ports.js';

/*
 * Chart of ledger accounts. Amounts are signed minor units: positive debits, negative credits.
 * Provider-wide accounts carry the currency, so no sum ever mixes currencies.
 *
 *   customer:<accountId>               liability: the prepaid credit owed to the customer (credit-normal)
 *   receivable:<accountId>             asset: what a postpaid customer owes (debit-normal)
 *   cash:<currency>                    asset: money received
 *   revenue:<currency>                 income: usage charged (credit-normal)
 *   compensation-expense:<currency>    expense: SLA compensations granted (debit-normal)
 *
 *   top-up / payment   cash +A          customer|receivable −A
 *   charge             customer|receivable +A   revenue −A
 *   compensation       compensation-expense +A  customer|receivable −A
 *
 * So for either kind of account, minus the balance of its own ledger account is what stands in
 * the customer's favour: prepaid credit left, or (negative) what a postpaid customer owes.
 */
export const ledgerAccounts = {
  customer: (accountId: string) => `customer:${accountId}`,
  receivable: (accountId: string) => `receivable:${accountId}`,
  cash: (currency: string) => `cash:${currency}`,
  revenue: (currency: string) => `revenue:${currency}`,
  compensationExpense: (currency: string) => `compensation-expense:${currency}`,
};

/** The ledger account that holds a customer account's position. */
export function positionAccount(account: Pick<Account, 'id' | 'kind'>): string {
  return account.kind === 'prepaid'
    ? ledgerAccounts.customer(account.id)
    : ledgerAccounts.receivable(account.id);
}

export interface PostOptions {
  /** Epoch ms of the entry; default now. */
  at?: number;
  description?: string;
}

/** Ledger operations on a customer account; each is idempotent by its key. */
export class Ledger {
  constructor(
    private readonly store: AccountingStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Money received: credit for a prepaid account, a payment against a postpaid one. */
  topUp(accountId: string, amount: bigint, key: string, options: PostOptions = {}): Promise<JournalEntry> {
    return this.move(accountId, amount, key, 'topup', options, (a, pos) => [
      [ledgerAccounts.cash(a.currency), amount],
      [pos, -amount],
    ]);
  }

  /** Usage charged to the account, earned as revenue. */
  charge(accountId: string, amount: bigint, key: string, options: PostOptions = {}): Promise<JournalEntry> {
    return this.move(accountId, amount, key, 'charge', options, (a, pos) => [
      [pos, amount],
      [ledgerAccounts.revenue(a.currency), -amount],
    ]);
  }

  /** A compensation (SLA breach) credited to the account, borne as an expense. */
  credit(accountId: string, amount: bigint, key: string, options: PostOptions = {}): Promise<JournalEntry> {
    return this.move(accountId, amount, key, 'compensation', options, (a, pos) => [
      [ledgerAccounts.compensationExpense(a.currency), amount],
      [pos, -amount],
    ]);
  }

  /**
   * The journal entry of a charge, for posting many at once (the invoice run). A negative amount
   * (a revision that charges less) is an adjustment with the same legs reversed.
   */
  static chargeEntry(account: Account, amount: bigint, key: string, at: number): NewJournalEntry {
    return {
      key,
      at,
      kind: amount >= 0n ? 'charge' : 'adjustment',
      description: `${amount >= 0n ? 'charge' : 'charge reduced'} ${account.id}`,
      postings: [
        { ledgerAccount: positionAccount(account), amount },
        { ledgerAccount: ledgerAccounts.revenue(account.currency), amount: -amount },
      ],
    };
  }

  /** The journal entry of a compensation; negative when a revision grants less. */
  static compensationEntry(
    account: Account,
    amount: bigint,
    key: string,
    at: number,
    description: string,
  ): NewJournalEntry {
    return {
      key,
      at,
      kind: amount >= 0n ? 'compensation' : 'adjustment',
      description,
      postings: [
        { ledgerAccount: ledgerAccounts.compensationExpense(account.currency), amount },
        { ledgerAccount: positionAccount(account), amount: -amount },
      ],
    };
  }

  /** In the customer's favour: prepaid credit left, or minus what a postpaid customer owes. */
  async accountBalance(accountId: string): Promise<bigint> {
    const account = await this.account(accountId);
    return -(await this.store.balance(positionAccount(account)));
  }

  private async move(
    accountId: string,
    amount: bigint,
    key: string,
    kind: EntryKind,
    options: PostOptions,
    legs: (account: Account, position: string) => [string, bigint][],
  ): Promise<JournalEntry> {
    if (typeof amount !== 'bigint' || amount <= 0n) {
      throw errors.invalid('amount', `must be a positive bigint of minor units, got ${String(amount)}`);
    }
    const account = await this.account(accountId);
    return this.store.post({
      key,
      at: options.at ?? this.now(),
      kind,
      description: options.description ?? `${kind} ${accountId}`,
      postings: legs(account, positionAccount(account)).map(([ledgerAccount, a]) => ({
        ledgerAccount,
        amount: a,
      })),
    });
  }

  private async account(accountId: string): Promise<Account> {
    const account = await this.store.getAccount(accountId);
    if (!account) throw errors.notFound('account', accountId);
    return account;
  }
}
