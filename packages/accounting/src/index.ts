// Accounting and billing (SPEC ACC-1…ACC-9): usage, rating, ledger, invoices.
export {};
