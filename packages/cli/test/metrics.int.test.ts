import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyEngine, policyClient, type RunningPolicyEngine } from '@reservoir/policy-engine';
import {
  isTerminal,
  MqttBus,
  silentLogger,
  startEmbeddedBroker,
  taskFromPb,
  type EmbeddedBroker,
} from '@reservoir/runtime';
import { createMonitoring, monitoringClient, type RunningMonitoring } from '@reservoir/monitoring';
import { createVeeh, startVeehMonitoring, type Veeh } from '@reservoir/veeh';
import { createVeem, DEFAULT_SETTINGS, vmiClient, type RunningVeem } from '@reservoir/veem';
import { createServiceManager, smiClient, type RunningServiceManager } from '@reservoir/service-manager';

// Every service's /metrics, after a little work, must pass `promtool check metrics`: the text
// format parses and the lint (names, units, _total on counters, help text) finds nothing.

// promtool is required, not optional: .ci/run installs Debian's "prometheus" package for it.
const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
if (promtool.error || promtool.status !== 0)
  throw new Error('promtool is not installed: apt-get install prometheus (as .ci/run does)');

/** Runs `promtool check metrics` on the text; its exit code and everything it printed. */
function check(text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    p.stdout.on('data', (d: Buffer) => (output += d.toString()));
    p.stderr.on('data', (d: Buffer) => (output += d.toString()));
    p.once('error', reject);
    p.once('close', (code) => resolve({ code, output }));
    p.stdin.end(text);
  });
}

async function scrape(address: string): Promise<{ type: string | null; text: string }> {
  const res = await fetch(`http://${address}/metrics`);
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), text: await res.text() };
}

/**
 * The sum of the samples of `name` whose labels include `labels`, e.g.
 * value(text, 'veem_vms', { state: 'running' }); undefined when there is none.
 */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map(
      [...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) sum = (sum ?? 0) + Number(m[3]);
  }
  return sum;
}

