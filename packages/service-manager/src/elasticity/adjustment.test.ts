import { describe, expect, it } from 'vitest';
import { applyAdjustment } from './adjustment.js';

describe('applyAdjustment', () => {
  it('change adds or removes a fixed number of instances', () => {
    expect(applyAdjustment(3, { adjustment: 'change', value: 2, minStep: 1 })).toEqual({
      target: 5,
      description: 'change +2',
    });
    expect(applyAdjustment(3, { adjustment: 'change', value: -1, minStep: 1 }).target).toBe(2);
  });

  it('cardinality asks for an exact count', () => {
    expect(applyAdjustment(3, { adjustment: 'cardinality', value: 6, minStep: 1 })).toEqual({
      target: 6,
      description: 'cardinality 6',
    });
  });

  it('percentage rounds away from zero', () => {
    // +50 % of 3 = 1.5 → +2; −50 % of 3 = −1.5 → −2.
    expect(applyAdjustment(3, { adjustment: 'percentage', value: 50, minStep: 1 })).toEqual({
      target: 5,
      description: 'percentage +50% of 3 = 1.5 → +2',
    });
    expect(applyAdjustment(3, { adjustment: 'percentage', value: -50, minStep: 1 }).target).toBe(1);
    // Exactly 2 stays 2, despite 0.2 × 10 float noise.
    expect(applyAdjustment(10, { adjustment: 'percentage', value: 20, minStep: 1 }).target).toBe(12);
    expect(applyAdjustment(7, { adjustment: 'percentage', value: 110, minStep: 1 }).target).toBe(15); // 7.7 → 8
  });

  it('percentage moves by at least minStep', () => {
    // 10 % of 4 = 0.4 → 1, raised to the min step 2.
    expect(applyAdjustment(4, { adjustment: 'percentage', value: 10, minStep: 2 })).toEqual({
      target: 6,
      description: 'percentage +10% of 4 = 0.4 → +2 (min step 2)',
    });
    expect(applyAdjustment(4, { adjustment: 'percentage', value: -10, minStep: 3 }).target).toBe(1);
    // From zero instances a growth percentage still adds the min step.
    expect(applyAdjustment(0, { adjustment: 'percentage', value: 50, minStep: 1 }).target).toBe(1);
  });

  it('a zero percentage changes nothing', () => {
    expect(applyAdjustment(4, { adjustment: 'percentage', value: 0, minStep: 2 }).target).toBe(4);
  });
});
