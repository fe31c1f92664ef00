import { describe, expect, it } from 'vitest';
import { transferSummary } from './transfer-summary.js';

const MIB = 2 ** 20;

describe('transferSummary', () => {
  it('gives phase, bytes sent of total and remaining in MiB, and the dirty rate only when there is one', () => {
    const t = {
      phase: 'memory',
      totalBytes: 310 * MIB,
      transferredBytes: 180 * MIB,
      remainingBytes: 12.5 * MIB,
      dirtyBytesPerSecond: 0,
    };
    expect(transferSummary(t)).toBe('memory, 180.0 MiB of 310.0 MiB sent, 12.5 MiB remaining');
    expect(transferSummary({ ...t, dirtyBytesPerSecond: 3.1 * MIB })).toBe(
      'memory, 180.0 MiB of 310.0 MiB sent, 12.5 MiB remaining, guest dirties 3.1 MiB/s',
    );
  });
});
