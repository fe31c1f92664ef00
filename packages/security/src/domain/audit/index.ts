export { canonicalJson, toJson, type Json } from './canonical-json.js';
export {
  AUDIT_DECISIONS,
  toAuditRecord,
  type AuditDecision,
  type AuditDraft,
  type AuditEntry,
  type AuditOutcome,
  type AuditRecord,
  type AuditResource,
} from './entry.js';
export {
  ChainVerifier,
  GENESIS_HASH,
  entryHash,
  sealEntries,
  type BreakReason,
  type ChainBreak,
  type ChainHead,
} from './chain.js';
