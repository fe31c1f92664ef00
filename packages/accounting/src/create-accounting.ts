import { AccountingServiceDefinition } from '@reservoir/contracts';
import { Consumer } from '@reservoir/monitoring';
import {
  GrpcServer,
  MqttBus,
  openDatabase,
  type Logger,
  type MessageBus,
  type SqlDatabase,
} from '@reservoir/runtime';
import type { Enforcer } from '@reservoir/security';
import { accountingAccess } from './adapters/grpc/access.js';
import { accountingHandlers } from './adapters/grpc/accounting-handlers.js';
import { VmiVmLookup } from './adapters/grpc/vmi-vm-lookup.js';
import { SmServiceControl } from './adapters/grpc/sm-service-control.js';
import { followVmStates } from './adapters/mqtt/vm-state-events.js';
import { SqlAccountingStore } from './adapters/store/sql-accounting-store.js';
import { SqlMeterStore } from './adapters/store/sql-meter-store.js';
import { SqlPriceStore } from './adapters/store/sql-price-store.js';
import { SqlSlaStore } from './adapters/store/sql-sla-store.js';
import { SmServices } from './adapters/grpc/sm-services.js';
import { MeasuredUsageCollector } from './app/measured-usage-collector.js';
import { Billing, type ServiceControl } from './app/billing.js';
import { VmUsageCollector } from './app/vm-usage-collector.js';

export interface CreateAccountingOptions {
  /** A database URL or an open database. */
  database: string | SqlDatabase;
  logger: Logger;
  /** gRPC listen address; port 0 picks a free one. */
  listen?: string;
  /** Sites whose VMs are metered: their VEEM (VMI) and the bus their VM events arrive on. */
  sites?: { site: string; veem: string }[];
  mqtt?: string | MessageBus;
  /**
   * With an `mqtt` URL: each site's events are followed in a persistent session named
   * `<mqttClientId>-<site>` (default "reservoir-accounting"), so the broker keeps the events of a
   * restart's downtime. One accounting process per name and broker.
   */
  mqttClientId?: string;
  /** How often running VMs are billed up to now (ms); 0 only at state changes. */
  checkpointMs?: number;
  /** Overrides the control of services built from `serviceManagers`. */
  control?: ServiceControl;
  /**
   * Every site's Service Manager (host:port): prepaid accounts at zero suspend their services there,
   * and the services' SLA announcements are read from their event logs.
   */
  serviceManagers?: string[];
  /** Usage arriving at most this long after it ended is rated into its own period. */
  lateWindowMs?: number;
  /** The security enforcement point; without it every caller is admitted. */
  enforce?: Enforcer;
}

export interface RunningAccounting {
  billing: Billing;
  collectors: VmUsageCollector[];
  /** Network traffic and priced KPIs of each site, from the monitoring data plane. */
  measured: MeasuredUsageCollector[];
  address: string;
  stop(): Promise<void>;
}

/**
 * Wires the accounting service: the store, the VM meters of every site (location unaware: usage is
 * billed where the owning site meters it, ACC-1), and the gRPC interface. main.ts and tests use it.
 */
export async function createAccounting(o: CreateAccountingOptions): Promise<RunningAccounting> {
  const db = typeof o.database === 'string' ? await openDatabase(o.database) : o.database;
  const store = new SqlAccountingStore(db);
  await store.migrate();
  const meters = new SqlMeterStore(db, Date.now, o.lateWindowMs);
  await meters.migrate();
  const prices = new SqlPriceStore(db);
  await prices.migrate();
  const slaStore = new SqlSlaStore(db);
  await slaStore.migrate();
  const sms =
    !o.control && o.serviceManagers?.length ? new SmServiceControl(o.serviceManagers, o.logger) : undefined;
  const smServices = o.serviceManagers?.length ? new SmServices(o.serviceManagers) : undefined;
  const billing = new Billing({
    store,
    prices,
    logger: o.logger,
    control: o.control ?? sms,
    sla: { store: slaStore, source: smServices },
    lateWindowMs: o.lateWindowMs,
  });

  // Usage goes to the organization's first account, else to one named after the organization.
  const accountOf = async (organization: string) =>
    (await store.listAccounts({ organization }))[0]?.id ?? organization;

  const collectors: VmUsageCollector[] = [];
  const measured: MeasuredUsageCollector[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  // Measurements are best-effort (QoS 0) and their network counters cumulative: a plain session.
  const dataBus =
    o.mqtt && o.sites?.length
      ? typeof o.mqtt === 'string'
        ? await MqttBus.connect({
            url: o.mqtt,
            clientId: `${o.mqttClientId ?? 'reservoir-accounting'}-data-${process.pid}`,
            logger: o.logger,
          })
        : o.mqtt
      : undefined;
  for (const s of o.mqtt ? (o.sites ?? []) : []) {
    const lookup = new VmiVmLookup(s.veem);
    const c = new VmUsageCollector(s.site, lookup, meters, accountOf, o.logger);
    await c.start();
    // A session per site that outlives this process: events of its downtime wait on the broker, and
    // one is acknowledged only once committed, so a kill loses none (ACC-5).
    const own =
      typeof o.mqtt === 'string'
        ? await MqttBus.connect({
            url: o.mqtt,
            clientId: `${o.mqttClientId ?? 'reservoir-accounting'}-${s.site}`,
            logger: o.logger.child({ site: s.site }),
            persistent: true,
          })
        : undefined;
    const off = await followVmStates(own ?? (o.mqtt as MessageBus), s.site, (e) => c.onState(e));
    collectors.push(c);
    const m = new MeasuredUsageCollector(
      s.site,
      lookup,
      meters,
      accountOf,
      smServices?.organizationOf ?? (async () => undefined),
      (metric, org) => billing.priced(metric, org),
      o.logger,
    );
    await m.start();
    const consumer = new Consumer({ bus: dataBus!, site: s.site, logger: o.logger });
    consumer.subscribe({}, (x) => void m.onMeasurement(x));
    await consumer.start();
    measured.push(m);
    cleanups.push(async () => {
      // The session keeps its subscription: a graceful stop is downtime like any other.
      if (own) await own.close();
      else await off();
      await consumer.stop();
      await c.idle();
      await m.idle();
      lookup.close();
    });
  }
  const timer =
    o.checkpointMs && collectors.length
      ? setInterval(() => {
          for (const c of collectors) void c.checkpoint(Date.now());
        }, o.checkpointMs)
      : undefined;
  timer?.unref();

  const server = new GrpcServer({
    logger: o.logger,
    ...(o.enforce ? { guards: [o.enforce(accountingAccess(billing))] } : {}),
  }).addService(
    'reservoir.accounting.v1.AccountingService',
    AccountingServiceDefinition,
    accountingHandlers(billing),
  );
  const listen = o.listen ?? '127.0.0.1:0';
  const port = await server.listen(listen);
  return {
    billing,
    collectors,
    measured,
    address: `${listen.slice(0, listen.lastIndexOf(':'))}:${port}`,
    stop: async () => {
      if (timer) clearInterval(timer);
      await server.shutdown(2000);
      for (const c of cleanups) await c();
      sms?.close();
      smServices?.close();
      if (typeof o.mqtt === 'string') await dataBus?.close();
      if (typeof o.database === 'string') await db.close();
    },
  };
}