describe('Prometheus metrics of the VEEM, VEEH, Policy Engine, monitoring and Service Manager', () => {
  const dir = mkdtempSync(join(tmpdir(), 'metrics-it-'));
  let broker: EmbeddedBroker;
  let veeh: Veeh;
  let pe: RunningPolicyEngine;
  let veem: RunningVeem;
  let mon: RunningMonitoring;
  let sm: RunningServiceManager;
  let bus: MqttBus;
  let hostProbes: Awaited<ReturnType<typeof startVeehMonitoring>>;

  beforeAll(async () => {
    broker = await startEmbeddedBroker();
    const hosts = ['m-h1', 'm-h2', 'm-h3'];
    veeh = await createVeeh({
      hosts: hosts.map((id) => ({
        id,
        family: 'kvm' as const,
        cores: 8,
        memoryMib: 16384,
        diskMib: 400_000,
      })),
      listen: '127.0.0.1:0',
      metricsListen: '127.0.0.1:0',
    });
    pe = await createPolicyEngine({
      site: 'site-m',
      database: `sqlite:${join(dir, 'pe.db')}`,
      mqtt: broker.url,
      logger: silentLogger(),
      metricsListen: '127.0.0.1:0',
    });
    veem = await createVeem({
      site: 'site-m',
      database: `sqlite:${join(dir, 'veem.db')}`,
      mqtt: broker.url,
      logger: silentLogger(),
      metricsListen: '127.0.0.1:0',
      settings: {
        scheduler: { ...DEFAULT_SETTINGS.scheduler, intervalMs: 100, policyEngine: pe.address },
        monitor: { intervalMs: 100, failureTimeoutMs: 5000, callTimeoutMs: 1000 },
      },
    });
    // A little work: hosts registered and monitored, two VMs placed by the engine and running,
    // one refused request, an optimization the engine cannot run (no VEEM configured).
    const vmi = vmiClient(veem.address);
    const pec = policyClient(pe.address);
    try {
      for (const h of hosts)
        await vmi.hosts.registerHost({ name: h, agentEndpoint: veeh.address!, agentHostId: h });
      for (const name of ['web-1', 'web-2']) {
        const r = await vmi.vms.createVm({ name, resources: { vcpus: 1, memoryMib: 1024, diskMib: 1024 } });
        for await (const t of vmi.tasks.watchTask({ id: r.task!.id! }, { deadlineMs: 30_000 })) {
          const task = taskFromPb(t);
          if (isTerminal(task.state)) {
            expect(task.state, task.errorMessage).toBe('succeeded');
            break;
          }
        }
      }
      await expect(vmi.vms.getVm({ id: 'vm-missing' })).rejects.toThrow();
      await expect(pec.policy.optimize({ dryRun: true })).rejects.toThrow();
      // The monitoring service bridges host probes and KPIs into its metrics.
      mon = await createMonitoring({
        site: 'site-m',
        mqtt: broker.url,
        logger: silentLogger(),
        metricsListen: '127.0.0.1:0',
      });
      bus = await MqttBus.connect({
        url: broker.url,
        clientId: `metrics-it-${process.pid}`,
        logger: silentLogger(),
      });
      hostProbes = await startVeehMonitoring({ agent: veeh.agent, bus, site: 'site-m', periodMs: 100 });
      const mc = monitoringClient(mon.address);
      await mc.pushKpi({ serviceId: 'shop', name: 'rps', value: 42, units: '1/s' });
      mc.close();
      // A one-instance service through the Service Manager, and one refused at admission.
      sm = await createServiceManager({
        site: 'site-m',
        database: `sqlite:${join(dir, 'sm.db')}`,
        veem: veem.address,
        mqtt: bus,
        logger: silentLogger(),
        metricsListen: '127.0.0.1:0',
        settings: { pollMs: 20 },
      });
      const smi = smiClient(sm.address);
      const manifest = (country: string) =>
        `id: tiny\ncomponents:\n  - id: app\n    cpus: 1\n    memoryMiB: 256\ndeployment:\n  allowedCountries: [${country}]\n`;
      for (const country of ['ES', 'JP']) {
        const r = await smi.services.deployService({ manifest: manifest(country), fileName: 'tiny.yaml' });
        for await (const t of smi.tasks.watchTask({ id: r.task!.id! }, { deadlineMs: 30_000 }))
          if (isTerminal(taskFromPb(t).state)) break;
      }
      smi.close();
      // One more monitor round, so the agent's host figures include the VMs.
      await new Promise((r) => setTimeout(r, 600));
    } finally {
      vmi.close();
      pec.close();
    }
  }, 60_000);

  afterAll(async () => {
    await sm?.stop();
    await hostProbes?.stop();
    await bus?.close();
    await mon?.stop();
    await veem?.stop();
    await pe?.stop();
    await veeh?.stop();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces a metrics address for each service', () => {
    for (const a of [veem.metrics, veeh.metrics, pe.metrics, mon.metrics, sm.metrics])
      expect(a).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('bridges selected measurements: host probes and service KPIs', async () => {
    const m = (await scrape(mon.metrics!)).text;
    expect(value(m, 'reservoir_measurement', { probe: 'kpi:shop:rps', attribute: 'value' })).toBe(42);
    expect(
      value(m, 'reservoir_measurement', { probe: 'host:m-h1', attribute: 'domains' }),
    ).toBeGreaterThanOrEqual(0);
    expect(m).toMatch(/monitoring_bridge_malformed_total\{[^}]*\} 0/);
  });

  it.each([
    ['veem', () => veem.metrics!],
    ['veeh', () => veeh.metrics!],
    ['pe', () => pe.metrics!],
    ['monitoring', () => mon.metrics!],
    ['sm', () => sm.metrics!],
  ])('%s: /metrics passes promtool check metrics with no problem', async (_name, address) => {
    const { type, text } = await scrape(address());
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const { code, output } = await check(text);
    expect(output.trim(), output).toBe('');
    expect(code).toBe(0);
  });

  it('counts the work done', async () => {
    const m = (await scrape(veem.metrics!)).text;
    expect(value(m, 'veem_vms', { state: 'running', service: 'veem', site: 'site-m' })).toBe(3);
    expect(value(m, 'veem_vms', { state: 'pending' })).toBe(0);
    expect(value(m, 'veem_hosts', { state: 'monitored' })).toBe(3);
    expect(value(m, 'veem_scheduler_queue_length')).toBe(0);
    expect(value(m, 'veem_placements_total')).toBe(3);
    expect(value(m, 'veem_scheduler_pass_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(m, 'veem_task_duration_seconds_count', { state: 'succeeded' })).toBe(3);
    const getVm = { grpc_service: 'reservoir.veem.v1.VmService', grpc_method: 'GetVm' };
    expect(value(m, 'grpc_server_handled_total', { ...getVm, grpc_code: 'NOT_FOUND' })).toBe(1);
    expect(value(m, 'grpc_server_handled_total', { grpc_method: 'CreateVm', grpc_code: 'OK' })).toBe(3);
    // The Service Manager reads its VM's state too: every GetVm is counted and timed once.
    expect(value(m, 'grpc_server_handling_seconds_count', getVm)).toBe(
      value(m, 'grpc_server_handled_total', getVm),
    );
    expect(value(m, 'process_cpu_seconds_total', { service: 'veem' })).toBeGreaterThan(0);

    const h = (await scrape(veeh.metrics!)).text;
    expect(value(h, 'veeh_hosts', { service: 'veeh' })).toBe(3);
    expect(value(h, 'veeh_driver_operation_duration_seconds_count', { op: 'create', outcome: 'ok' })).toBe(3);
    expect(value(h, 'veeh_host_domains')).toBe(3);
    expect(value(h, 'veeh_host_reachable')).toBe(3);
    expect(value(h, 'veeh_host_memory_used_bytes', { host: 'm-h1' })).toBeGreaterThanOrEqual(0);
    expect(
      value(h, 'grpc_server_handled_total', { grpc_method: 'Monitor', grpc_code: 'OK' }),
    ).toBeGreaterThan(0);

    const p = (await scrape(pe.metrics!)).text;
    expect(
      value(p, 'pe_place_duration_seconds_count', { outcome: 'ok', site: 'site-m' }),
    ).toBeGreaterThanOrEqual(1);
    expect(value(p, 'pe_policy_version')).toBeGreaterThanOrEqual(1);
    expect(value(p, 'pe_optimize_runs_total', { outcome: 'error' })).toBe(1);
    expect(value(p, 'pe_optimize_runs_total', { outcome: 'plan' })).toBe(0);

    const s = (await scrape(sm.metrics!)).text;
    expect(value(s, 'sm_services', { state: 'running', service: 'sm', site: 'site-m' })).toBe(1);
    expect(value(s, 'sm_instances', { state: 'running' })).toBe(1);
    expect(value(s, 'sm_service_events_total', { kind: 'deployed' })).toBe(1);
    expect(value(s, 'sm_service_events_total', { kind: 'error' })).toBe(1);
    expect(value(s, 'grpc_server_handled_total', { grpc_method: 'DeployService', grpc_code: 'OK' })).toBe(2);
  });

  it('answers 404 off /metrics', async () => {
    expect((await fetch(`http://${veem.metrics}/`)).status).toBe(404);
    expect((await fetch(`http://${pe.metrics}/metrics/x`)).status).toBe(404);
  });
});
