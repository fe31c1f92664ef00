export * from './domain/identity/index.js';
export * from './domain/audit/index.js';
export * from './app/identities.js';
export * from './app/audit-log.js';
export type * from './app/ports.js';
export { SqlSecurityStore } from './adapters/store/sql-security-store.js';
export * from './domain/pdp/index.js';
export * from './app/decision-point.js';
