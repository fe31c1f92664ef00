import { describe, expect, it } from 'vitest';
import { billingInstant } from './late-usage.js';

const H = 3600_000;

describe('billingInstant', () => {
  const record = { start: 10 * H, end: 11 * H };

  it('rates usage into its own period while it arrives within the window after it ended', () => {
    expect(billingInstant(record, 11 * H, 2 * H)).toBe(10 * H);
    expect(billingInstant(record, 13 * H, 2 * H)).toBe(10 * H);
  });

  it('rates usage later than the window into the period it arrived in', () => {
    expect(billingInstant(record, 13 * H + 1, 2 * H)).toBe(13 * H + 1);
    expect(billingInstant(record, 50 * H, 0)).toBe(50 * H);
  });
});
