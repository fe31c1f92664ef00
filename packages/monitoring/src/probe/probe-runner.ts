// One probe inside a data source: its description, sequence numbers and sampling timer.
import type { Logger } from '@reservoir/runtime';
import type { ProbeInfoJson, Sample } from '../codec/model.js';
import type { Sampler } from './probe-spec.js';

export class ProbeRunner {
  private timer: NodeJS.Timeout | undefined;
  private sampling = false;
  private seq = 0;

  constructor(
    public info: ProbeInfoJson,
    private readonly sampler: Sampler | undefined,
    private readonly onSample: (probe: ProbeRunner, sample: Sample) => void,
    private readonly logger: Logger,
  ) {}

  nextSeq(): number {
    return ++this.seq;
  }

  /** (Re)starts the timer from now, so a new rate or state applies within one period. */
  restart(): void {
    this.stop();
    if (!this.info.on || !this.sampler) return;
    this.timer = setInterval(() => void this.tick(), this.info.periodMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    // A sampler slower than the period skips periods rather than piling up.
    if (this.sampling || !this.sampler) return;
    this.sampling = true;
    try {
      const s = await this.sampler();
      if (s && this.timer) this.onSample(this, s);
    } catch (e) {
      this.logger.warn({ err: e, probe: this.info.id }, 'probe sampler failed');
    } finally {
      this.sampling = false;
    }
  }
}
