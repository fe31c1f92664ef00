import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource, Directory } from '@reservoir/monitoring';
import {
  MqttBus,
  REPO_ROOT,
  silentLogger,
  startEmbeddedBroker,
  startService,
  type EmbeddedBroker,
  type ServiceProcess,
} from '@reservoir/runtime';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');

// The monitoring service runs as its own process (main.ts); the data source in this one.
describe('reservoir monitor and kpi against a monitoring service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-monitor-'));
  const site = 'site-m';
  let broker: EmbeddedBroker;
  let bus: MqttBus;
  let ds: DataSource;
  let service: ServiceProcess;
  let address = '';

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [BIN, '--data-dir', join(dir, 'none'), ...args],
        { cwd: REPO_ROOT, timeout: 60_000, env: { ...process.env, RESERVOIR_MONITOR_ENDPOINT: '' } },
      );
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  }
  const monitor = (...args: string[]) => cli('monitor', '--monitor-endpoint', address, ...args);
  const json = async (...args: string[]) => {
    const r = await monitor(...args, '--json');
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out);
  };

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    bus = await MqttBus.connect({ url: broker.url, clientId: 'cli-monitor-ds', logger: silentLogger() });
    ds = new DataSource({
      id: 'host-1',
      name: 'host one',
      site,
      kind: 'host',
      bus,
      probeFactory: (info) => (info.name === 'load' ? () => ({ load1: 0.25 }) : undefined),
    });
    ds.addProbe({
      id: 'cpu-1',
      name: 'cpu',
      attributes: [{ field: 1, name: 'used', type: 'double', units: '%' }],
      periodMs: 1000,
      sample: () => ({ used: 10 }),
    });
    await ds.start();
    service = await startService(
      'monitor',
      'packages/monitoring/src/main.ts',
      ['--site', site, '--mqtt', broker.url, '--listen', '127.0.0.1:0'],
      join(dir, 'monitor.log'),
    );
    address = service.ready.address;
    // The service's own KPI data source on the information plane says its directory is subscribed.
    const directory = new Directory({ bus, site });
    await directory.start();
    const deadline = Date.now() + 10_000;
    while (!directory.sources().some((s) => s.id === `kpi-${site}`)) {
      if (Date.now() > deadline) throw new Error('the monitoring service never published its data source');
      await new Promise((r) => setTimeout(r, 20));
    }
    await directory.stop();
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await ds?.stop();
    await bus?.close();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists data sources and probes as tables and as JSON', async () => {
    const table = await monitor('sources');
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/ID\s*│\s*NAME\s*│\s*SITE\s*│\s*KIND\s*│\s*PROBES/);
    expect(table.out).toMatch(/host-1\s*│\s*host one\s*│\s*site-m\s*│\s*host\s*│\s*1/);

    const sources = await json('sources');
    expect(sources.find((s: { id: string }) => s.id === 'host-1')).toMatchObject({
      kind: 'host',
      site,
      probes: [{ id: 'cpu-1', attributes: [{ name: 'used', type: 'double', units: '%' }] }],
    });

    const probes = await json('probes', '--source', 'host-1');
    expect(probes).toEqual([
      {
        id: 'cpu-1',
        name: 'cpu',
        dataSourceId: 'host-1',
        serviceId: '',
        attributes: [{ field: 1, name: 'used', type: 'double', units: '%' }],
        periodMs: 1000,
        on: true,
        qos: 0,
      },
    ]);
    const text = await monitor('probes');
    expect(text.out).toMatch(/cpu-1\s*│\s*cpu\s*│\s*host-1\s*│\s*-\s*│\s*on\s*│\s*1s\s*│\s*used \(%\)/);
  });

  it('turns a probe off and on and sets its rate', async () => {
    expect((await json('probe', 'off', 'cpu-1', '--source', 'host-1')).on).toBe(false);
    expect(ds.probes()[0]?.on).toBe(false);
    const on = await monitor('probe', 'on', 'cpu-1', '--source', 'host-1');
    expect(on.code, on.err).toBe(0);
    expect(on.out).toMatch(/state\s*│\s*on/);
    expect((await json('probe', 'rate', 'cpu-1', '--source', 'host-1', '--period', '500ms')).periodMs).toBe(
      500,
    );
    expect((await json('probe', 'rate', 'cpu-1', '--source', 'host-1', '--period', '2s')).periodMs).toBe(
      2000,
    );
    expect(ds.probes()[0]?.periodMs).toBe(2000);
  });

  it('adds and removes a probe', async () => {
    const added = await json(
      'probe',
      'add',
      'load',
      '--source',
      'host-1',
      '--id',
      'load-1',
      '--period',
      '250ms',
      '--attribute',
      'load1:double',
    );
    expect(added).toMatchObject({ id: 'load-1', name: 'load', periodMs: 250, on: true });
    expect(ds.probes().map((p) => p.id)).toContain('load-1');
    const removed = await monitor('probe', 'remove', 'load-1', '--source', 'host-1');
    expect(removed.code, removed.err).toBe(0);
    expect(ds.probes().map((p) => p.id)).not.toContain('load-1');
  });

  it('pushes a KPI', async () => {
    const r = await cli(
      'kpi',
      '--monitor-endpoint',
      address,
      'push',
      '--service',
      'shop',
      '--name',
      'rps',
      '--value',
      '12.5',
      '--units',
      'req/s',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      value: 12.5,
      probe: { name: 'rps', serviceId: 'shop', dataSourceId: `kpi-${site}` },
    });
  });

  it('says which input is wrong, and exits 2', async () => {
    const badPeriod = await monitor('probe', 'rate', 'cpu-1', '--source', 'host-1', '--period', 'soon');
    expect(badPeriod.code).toBe(2);
    expect(badPeriod.err).toMatch(/--period: "soon"/);
    const unknown = await monitor('probe', 'on', 'nope', '--source', 'host-1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/NOT_FOUND: probe "nope" not found/);
    const silent = await monitor('probe', 'on', 'cpu-1', '--source', 'ghost', '--timeout', '200ms');
    expect(silent.code).toBe(1);
    expect(silent.err).toMatch(/DEADLINE_EXCEEDED/);
    const value = await cli(
      'kpi',
      '--monitor-endpoint',
      address,
      'push',
      '--service',
      's',
      '--name',
      'n',
      '--value',
      'x',
    );
    expect(value.code).toBe(2);
    expect(value.err).toMatch(/--value: "x" is not a number/);
  });

  it('needs an endpoint when no platform runs', async () => {
    const r = await cli('monitor', 'sources');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--monitor-endpoint/);
  });
});
