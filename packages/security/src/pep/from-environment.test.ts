import { describe, expect, it } from 'vitest';
import { rateLimitFromEnv } from './from-environment.js';

describe('RESERVOIR_RATE_LIMIT', () => {
  it('reads a rate, a burst, or off; the default when unset', () => {
    expect(rateLimitFromEnv(undefined)).toBeUndefined();
    expect(rateLimitFromEnv('off')).toBe(false);
    expect(rateLimitFromEnv('50')).toEqual({ perSecond: 50, burst: 100 });
    expect(rateLimitFromEnv(' 20000 , 500 ')).toEqual({ perSecond: 20000, burst: 500 });
  });

  it('names the variable and the value it refuses', () => {
    expect(() => rateLimitFromEnv('fast')).toThrow(/RESERVOIR_RATE_LIMIT: "fast" is not/);
    expect(() => rateLimitFromEnv('0')).toThrow(/RESERVOIR_RATE_LIMIT/);
  });
});
