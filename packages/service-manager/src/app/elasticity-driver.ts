import { isReservoirError, type Logger, type Task } from '@reservoir/runtime';
import {
  createExpressionEvaluator,
  ElasticityEngine,
  KpiWindows,
  type ScalingDecision,
  type ServiceRuntime,
} from '../elasticity/index.js';
import { isAvailable, liveInstances, type Service } from '../domain/service.js';
import { AVAILABILITY_KPI } from '../manifest/index.js';
import { costPerHour } from './cost.js';
import type { KpiSource } from './kpi-source.js';
import { SlaWatch } from './sla-watch.js';
import type { ServiceManager, ServiceObserver } from './service-manager.js';

interface Running {
  engine: ElasticityEngine;
  windows: KpiWindows;
  sla: SlaWatch;
  timer: NodeJS.Timeout | undefined;
  unsubscribe: () => void;
  /** The rules text the engine holds, to tell a rules update from a plain return to running. */
  rulesKey: string;
}

/**
 * Runs each running service's elasticity engine: feeds it the service's KPIs, wakes it when a
 * rule is due (or a first sample arrives), hands its actions to the SM and logs its decisions.
 */
export class ElasticityDriver implements ServiceObserver {
  private readonly engines = new Map<string, Running>();
  private readonly evaluate = createExpressionEvaluator();

  constructor(
    private readonly sm: ServiceManager,
    private readonly kpis: KpiSource,
    private readonly logger: Logger,
  ) {}

  running(s: Service): void {
    const now = this.sm.ctx.now();
    const rulesKey = JSON.stringify([
      s.manifest.rules,
      s.manifest.components.map((c) => [c.instances, c.cooldownSeconds, c.scaleInPolicy]),
      s.manifest.business.budgetPerHour,
    ]);
    const existing = this.engines.get(s.id);
    if (existing) {
      if (existing.rulesKey !== rulesKey) {
        // New rules or limits: a fresh engine over the same samples, resumed from the old one's
        // state, so rules that stayed keep their counters and a running cooldown still holds.
        const snapshot = existing.engine.snapshot();
        existing.engine = this.newEngine(s, existing.windows, now);
        existing.engine.restore(snapshot);
        existing.rulesKey = rulesKey;
      }
      existing.sla.update(s.manifest.sla);
      this.schedule(s.id, 0);
      return;
    }
    const windows = new KpiWindows();
    const engine = this.newEngine(s, windows, now);
    if (s.elasticity) {
      try {
        engine.restore(s.elasticity);
      } catch (err) {
        this.logger.warn({ err, service: s.id }, 'elasticity state not restored; rules start afresh');
      }
    }
    const sla = new SlaWatch(s.manifest.sla);
    const entry: Running = { engine, windows, sla, timer: undefined, unsubscribe: () => undefined, rulesKey };
    entry.unsubscribe = this.kpis.subscribe(s.id, (kpi, value, timeMs) => {
      windows.record(kpi, value, timeMs);
      sla.record(kpi, value, timeMs);
      // A rule waiting for its first sample is judged at once.
      if (entry.timer === undefined) this.schedule(s.id, 0);
    });
    this.engines.set(s.id, entry);
    this.schedule(s.id, 0);
  }

  private newEngine(s: Service, windows: KpiWindows, now: number): ElasticityEngine {
    const prices = this.sm.ctx.settings.prices;
    const manifest = s.manifest;
    return new ElasticityEngine({
      components: manifest.components,
      rules: manifest.rules,
      windows,
      evaluateExpression: this.evaluate,
      costPerHour: (counts) => costPerHour(manifest, counts, prices),
      budgetPerHour: manifest.business.budgetPerHour,
      nowMs: now,
    });
  }

  stopped(serviceId: string): void {
    const r = this.engines.get(serviceId);
    if (!r) return;
    clearTimeout(r.timer);
    r.unsubscribe();
    this.engines.delete(serviceId);
  }

