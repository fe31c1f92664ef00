import { errors, type Logger } from '@reservoir/runtime';
import {
  applyPolicyChange,
  DEFAULT_POLICY,
  type PolicyChange,
  type PolicySettings,
} from './policy-settings.js';
import type { PolicyEvents, PolicyRepository } from './ports.js';

const SAVE_ATTEMPTS = 5;

/**
 * The site's current policy: durable in the engine's database, held in memory for decisions,
 * changed through compare-and-set on its version so replicas sharing a database never lose a
 * change. Listeners hear every new version, whichever replica made it.
 */
export class PolicyStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(p: PolicySettings) => void>();
  private unsubscribe: (() => Promise<void>) | undefined;

  private constructor(
    private current: PolicySettings,
    private readonly repository: PolicyRepository,
    private readonly events: PolicyEvents | undefined,
    private readonly logger: Logger,
  ) {}

  /** Loads the stored policy, storing the default on first start. */
  static async open(repository: PolicyRepository, events: PolicyEvents | undefined, logger: Logger) {
    let policy = await repository.load();
    if (!policy) {
      await repository.save(DEFAULT_POLICY, undefined);
      policy = (await repository.load()) ?? DEFAULT_POLICY;
    }
    return new PolicyStore(policy, repository, events, logger);
  }

  /** The policy the next decision uses. */
  get(): PolicySettings {
    return this.current;
  }

  /** Re-reads the stored policy (another replica may have changed it). */
  async refresh(): Promise<PolicySettings> {
    const stored = await this.repository.load();
    if (stored) this.adopt(stored);
    return this.current;
  }

  /** Checks and stores a change; the new version applies from the next decision. */
  set(change: PolicyChange): Promise<PolicySettings> {
    const run = this.queue.then(() => this.write(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  onChange(listener: (p: PolicySettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows changes announced by other replicas. */
  async watch(): Promise<void> {
    if (!this.events || this.unsubscribe) return;
    this.unsubscribe = await this.events.subscribe((version) => {
      if (version > this.current.version)
        this.refresh().catch((e: unknown) =>
          this.logger.warn({ err: (e as Error).message }, 'policy reload failed'),
        );
    });
  }

  async close(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async write(change: PolicyChange): Promise<PolicySettings> {
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const base = (await this.repository.load()) ?? this.current;
      const next = applyPolicyChange(base, change);
      if (await this.repository.save(next, base.version)) {
        this.adopt(next);
        this.logger.info({ policy: next }, 'policy changed');
        this.events?.published(next);
        return next;
      }
    }
    throw errors.aborted(`the policy kept changing under this update (${SAVE_ATTEMPTS} attempts); try again`);
  }

  private adopt(p: PolicySettings): void {
    // Versions only grow: a read that raced a newer write never takes the policy back.
    if (p.version <= this.current.version) return;
    this.current = p;
    for (const l of [...this.listeners]) l(p);
  }
}
