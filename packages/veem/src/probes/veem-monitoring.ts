// Lattice probes of a VEEM: one 'platform' data source per site with
//   vms    — VMs per state (one int attribute per state), every period;
//   queue  — VMs waiting for placement (state pending), every period;
//   tasks  — tasks not yet ended, tasks ended and the mean and longest duration of those that
//            ended during the last period, every period;
//   task   — one measurement per task as it ends: its operation, final state and duration.
import { DataSource, type AttributeSpec, type Sample } from '@reservoir/monitoring';
import { isTerminal, type Logger, type MessageBus, type Task } from '@reservoir/runtime';
import type { Veem } from '../app/veem.js';
import { VM_STATES } from '../domain/vm-state.js';

export interface VeemMonitoringOptions {
  veem: Veem;
  bus: MessageBus;
  site: string;
  /** Time between measurements of the periodic probes (default 5 s). */
  periodMs?: number;
  logger?: Logger;
}

export interface VeemMonitoring {
  readonly dataSourceId: string;
  stop(): Promise<void>;
}

export const VMS_PROBE_ATTRIBUTES: AttributeSpec[] = VM_STATES.map((state, i) => ({
  field: i + 1,
  name: state,
  type: 'int',
  units: '',
}));

export const QUEUE_PROBE_ATTRIBUTES: AttributeSpec[] = [
  { field: 1, name: 'pending', type: 'int', units: '' },
];

export const TASKS_PROBE_ATTRIBUTES: AttributeSpec[] = [
  { field: 1, name: 'active', type: 'int', units: '' },
  { field: 2, name: 'ended', type: 'int', units: '' },
  { field: 3, name: 'mean_duration', type: 'double', units: 'ms' },
  { field: 4, name: 'max_duration', type: 'int', units: 'ms' },
];

export const TASK_PROBE_ATTRIBUTES: AttributeSpec[] = [
  { field: 1, name: 'operation', type: 'string', units: '' },
  { field: 2, name: 'state', type: 'string', units: '' },
  { field: 3, name: 'duration', type: 'int', units: 'ms' },
];

/** VMs per state of an inventory, every state present (zero when none). */
export function vmsPerState(states: Iterable<string>): Sample {
  const counts: Record<string, number> = Object.fromEntries(VM_STATES.map((s) => [s, 0]));
  for (const s of states) if (s in counts) counts[s]! += 1;
  return counts;
}

export function taskDurationMs(t: Task): number {
  return Math.max(0, (t.endedAtMs ?? Date.now()) - (t.startedAtMs ?? t.createdAtMs));
}

export async function startVeemMonitoring(o: VeemMonitoringOptions): Promise<VeemMonitoring> {
  const periodMs = o.periodMs ?? 5_000;
  const id = `veem-${o.site}`;
  const ds = new DataSource({
    id,
    name: `VEEM of ${o.site}`,
    site: o.site,
    kind: 'platform',
    bus: o.bus,
    ...(o.logger ? { logger: o.logger } : {}),
  });
  const inv = o.veem.ctx.inv;
  const active = new Set<string>();
  let ended = 0;
  let window: number[] = [];

  ds.addProbe({
    id: `${id}:vms`,
    name: 'vms',
    attributes: VMS_PROBE_ATTRIBUTES,
    periodMs,
    sample: () => vmsPerState([...inv.vms.values()].map((vm) => vm.state)),
  });
  ds.addProbe({
    id: `${id}:queue`,
    name: 'queue',
    attributes: QUEUE_PROBE_ATTRIBUTES,
    periodMs,
    sample: () => {
      let pending = 0;
      for (const vm of inv.vms.values()) if (vm.state === 'pending') pending++;
      return { pending };
    },
  });
  ds.addProbe({
    id: `${id}:tasks`,
    name: 'tasks',
    attributes: TASKS_PROBE_ATTRIBUTES,
    periodMs,
    sample: () => {
      const durations = window;
      window = [];
      const sum = durations.reduce((a, b) => a + b, 0);
      return {
        active: active.size,
        ended,
        mean_duration: durations.length ? Math.round((sum / durations.length) * 10) / 10 : 0,
        max_duration: durations.length ? Math.max(...durations) : 0,
      };
    },
  });
  const taskProbe = ds.addProbe({
    id: `${id}:task`,
    name: 'task',
    attributes: TASK_PROBE_ATTRIBUTES,
    periodMs,
    qos: 1,
  });

  const off = o.veem.tasks.onChange((t) => {
    if (!isTerminal(t.state)) {
      active.add(t.id);
      return;
    }
    active.delete(t.id);
    ended++;
    const duration = taskDurationMs(t);
    window.push(duration);
    try {
      ds.emit(taskProbe.id, { operation: t.operation, state: t.state, duration });
    } catch (e) {
      o.logger?.warn({ err: e, task: t.id }, 'task measurement not recorded');
    }
  });
  await ds.start();
  return {
    dataSourceId: id,
    stop: async () => {
      off();
      await ds.stop();
    },
  };
}
