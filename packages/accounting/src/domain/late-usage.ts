// Late usage (ACC-2, ACC-8). A record is rated into the period of its own start when it arrives
// within the late window after it ended; a period already invoiced is then revised. Usage later
// than that would reopen periods without end, so it is rated into the period it arrived in
// instead: nothing is lost, and a closed period stays closed.

/** The default late window: a day, long enough for a site's collector to come back from an outage. */
export const DEFAULT_LATE_WINDOW_MS = 24 * 3600_000;

/** The instant whose period a record is rated into. */
export function billingInstant(
  record: { start: number; end: number },
  arrivedAt: number,
  lateWindowMs: number,
): number {
  return arrivedAt - record.end <= lateWindowMs ? record.start : Math.max(record.start, arrivedAt);
}
