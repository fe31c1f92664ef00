import { reservoir, topics } from '@reservoir/contracts';
import { taskToPb, type Logger, type MessageBus, type Task } from '@reservoir/runtime';
import type { EventSink, HostStateChange, VmStateChange } from '../../app/ports.js';

/**
 * VM, host and task events as protobuf on MQTT. The state is already durable when an event is
 * published, so a lost event costs a consumer a poll, never the platform a state.
 */
export class MqttEventPublisher implements EventSink {
  private failures = 0;
  private readonly taskStates = new Map<string, string>();

  constructor(
    private readonly bus: MessageBus,
    private readonly site: string,
    private readonly logger: Logger,
  ) {}

  private send(topic: string, payload: Uint8Array, qos: 0 | 1): void {
    this.bus.publish(topic, payload, { qos }).catch((e: unknown) => {
      // One line per hundred failures: a broker outage must not flood the log.
      if (this.failures++ % 100 === 0)
        this.logger.warn(
          { topic, err: (e as Error).message, failures: this.failures },
          'event not published',
        );
    });
  }

  vmStateChanged({ vm, from }: VmStateChange): void {
    const ev = reservoir.veem.v1.VmStateEvent.encode({
      vmId: vm.id,
      fromState: from,
      toState: vm.state,
      host: vm.host,
      reason: vm.reason,
      organization: vm.organization,
      atMs: vm.stateSinceMs,
      site: this.site,
      version: vm.version,
    }).finish();
    this.send(topics.vmState(this.site, vm.id), ev, 1);
  }

  hostStateChanged(e: HostStateChange): void {
    const ev = reservoir.veem.v1.HostStateEvent.encode({
      hostId: e.host.id,
      fromState: e.from,
      toState: e.to,
      reason: e.reason,
      atMs: Date.now(),
      site: this.site,
    }).finish();
    this.send(topics.hostState(this.site, e.host.id), ev, 1);
  }

  taskChanged(t: Task): void {
    // Progress is followed through WatchTask; the bus carries a task's state changes only.
    const last = this.taskStates.get(t.id);
    if (last === t.state) return;
    if (t.state === 'succeeded' || t.state === 'failed' || t.state === 'canceled')
      this.taskStates.delete(t.id);
    else this.taskStates.set(t.id, t.state);
    this.send(
      topics.taskUpdate(this.site, t.id),
      reservoir.veem.v1.TaskEvent.encode({ task: taskToPb(t) }).finish(),
      0,
    );
  }
}
