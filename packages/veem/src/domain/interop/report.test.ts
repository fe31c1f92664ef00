import { describe, expect, it } from 'vitest';
import {
  compareDifferences,
  hasBlocking,
  orderDifferences,
  worstSeverity,
  type Difference,
} from './report.js';

function d(
  code: string,
  severity: Difference['severity'],
  field = 'vm.x',
  message = `${code} at ${field}`,
): Difference {
  return { code, severity, field, message };
}

describe('orderDifferences', () => {
  it('sorts by severity (blocking first), then code, then field', () => {
    const out = orderDifferences([
      d('FAMILY_CHANGE', 'info'),
      d('VCPU_LIMIT', 'blocking'),
      d('ADDRESS_CHANGE', 'warning', 'vm.nics[1].ip'),
      d('MEMORY_LIMIT', 'blocking'),
      d('ADDRESS_CHANGE', 'warning', 'vm.nics[0].ip'),
      d('DISK_CONVERSION', 'info'),
    ]);
    expect(out.map((x) => `${x.severity}:${x.code}:${x.field}`)).toEqual([
      'blocking:MEMORY_LIMIT:vm.x',
      'blocking:VCPU_LIMIT:vm.x',
      'warning:ADDRESS_CHANGE:vm.nics[0].ip',
      'warning:ADDRESS_CHANGE:vm.nics[1].ip',
      'info:DISK_CONVERSION:vm.x',
      'info:FAMILY_CHANGE:vm.x',
    ]);
  });

  it('is the same whatever order the differences come in', () => {
    const ds = [d('B', 'warning'), d('A', 'info'), d('C', 'blocking'), d('A', 'warning', 'vm.y')];
    expect(orderDifferences([...ds].reverse())).toEqual(orderDifferences(ds));
    expect([...ds].sort(compareDifferences)).toEqual(orderDifferences(ds));
  });

  it('keeps one of the same difference reached twice, at its most severe', () => {
    const out = orderDifferences([
      d('X', 'info', 'f', 'm'),
      d('X', 'warning', 'f', 'm'),
      d('X', 'info', 'f', 'm'),
    ]);
    expect(out).toEqual([d('X', 'warning', 'f', 'm')]);
  });
});

describe('worstSeverity and hasBlocking', () => {
  it('finds the most severe, undefined when there is nothing', () => {
    expect(worstSeverity([])).toBeUndefined();
    expect(worstSeverity([d('A', 'info'), d('B', 'warning')])).toBe('warning');
    expect(worstSeverity([d('A', 'info'), d('B', 'blocking'), d('C', 'warning')])).toBe('blocking');
    expect(hasBlocking([d('A', 'warning')])).toBe(false);
    expect(hasBlocking([d('A', 'warning'), d('B', 'blocking')])).toBe(true);
  });
});
