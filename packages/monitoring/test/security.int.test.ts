import { type MqttBus, silentLogger } from '@reservoir/runtime';
import { testBrokers } from '@reservoir/runtime/testing';
import { securityFixture, type SecurityFixture } from '@reservoir/security';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringClient, type MonitoringClient } from '../src/client.js';
import { createMonitoring, type RunningMonitoring } from '../src/create-monitoring.js';
import { DataSource } from '../src/index.js';
import { connect, cpuAttrs, eventually, freshSite } from './helpers.js';

/** What the Service Managers would say: each shop belongs to one organization. */
const ORGANIZATION_OF: Record<string, string> = { 'shop-acme': 'acme', 'shop-globex': 'globex' };

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the call to be refused');
}

type As = { metadata: { authorization: string } };

describe.each(testBrokers())(
  'the monitoring service behind its enforcement point on the $name broker',
  (broker) => {
    const site = freshSite();
    let close: () => Promise<void> = async () => undefined;
    let fixture: SecurityFixture;
    let dsBus: MqttBus;
    let serviceBus: MqttBus;
    let ds: DataSource;
    let running: RunningMonitoring;
    let client: MonitoringClient;
    let admin: As;
    let acmeAdmin: As;
    let acmeProvider: As;

    beforeAll(async () => {
      const b = await broker.start();
      close = b.close;
      fixture = await securityFixture({ service: 'monitoring' });
      dsBus = await connect(b.url, 'ds');
      serviceBus = await connect(b.url, 'monitor');
      ds = new DataSource({ id: 'host-1', name: 'host one', site, kind: 'host', bus: dsBus, flushMs: 10 });
      ds.addProbe({
        id: 'cpu-1',
        name: 'cpu',
        attributes: cpuAttrs,
        periodMs: 1000,
        sample: () => ({ cpu: 1, n: 1 }),
      });
      await ds.start();
      running = await createMonitoring({
        site,
        mqtt: serviceBus,
        logger: silentLogger(),
        controlTimeoutMs: 2000,
        enforce: fixture.security.enforce,
        serviceOrganization: async (id) => ORGANIZATION_OF[id],
      });
      client = monitoringClient(running.address, 10_000);
      // The platform's services act as system admins. The security store refuses system-admin to a
      // service principal for now (fixture.service fails), so an administrator stands in for them.
      admin = { metadata: { authorization: await fixture.user('system', ['system-admin'], 'operator') } };
      acmeAdmin = { metadata: { authorization: await fixture.user('acme', ['org-admin']) } };
      acmeProvider = { metadata: { authorization: await fixture.user('acme', ['service-provider']) } };
    });

    afterAll(async () => {
      client?.close();
      await running?.stop();
      await ds?.stop();
      await Promise.all([dsBus, serviceBus].map((b) => b?.close()));
      await fixture?.close();
      await close();
    });

    it('refuses anonymous callers', async () => {
      expect(await refusal(client.listSources({}))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await refusal(client.pushKpi({ serviceId: 'shop-acme', name: 'rps', value: 1 }))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('lets a system administrator read the directory, control probes and report KPIs', async () => {
      await eventually(() => expect(running.service.listSources().map((s) => s.id)).toContain('host-1'));
      expect((await client.listSources({ kind: 'host' }, admin)).sources.map((s) => s.id)).toEqual([
        'host-1',
      ]);
      const off = await client.controlProbe(
        { dataSourceId: 'host-1', probeId: 'cpu-1', action: 'off' },
        admin,
      );
      expect(off).toMatchObject({ id: 'cpu-1', on: false });
      const { probe } = await client.pushKpi({ serviceId: 'shop-globex', name: 'rps', value: 7 }, admin);
      expect(probe).toMatchObject({ serviceId: 'shop-globex', name: 'rps' });
    });

    it("lets an organization report its own services' KPIs, not another's", async () => {
      const { probe } = await client.pushKpi({ serviceId: 'shop-acme', name: 'rps', value: 3 }, acmeAdmin);
      expect(probe).toMatchObject({ serviceId: 'shop-acme', name: 'rps' });

      const denied = await refusal(
        client.pushKpi({ serviceId: 'shop-globex', name: 'rps', value: 1e9 }, acmeAdmin),
      );
      expect(denied).toMatchObject({
        code: 'PERMISSION_DENIED',
        message: expect.stringMatching(/audit entry \d+/),
      });
      const seq = Number(/audit entry (\d+)/.exec(denied.message)?.[1]);
      const [entry] = await fixture.security.audit.query({ afterSeq: seq - 1, limit: 1 });
      expect(entry).toMatchObject({
        action: 'kpi.report',
        decision: 'Deny',
        resource: { type: 'service', id: 'shop-globex', organization: 'globex' },
      });
    });

    it("denies an organization's users the site's infrastructure", async () => {
      for (const as of [acmeAdmin, acmeProvider]) {
        for (const call of [
          client.controlProbe({ dataSourceId: 'host-1', probeId: 'cpu-1', action: 'on' }, as),
          client.listSources({}, as),
        ]) {
          expect(await refusal(call)).toMatchObject({
            code: 'PERMISSION_DENIED',
            message: expect.stringMatching(/audit entry \d+/),
          });
        }
      }
      expect(ds.probes().find((p) => p.id === 'cpu-1')?.on).toBe(false);
    });

    it("lists an organization's users only its own services' probes", async () => {
      await eventually(() =>
        expect(running.service.listProbes().map((p) => p.id)).toEqual(
          expect.arrayContaining(['cpu-1', 'kpi:shop-acme:rps', 'kpi:shop-globex:rps']),
        ),
      );
      const ids = async (as: As, serviceId = '') =>
        (await client.listProbes({ serviceId }, as)).probes.map((p) => p.id).sort();
      expect(await ids(admin)).toEqual(['cpu-1', 'kpi:shop-acme:rps', 'kpi:shop-globex:rps']);
      expect(await ids(acmeAdmin)).toEqual(['kpi:shop-acme:rps']);
      expect(await ids(acmeAdmin, 'shop-acme')).toEqual(['kpi:shop-acme:rps']);
      expect(await refusal(client.listProbes({ serviceId: 'shop-globex' }, acmeAdmin))).toMatchObject({
        code: 'PERMISSION_DENIED',
      });
    });
  },
);
