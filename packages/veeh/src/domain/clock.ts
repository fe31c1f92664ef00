/** Time as the domain sees it: injected, so latencies and measurements are deterministic in tests. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}