  scaled(s: Service): void {
    this.running(s);
  }

  stop(): void {
    for (const id of [...this.engines.keys()]) this.stopped(id);
  }

  private schedule(serviceId: string, delayMs: number): void {
    const r = this.engines.get(serviceId);
    if (!r) return;
    clearTimeout(r.timer);
    r.timer = setTimeout(
      () => {
        r.timer = undefined;
        this.tick(serviceId).catch((err: unknown) =>
          this.logger.error({ err, service: serviceId }, 'elasticity evaluation failed'),
        );
      },
      Math.max(0, delayMs),
    );
  }

  private async tick(serviceId: string): Promise<void> {
    const r = this.engines.get(serviceId);
    if (!r) return;
    const s = await this.sm.get(serviceId);
    const now = this.sm.ctx.now();
    const decisions = r.engine.evaluate(now, runtimeOf(s));
    for (const d of decisions) await this.carryOut(s, d);
    if (s.manifest.sla.some((o) => o.kpi === AVAILABILITY_KPI))
      r.sla.record(AVAILABILITY_KPI, isAvailable(s) ? 100 : 0, now);
    for (const c of r.sla.check(now))
      await this.sm.event(s, {
        kind: 'sla',
        ruleId: c.objective.name,
        from: c.met ? 0 : 1,
        to: c.met ? 1 : 0,
        reason: c.reason,
      });
    if (decisions.length > 0) {
      s.elasticity = r.engine.snapshot();
      for (const c of s.manifest.components) {
        const until = r.engine.cooldownUntilMs(c.id);
        if (until !== null) s.cooldownUntilMs[c.id] = until;
      }
      await this.sm.saveElasticity(s);
    }
    // SLA objectives are checked at least every few seconds, also for services without rules.
    const next = Math.min(
      r.engine.nextDueMs() ?? Infinity,
      s.manifest.sla.length > 0 ? now + SLA_CHECK_MS : Infinity,
    );
    if (Number.isFinite(next) && this.engines.has(serviceId))
      this.schedule(serviceId, next - this.sm.ctx.now());
  }

  private async carryOut(s: Service, d: ScalingDecision): Promise<void> {
    if (d.kind === 'scale-out' || d.kind === 'scale-in') {
      let task: Task | undefined;
      try {
        task = await this.sm.scaleByRule(s.id, {
          component: d.component,
          target: d.to,
          victims: d.victims,
          ruleId: d.ruleId,
          reason: d.reason,
        });
      } catch (e) {
        // The SM will not scale this service (its stored descriptor changed): say so in its log.
        if (!isReservoirError(e) || e.code !== 'FAILED_PRECONDITION') throw e;
        await this.sm.event(s, {
          kind: 'refused',
          component: d.component,
          ruleId: d.ruleId,
          from: d.from,
          to: d.to,
          reason: `${d.reason}: ${e.message}`,
        });
        return;
      }
      if (!task) {
        await this.sm.event(s, {
          kind: 'blocked',
          component: d.component,
          ruleId: d.ruleId,
          from: d.from,
          to: d.to,
          reason: `service is ${s.state} with work queued: ${d.reason}`,
        });
      }
      return;
    }
    await this.sm.event(s, {
      kind: d.kind === 'none' ? 'rule' : d.kind,
      component: d.component,
      ruleId: d.ruleId,
      from: d.from,
      to: d.to,
      reason: d.reason,
    });
  }
}

const SLA_CHECK_MS = 5000;

/** The engine's view: live instances by age, and whether a component is being changed now. */
function runtimeOf(s: Service): ServiceRuntime {
  const busy = s.state !== 'running' || s.op !== undefined || s.queue.length > 0;
  return Object.fromEntries(
    s.manifest.components.map((c) => [
      c.id,
      {
        instances: liveInstances(s, c.id).map((i) => ({ id: i.id, startedAtMs: i.createdAtMs })),
        scaling: busy,
      },
    ]),
  );
}
