// Accounting and billing (SPEC ACC-1…ACC-9): usage counted once, rating by price lists kept as
// policy, an append-only double-entry ledger, invoices and SLA compensations.
export * from './domain/money.js';
export * from './domain/metrics.js';
export * from './domain/period.js';
export * from './domain/pricing.js';
export * from './domain/rating.js';
export * from './domain/invoice.js';
export * from './domain/compensation.js';
export * from './domain/vm-usage.js';
export type {
  AccountingStore,
  UsageRecord,
  IngestResult,
  UsageFilter,
  UsageAggregate,
  Account,
  AccountKind,
  AccountState,
  OnZero,
  AccountFilter,
  EntryKind,
  Posting,
  JournalEntry,
  NewJournalEntry,
  EntryFilter,
  InvoiceRecord,
  InvoiceFilter,
  Json,
} from './app/ports.js';
export { ENTRY_KINDS } from './app/ports.js';
export { Ledger, ledgerAccounts, positionAccount, type PostOptions } from './app/ledger.js';
export { VmUsageCollector, type MeterStore, type VmLookup } from './app/vm-usage-collector.js';
export { SqlAccountingStore } from './adapters/store/sql-accounting-store.js';
export { SqlMeterStore } from './adapters/store/sql-meter-store.js';
export { ACCOUNTING_MIGRATIONS } from './adapters/store/accounting-migrations.js';
export { VmiVmLookup } from './adapters/grpc/vmi-vm-lookup.js';
export { followVmStates } from './adapters/mqtt/vm-state-events.js';
export {
  Billing,
  DEFAULT_PRICES,
  type AccountView,
  type PriceStore,
  type ServiceControl,
} from './app/billing.js';
export { SqlPriceStore } from './adapters/store/sql-price-store.js';
export {
  createAccounting,
  type CreateAccountingOptions,
  type RunningAccounting,
} from './create-accounting.js';
export { SmServiceControl } from './adapters/grpc/sm-service-control.js';
