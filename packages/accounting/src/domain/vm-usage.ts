import { errors } from '@reservoir/runtime';

// Usage of VMs from their state changes: a VM is charged while it holds its host (running, and
// the states around a run that keep its resources), in intervals closed at every state change and
// at every metering checkpoint, so a long-running VM is billed period by period (ACC-6) and a
// scaled service is billed per VM, however often it scales (ACC-2).

/** What is billed about a VM: where its usage goes and how large it is. */
export interface MeteredVm {
  vmId: string;
  site: string;
  accountId: string;
  service: string;
  component: string;
  vcpus: number;
  memoryMib: number;
  diskMib: number;
}

/** One usage record, before pricing; `key` makes it count once however often it is delivered. */
export interface VmUsageRecord {
  key: string;
  accountId: string;
  service: string;
  component: string;
  vmId: string;
  site: string;
  /** vm.hours, vcpu.hours, memory.gib_hours, disk.gib_hours; network.gib; kpi.<name>. */
  metric: string;
  /** Decimal text, exact: hours are whole milliseconds / 3,600,000 written to 12 decimals at most. */
  quantity: string;
  start: number;
  end: number;
}

/** States in which a VM holds its resources on a host and is charged for them. */
export const BILLED_STATES: ReadonlySet<string> = new Set([
  'running',
  'migrating',
  'saving',
  'shutdown',
  'unknown',
]);

/** An open interval: the VM has been billed up to `since`. */
export interface OpenInterval {
  vm: MeteredVm;
  since: number;
}

const MS_PER_HOUR = 3_600_000n;

/**
 * `num / den` as an exact decimal when it has one with at most `maxDecimals` digits, else rounded
 * half-even at that digit. An hour is 2^7 · 3^2 · 5^5 ms, so most millisecond counts have no
 * finite decimal in hours; 12 digits keep each record within 10^-12 hour of the truth.
 */
export function decimalOf(num: bigint, den: bigint, maxDecimals = 12): string {
  if (den <= 0n) throw errors.invalid('den', 'must be positive');
  const neg = num < 0n;
  const n = neg ? -num : num;
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = n * scale;
  let q = scaled / den;
  const r = scaled % den;
  // Round half-even at the last digit.
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q += 1n;
  const int = q / scale;
  let frac = (q % scale).toString().padStart(maxDecimals, '0').replace(/0+$/, '');
  if (frac) frac = `.${frac}`;
  return `${neg && q !== 0n ? '-' : ''}${int}${frac}`;
}

function records(vm: MeteredVm, start: number, end: number): VmUsageRecord[] {
  if (end <= start) return [];
  const ms = BigInt(end - start);
  const base = {
    accountId: vm.accountId,
    service: vm.service,
    component: vm.component,
    vmId: vm.vmId,
    site: vm.site,
    start,
    end,
  };
  const key = (metric: string) => `vm:${vm.site}:${vm.vmId}:${metric}:${start}-${end}`;
  const hours = (factor: bigint, den = 1n) => decimalOf(ms * factor, MS_PER_HOUR * den);
  return [
    { ...base, key: key('vm.hours'), metric: 'vm.hours', quantity: hours(1n) },
    { ...base, key: key('vcpu.hours'), metric: 'vcpu.hours', quantity: hours(BigInt(vm.vcpus)) },
    {
      ...base,
      key: key('memory.gib_hours'),
      metric: 'memory.gib_hours',
      quantity: hours(BigInt(vm.memoryMib), 1024n),
    },
    {
      ...base,
      key: key('disk.gib_hours'),
      metric: 'disk.gib_hours',
      quantity: hours(BigInt(vm.diskMib), 1024n),
    },
  ];
}

/**
 * The meter of one site's VMs. Pure: state changes and checkpoints come in with their times, the
 * records of every closed interval go out. Its open intervals are its whole state, so saving them
 * with the records they produced makes a restart continue exactly where the last save left off.
 */
export class VmUsageMeter {
  private readonly open = new Map<string, OpenInterval>();

  constructor(restored: readonly OpenInterval[] = []) {
    for (const i of restored) this.open.set(i.vm.vmId, { vm: { ...i.vm }, since: i.since });
  }

  /** The VM changed state at `at` (its size may have changed too: a resize starts a new interval). */
  onState(vm: MeteredVm, to: string, at: number): VmUsageRecord[] {
    const current = this.open.get(vm.vmId);
    const out: VmUsageRecord[] = [];
    if (current) {
      // An event older than what was billed (a replay) changes nothing.
      if (at < current.since) return [];
      out.push(...records(current.vm, current.since, at));
      this.open.delete(vm.vmId);
    }
    if (BILLED_STATES.has(to)) this.open.set(vm.vmId, { vm: { ...vm }, since: at });
    return out;
  }

  /**
   * Closes the open intervals (of the VMs in `only`, if given) at `at` and opens the next, so usage
   * reaches the bill before the VM stops.
   */
  checkpoint(at: number, only?: ReadonlySet<string>): VmUsageRecord[] {
    const out: VmUsageRecord[] = [];
    for (const i of this.open.values()) {
      if (at <= i.since || (only && !only.has(i.vm.vmId))) continue;
      out.push(...records(i.vm, i.since, at));
      i.since = at;
    }
    return out;
  }

  intervals(): OpenInterval[] {
    return [...this.open.values()].map((i) => ({ vm: { ...i.vm }, since: i.since }));
  }
}
