import { describe, expect, it } from 'vitest';
import { parsePriceList } from './pricing.js';
import { marginPercent, perHourText, preciseText, quote } from './quote.js';

const LIST = parsePriceList(`currency: EUR
rules:
  - { metric: vm.hours, rate: "0.01", flat: "1.00" }
  - metric: vcpu.hours
    mode: graduated
    tiers: [{ upTo: "1000", rate: "0.02" }, { rate: "0.01" }]
  - { metric: memory.gib_hours, rate: "0.005" }
  - { metric: disk.gib_hours, rate: "0.0001" }
costs:
  - { metric: vcpu.hours, rate: "0.008" }
  - { metric: memory.gib_hours, rate: "0.002" }
`);

const JAN = Date.UTC(2026, 0, 5);

describe('quote', () => {
  it('rates a month of each instance by the same rules as the bill: flat fees and tiers included', () => {
    const q = quote(
      [{ component: 'web', vcpus: 2, memoryMib: 1536, diskMib: 10240, instancesInitial: 2, instancesMax: 5 }],
      LIST,
      JAN,
    );
    // A month of one instance: 720 VM-h × 0.01 + 1.00 flat = 8.20; 1440 vCPU-h: 1000 × 0.02 +
    // 440 × 0.01 = 24.40; 1080 GiB-h of memory × 0.005 = 5.40; 7200 GiB-h of disk × 0.0001 = 0.72.
    expect(preciseText(q.components[0]!.perInstanceMonth, 'EUR')).toBe('38.72');
    expect(preciseText(q.monthAtInitial, 'EUR')).toBe('77.44');
    expect(preciseText(q.monthAtMax, 'EUR')).toBe('193.60');
    expect(perHourText(q.components[0]!.perInstanceMonth, 'EUR')).toBe('0.053778');
    // Costs: 1440 × 0.008 + 1080 × 0.002 = 13.68 an instance.
    expect(preciseText(q.costMonthAtInitial, 'EUR')).toBe('27.36');
    expect(marginPercent(q.monthAtInitial, q.costMonthAtInitial)).toBe('64.67');
  });

  it('has no margin to speak of when the price is zero', () => {
    expect(marginPercent(0n, 10n)).toBe('');
    expect(marginPercent(100n, 150n)).toBe('-50');
  });
});
