import type { ScaleInPolicy } from '../manifest/model.js';

export interface RunningInstance {
  id: string;
  /** When the instance was created; decides age for the scale-in policy. */
  startedAtMs: number;
}

/**
 * The `count` instances a scale-in removes: the youngest first (keeps warmed-up, long-lived ones)
 * or the oldest first (recycles them). Equal ages fall back to id order so the choice is deterministic.
 */
export function chooseVictims(
  instances: readonly RunningInstance[],
  count: number,
  policy: ScaleInPolicy,
): string[] {
  const sign = policy === 'youngest' ? -1 : 1;
  const ordered = [...instances].sort(
    (a, b) => sign * (a.startedAtMs - b.startedAtMs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ordered.slice(0, Math.max(0, count)).map((i) => i.id);
}
