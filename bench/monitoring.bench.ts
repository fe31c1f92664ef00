// npm run bench:monitoring — 1,000 probes in 20 data sources (a child process of their own)
// publish through the embedded broker and through Mosquitto to one consumer: end-to-end
// measurements per second, bytes per measurement, probe-to-consumer latency, the publishing
// side's CPU share, and the control plane's round trip.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { MqttBus, REPO_ROOT, silentLogger, startEmbeddedBroker } from '@reservoir/runtime';
import { Consumer, controlProbe } from '../packages/monitoring/src/index.js';
import { freePort } from '@reservoir/runtime/testing';
import { summary, writeResult, type Check } from './lib.js';

const PROBES = Number(process.env.BENCH_MON_PROBES ?? 1000);
const SOURCES = Number(process.env.BENCH_MON_SOURCES ?? 20);
const RATE = Number(process.env.BENCH_MON_RATE ?? 110);
const SECONDS = Number(process.env.BENCH_MON_SECONDS ?? 10);

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

async function reachable(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/**
 * A Mosquitto of the bench's own, configured as docs/monitoring.md recommends
 * (`set_tcp_nodelay true`: small control messages are not held back by Nagle's algorithm).
 */
async function startMosquitto(): Promise<{ url: string; stop(): void } | undefined> {
  const bin = '/usr/sbin/mosquitto';
  if (!existsSync(bin)) return undefined;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bench-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nset_tcp_nodelay true\n`,
  );
  const proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  while (!(await reachable(port))) {
    if (Date.now() > deadline) throw new Error('the bench Mosquitto did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    stop: () => {
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function run(broker: string, url: string) {
  const site = `bench-${broker}-${process.pid}`;
  const bus = await MqttBus.connect({
    url,
    clientId: `bench-consumer-${broker}-${process.pid}`,
    logger: silentLogger(),
  });
  const consumer = new Consumer({ bus, site, maxQueue: 1_000_000 });
  await consumer.start();
  let received = 0;
  let first = 0;
  let last = 0;
  const latencies: number[] = [];
  consumer.subscribe({}, (m) => {
    const now = Date.now();
    if (received === 0) first = performance.now();
    received++;
    last = performance.now();
    if (received % 20 === 0) latencies.push(now - m.timeMs);
  });
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/monitoring-publisher.ts',
      url,
      site,
      String(SOURCES),
      String(PROBES),
      String(RATE),
      String(SECONDS),
    ],
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () =>
    JSON.parse(((await lines.next()).value as string) ?? '{}') as Record<string, number | string>;
  if ((await next()).event !== 'ready') throw new Error('publisher did not start');
  // Measurements of unknown probes are dropped: wait until the directory knows every source.
  const t = Date.now();
  while (
    consumer.directory.sources().filter((s) => s.site === site).length < SOURCES &&
    Date.now() - t < 10_000
  )
    await new Promise((r) => setTimeout(r, 20));
  const done = await next();
  await new Promise((r) => setTimeout(r, 500));
  // Control plane: rate changes acknowledged by a data source in the publisher process.
  const rtt: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    const ack = await controlProbe(
      bus,
      site,
      { dataSourceId: 'ds-0', probeId: 'p-0-0', action: 'rate', periodMs: 60_000 + i },
      2000,
    );
    if (!ack.ok) throw new Error(`control refused: ${ack.errorMessage}`);
    rtt.push(performance.now() - t0);
  }
  child.stdin!.write('stop\n');
  await new Promise((r) => child.once('exit', r));
  const stats = consumer.stats();
  await consumer.stop();
  await bus.close();
  const published = Number(done.published);
  const seconds = (last - first) / 1000;
  const figures = {
    broker,
    probes: PROBES,
    dataSources: SOURCES,
    offeredPerSecond: PROBES * RATE,
    published,
    received,
    lost: published - received,
    endToEndPerSecond: Math.round(received / Math.max(seconds, 1e-9)),
    bytesPerMeasurement: Math.round((Number(done.bytes) / Math.max(1, published)) * 10) / 10,
    measurementsPerBatch: Math.round(published / Math.max(1, Number(done.batches))),
    latencyMs: summary(latencies),
    publisherCpuShare: Math.round((Number(done.cpuSeconds) / Number(done.wallSeconds)) * 1000) / 1000,
    controlRoundTripMs: summary(rtt),
    consumer: stats,
  };
  log(
    `${broker}: ${figures.endToEndPerSecond}/s end to end (${received}/${published}), ${figures.bytesPerMeasurement} B each, ` +
      `p99 ${figures.latencyMs.p99} ms, publisher CPU ${figures.publisherCpuShare}, control p99 ${figures.controlRoundTripMs.p99} ms`,
  );
  return figures;
}

async function main(): Promise<void> {
  const runs = [];
  const embedded = await startEmbeddedBroker('127.0.0.1', 0);
  try {
    runs.push(await run('embedded', embedded.url));
  } finally {
    await embedded.close();
  }
  const mosquitto = await startMosquitto();
  if (mosquitto) {
    try {
      runs.push(await run('mosquitto', mosquitto.url));
    } finally {
      mosquitto.stop();
    }
  } else if (await reachable(1883)) runs.push(await run('mosquitto', 'mqtt://127.0.0.1:1883'));
  else log('no Mosquitto binary and none at 127.0.0.1:1883: its run is left out');
  const checks: Check[] = [];
  for (const r of runs) {
    checks.push(
      {
        name: `${r.broker}: measurements/s end to end`,
        value: r.endToEndPerSecond,
        unit: '/s',
        target: r.broker === 'mosquitto' ? '≥ 100,000' : 'reported',
        pass: r.broker === 'mosquitto' ? r.endToEndPerSecond >= 100_000 : true,
      },
      {
        name: `${r.broker}: bytes per measurement (1 double)`,
        value: r.bytesPerMeasurement,
        unit: 'B',
        target: '< 128 B (Lattice XDR: ~116 + 12–16)',
        pass: r.bytesPerMeasurement < 128,
      },
      {
        name: `${r.broker}: probe-to-consumer p99`,
        value: r.latencyMs.p99,
        unit: 'ms',
        target: '< 50 ms',
        pass: r.latencyMs.p99 < 50,
      },
      {
        name: `${r.broker}: publisher CPU share`,
        value: r.publisherCpuShare,
        unit: 'of a core',
        target: 'reported',
        pass: true,
      },
      {
        name: `${r.broker}: control round trip p99`,
        value: r.controlRoundTripMs.p99,
        unit: 'ms',
        target: '< 20 ms',
        pass: r.controlRoundTripMs.p99 < 20,
      },
      { name: `${r.broker}: measurements lost`, value: r.lost, unit: '', target: 'reported', pass: true },
    );
  }
  writeResult('monitoring', { runs }, checks);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
