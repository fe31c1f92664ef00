import { isReservoirError, type Logger } from '@reservoir/runtime';
import type { Optimizer } from './optimizer.js';
import type { PolicyStore } from './policy-store.js';

/**
 * The periodic optimization cycle: every `cycle_interval_seconds` of the current policy (none
 * when 0), an optimization that runs its plan. A policy change re-arms the timer at once; a
 * cycle that finds a run in progress lets it be.
 */
export class OptimizeCycle {
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly optimizer: Optimizer,
    private readonly policies: PolicyStore,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.unsubscribe ??= this.policies.onChange(() => this.arm());
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    await this.inFlight;
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const seconds = this.policies.get().cycleIntervalSeconds;
    if (this.stopped || seconds <= 0 || !this.optimizer.configured) return;
    this.timer = setTimeout(() => {
      this.inFlight = this.cycle().finally(() => {
        this.inFlight = undefined;
        this.arm();
      });
    }, seconds * 1000);
  }

  private async cycle(): Promise<void> {
    if (this.optimizer.busy) {
      this.logger.debug('optimization cycle skipped: a run is in progress');
      return;
    }
    try {
      const { result, task } = await this.optimizer.optimize({ dryRun: false });
      this.logger.info(
        { status: result.status, migrations: result.plan.length, task: task?.id },
        'optimization cycle',
      );
    } catch (e) {
      const message = isReservoirError(e) ? e.toString() : (e as Error).message;
      this.logger.warn({ err: message }, 'optimization cycle failed');
    }
  }
}
