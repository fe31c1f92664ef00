import fc from 'fast-check';
import { it } from 'vitest';
it('dbg', () => {
  const arb = fc.array(fc.oneof(fc.constant(1), fc.constant(2), fc.constant(3)), { minLength: 1, maxLength: 40 });
  const lens = fc.sample(arb, 20).map((a) => a.length);
  console.log(lens);
});
