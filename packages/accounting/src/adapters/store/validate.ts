import { errors } from '@reservoir/runtime';
import {
  ENTRY_KINDS,
  type Account,
  type InvoiceRecord,
  type NewJournalEntry,
  type UsageRecord,
} from '../../app/ports.js';

// Checked at the store's door (crosscutting §3.7.5): a bad record or entry never reaches the tables.

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

export function text(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') throw errors.invalid(field, 'must be a non-empty string');
}

function str(value: unknown, field: string): void {
  if (typeof value !== 'string') throw errors.invalid(field, 'must be a string');
}

export function instant(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw errors.invalid(field, 'must be a non-negative integer of epoch milliseconds');
  }
}

export function money(value: unknown, field: string): void {
  if (typeof value !== 'bigint') throw errors.invalid(field, 'must be a bigint of minor units');
  if (value > INT64_MAX || value < INT64_MIN) throw errors.invalid(field, 'does not fit in 64 bits');
}

function oneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw errors.invalid(field, `must be one of ${allowed.join(', ')}`);
  }
}

/** The quantity itself is checked where it is split (quantity.ts). */
export function checkUsage(r: UsageRecord, at: string): void {
  text(r.key, `${at}.key`);
  text(r.accountId, `${at}.accountId`);
  text(r.metric, `${at}.metric`);
  for (const f of ['service', 'component', 'vmId', 'site'] as const) str(r[f], `${at}.${f}`);
  instant(r.start, `${at}.start`);
  instant(r.end, `${at}.end`);
  instant(r.recordedAt, `${at}.recordedAt`);
  if (r.billedAt !== undefined) instant(r.billedAt, `${at}.billedAt`);
  if (r.end < r.start) throw errors.invalid(`${at}.end`, 'is before start');
}

export function checkAccount(a: Account): void {
  for (const f of ['id', 'customer', 'currency'] as const) text(a[f], f);
  str(a.name, 'name');
  str(a.organization, 'organization');
  oneOf(a.kind, ['prepaid', 'postpaid'], 'kind');
  oneOf(a.onZero, ['warn', 'suspend', 'abort'], 'onZero');
  oneOf(a.state, ['active', 'suspended'], 'state');
  instant(a.createdAt, 'createdAt');
}

export function checkEntry(e: NewJournalEntry): void {
  text(e.key, 'key');
  if (e.id !== undefined) text(e.id, 'id');
  instant(e.at, 'at');
  oneOf(e.kind, ENTRY_KINDS, 'kind');
  str(e.description, 'description');
  if (!Array.isArray(e.postings) || e.postings.length < 2) {
    throw errors.invalid('postings', `entry "${e.key}" needs at least two postings`);
  }
  let sum = 0n;
  e.postings.forEach((p, i) => {
    text(p.ledgerAccount, `postings[${i}].ledgerAccount`);
    money(p.amount, `postings[${i}].amount`);
    sum += p.amount;
  });
  if (sum !== 0n) {
    throw errors.invalid('postings', `entry "${e.key}" is unbalanced: its postings sum to ${sum}, not 0`);
  }
}

export function checkInvoice(inv: InvoiceRecord): void {
  for (const f of ['id', 'key', 'accountId', 'currency'] as const) text(inv[f], f);
  instant(inv.period?.start, 'period.start');
  instant(inv.period?.end, 'period.end');
  if (inv.period.end < inv.period.start) throw errors.invalid('period.end', 'is before start');
  money(inv.subtotal, 'subtotal');
  money(inv.credits, 'credits');
  money(inv.total, 'total');
  instant(inv.issuedAt, 'issuedAt');
  if (!Number.isSafeInteger(inv.revision) || inv.revision < 1)
    throw errors.invalid('revision', 'must be an integer from 1');
  if (!Number.isSafeInteger(inv.records) || inv.records < 0)
    throw errors.invalid('records', 'must be a non-negative integer');
}
