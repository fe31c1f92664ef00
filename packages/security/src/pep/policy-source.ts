// Keeps a process's decision point on the policy version in force. Every replica reads the store's
// version number every pollMs and reloads when it changed, so all of them decide under the same
// version within pollMs of an apply; a document that fails to compile keeps the previous one.

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { DecisionPoint } from '../app/decision-point.js';
import type { PolicyStore, StoredPolicy } from '../app/ports.js';
import { DEFAULT_POLICY_YAML } from '../domain/pdp/index.js';

export function policyDigest(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

export class PolicySource {
  #dp: DecisionPoint;
  #version = 0;
  #timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly store: PolicyStore,
    private readonly logger: Logger | undefined,
    dp: DecisionPoint,
  ) {
    this.#dp = dp;
  }

  /** Loads the version in force (the built-in default before any apply) and starts watching. */
  static async open(
    store: PolicyStore,
    options: { pollMs?: number; logger?: Logger } = {},
  ): Promise<PolicySource> {
    const stored = await store.currentPolicy();
    const source = new PolicySource(
      store,
      options.logger,
      new DecisionPoint({ policy: stored?.document ?? DEFAULT_POLICY_YAML }),
    );
    source.#version = stored?.version ?? 0;
    const pollMs = options.pollMs ?? 2_000;
    if (pollMs > 0) {
      source.#timer = setInterval(() => void source.refresh(), pollMs);
      source.#timer.unref();
    }
    return source;
  }

  get decisionPoint(): DecisionPoint {
    return this.#dp;
  }

  /** The stored version deciding here (0: the built-in default). */
  get version(): number {
    return this.#version;
  }

  /** Reads the stored version now and reloads if it moved. */
  async refresh(): Promise<void> {
    try {
      const version = await this.store.policyVersion();
      if (version === this.#version) return;
      const stored = await this.store.currentPolicy();
      if (stored) this.#apply(stored);
    } catch (e) {
      this.logger?.error({ err: e }, 'policy refresh failed; the current policy keeps deciding');
    }
  }

  #apply(stored: StoredPolicy): void {
    this.#dp.reload(stored.document);
    this.#version = stored.version;
    this.logger?.info({ version: stored.version, digest: stored.digest }, 'access policy reloaded');
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
