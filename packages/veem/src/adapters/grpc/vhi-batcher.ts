import type { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { isErrorCode, ReservoirError, type ClosableClient } from '@reservoir/runtime';

type Op = reservoir.veeh.v1.BatchOp.$Properties;
type Result = reservoir.veeh.v1.BatchResult;

interface Pending {
  op: Op;
  resolve(r: Result): void;
  reject(e: unknown): void;
}

/**
 * Coalesces the life-cycle operations sent to one agent in the same turn of the event loop into
 * one Batch call (as OpenNebula's drivers take many actions per message). At a thousand
 * placements a second this is the difference between thousands of RPCs and a few dozen.
 */
export class VhiBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    private readonly client: ClosableClient<typeof HostAgentDefinition>,
    private readonly deadlineMs: number,
    private readonly maxBatch = 512,
  ) {}

  submit(op: Op): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const items = this.queue.splice(0, this.maxBatch);
      this.client.batch({ ops: items.map((i) => i.op) }, { deadlineMs: this.deadlineMs }).then(
        (r) =>
          items.forEach((item, k) => {
            const res = r.results[k] as Result | undefined;
            if (!res)
              item.reject(
                new ReservoirError(
                  'INTERNAL',
                  `agent ${this.client.address} answered ${r.results.length} of ${items.length} operations`,
                ),
              );
            else if (res.errorCode)
              item.reject(
                new ReservoirError(isErrorCode(res.errorCode) ? res.errorCode : 'INTERNAL', res.errorMessage),
              );
            else item.resolve(res);
          }),
        (e: unknown) => items.forEach((item) => item.reject(e)),
      );
    }
  }
}
