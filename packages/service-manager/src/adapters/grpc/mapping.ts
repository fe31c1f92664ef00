import type { reservoir } from '@reservoir/contracts';
import type { Service, ServiceEvent } from '../../domain/service.js';

type PbService = reservoir.sm.v1.IService;

export function serviceToPb(s: Service, costPerHour: number, currency: string): PbService {
  return {
    id: s.id,
    name: s.name,
    state: s.state,
    site: s.site,
    organization: s.organization,
    owner: s.owner,
    reason: s.reason,
    createdAtMs: s.createdAtMs,
    stateSinceMs: s.stateSinceMs,
    taskId: s.op?.taskId ?? '',
    version: s.version,
    costPerHour,
    currency,
    manifestJson: JSON.stringify(s.manifest),
    packageDigest: s.package?.digest ?? '',
    components: s.manifest.components.map((c) => {
      const mine = s.instances.filter((i) => i.component === c.id);
      const scaling = s.op?.kind === 'scale' && s.op.component === c.id ? s.op.target : undefined;
      return {
        id: c.id,
        name: c.name,
        min: c.instances.min,
        max: c.instances.max,
        initial: c.instances.initial,
        desired: scaling ?? mine.filter((i) => i.state === 'creating' || i.state === 'running').length,
        cooldownUntilMs: s.cooldownUntilMs[c.id] ?? 0,
        startupOrder: c.startupOrder,
        dependsOn: c.dependsOn,
        cpus: c.cpus,
        memoryMib: c.memoryMiB,
        instances: mine.map((i) => ({
          id: i.id,
          component: i.component,
          index: i.index,
          vmId: i.vmId,
          state: i.state,
          addresses: i.addresses,
          createdAtMs: i.createdAtMs,
          vmState: i.vmState,
          host: i.host,
        })),
      };
    }),
  };
}

export function eventToPb(e: ServiceEvent): reservoir.sm.v1.IServiceEvent {
  return {
    seq: e.seq,
    timeMs: e.timeMs,
    kind: e.kind,
    component: e.component,
    ruleId: e.ruleId,
    from: e.from,
    to: e.to,
    reason: e.reason,
    taskId: e.taskId,
  };
}
