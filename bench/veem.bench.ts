// npm run bench:veem — 10,000 VMs on 1,000 hollow hosts: a VEEM process on SQLite, a VEEH
// process simulating the hosts, real gRPC between them and to this client, events on MQTT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Semaphore, startEmbeddedBroker, startService } from '@reservoir/runtime';
import { freePort } from '@reservoir/runtime/testing';
import { vmiClient } from '@reservoir/veem';
import { cpuSecondsOf, memoryOf, summary, writeResult, type Check } from './lib.js';

const HOSTS = Number(process.env.BENCH_HOSTS ?? 1000);
const VMS = Number(process.env.BENCH_VMS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SITE = 'bench';

async function reachable(host: string, port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const s = connect(port, host, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-veem-'));
  // The machine's Mosquitto when there is one (as a deployment would run), else the embedded broker.
  const external =
    process.env.BENCH_MQTT_URL ??
    ((await reachable('127.0.0.1', 1883)) ? 'mqtt://127.0.0.1:1883' : undefined);
  const broker = external ? { url: external, close: async () => undefined } : await startEmbeddedBroker();
  log(`starting a VEEH with ${HOSTS} hollow hosts and a VEEM (data in ${dir})`);
  const agent = await startService(
    'veeh',
    'packages/veeh/src/main.ts',
    [
      '--listen',
      '127.0.0.1:0',
      '--hosts',
      String(HOSTS),
      '--host-prefix',
      'h',
      '--cores',
      '32',
      '--memory-mib',
      '131072',
      '--disk-mib',
      '4194304',
      '--latency-profile',
      'none',
    ],
    join(dir, 'veeh.log'),
  );
  const address = `127.0.0.1:${await freePort()}`;
  const veem = await startService(
    'veem',
    'packages/veem/src/main.ts',
    [
      '--site',
      SITE,
      '--database',
      `sqlite:${join(dir, 'veem.db')}`,
      '--mqtt',
      broker.url,
      '--listen',
      address,
    ],
    join(dir, 'veem.log'),
    {
      RESERVOIR_VEEM_LOG_LEVEL: 'warn',
      RESERVOIR_VEEM_MONITOR__INTERVAL_MS: '5000',
      RESERVOIR_VEEM_MONITOR__FAILURE_TIMEOUT_MS: '60000',
    },
    60_000,
    process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
  );
  const client = vmiClient(address, 120_000);
  try {
    let t0 = performance.now();
    const limiter = new Semaphore(CONCURRENCY);
    const hostIds = agent.ready.hosts as string[];
    await Promise.all(
      hostIds.map((id) =>
        limiter.run(() =>
          client.hosts.registerHost({ name: id, agentEndpoint: agent.ready.address, agentHostId: id }),
        ),
      ),
    );
    const registerMs = performance.now() - t0;
    log(`${hostIds.length} hosts registered in ${registerMs.toFixed(0)} ms`);

    // Counting running VMs through the API (one VM per page, the total comes with it) keeps this
    // client from competing with the platform for CPU the way consuming every event would.
    let lastRunningAt = 0;
    let running = 0;
    let stopPolling = false;
    const allRunning = (async () => {
      while (!stopPolling) {
        const r = await client.vms.listVms({ states: ['running'], pageSize: 1 });
        if (r.total !== running) {
          running = r.total;
          lastRunningAt = performance.now();
        }
        if (running >= VMS) return;
        await new Promise((res) => setTimeout(res, 50));
      }
    })();
    log(`creating ${VMS} VMs, ${CONCURRENCY} requests in flight`);
    const createMs: number[] = [];
    const ids: string[] = [];
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: VMS }, (_, i) =>
        limiter.run(async () => {
          const s = performance.now();
          const r = await client.vms.createVm({
            name: `vm-${i}`,
            resources: { vcpus: 1, memoryMib: 1024, diskMib: 10_240 },
            requestId: `bench-${i}`,
          });
          createMs.push(performance.now() - s);
          ids.push(r.vm!.id!);
        }),
      ),
    );
    const acceptedMs = performance.now() - t0;
    log(`${VMS} creates accepted in ${acceptedMs.toFixed(0)} ms; waiting for all to run`);
    const timeout = setTimeout(() => {
      stopPolling = true;
    }, 600_000);
    await allRunning;
    clearTimeout(timeout);
    if (running < VMS) throw new Error(`only ${running} of ${VMS} VMs running after 600 s`);
    const toRunningMs = lastRunningAt - t0;
    const placementsPerSecond = Math.round(VMS / (toRunningMs / 1000));
    log(`all ${VMS} running after ${toRunningMs.toFixed(0)} ms (${placementsPerSecond}/s)`);

    const getMs: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = ids[(i * 7919) % ids.length]!;
      const s = performance.now();
      await client.vms.getVm({ id });
      getMs.push(performance.now() - s);
    }
    const listMs: number[] = [];
    let listed = 0;
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      const r = await client.vms.listVms({});
      listMs.push(performance.now() - s);
      listed = r.vms.length;
    }
    const cpuSeconds = {
      veem: cpuSecondsOf(veem.child.pid!),
      veeh: cpuSecondsOf(agent.child.pid!),
      clientAndBroker: cpuSecondsOf(process.pid),
    };
    const veemMem = memoryOf(veem.child.pid!);
    const veehMem = memoryOf(agent.child.pid!);

    const create = summary(createMs);
    const get = summary(getMs);
    const list = summary(listMs);
    const checks: Check[] = [
      {
        name: 'placements per second to running',
        value: placementsPerSecond,
        unit: '/s',
        target: '>= 1000',
        pass: placementsPerSecond >= 1000,
      },
      {
        name: `list all ${listed} VMs (median of 10)`,
        value: Math.round(list.p50),
        unit: 'ms',
        target: '< 200',
        pass: list.p50 < 200,
      },
      {
        name: 'VEEM peak resident memory',
        value: veemMem.peakRssMib,
        unit: 'MiB',
        target: '< 1024',
        pass: veemMem.peakRssMib < 1024,
      },
      {
        name: `create latency p50 (${CONCURRENCY} in flight)`,
        value: Math.round(create.p50 * 10) / 10,
        unit: 'ms',
        target: 'reported',
        pass: true,
      },
      {
        name: `create latency p99 (${CONCURRENCY} in flight)`,
        value: Math.round(create.p99 * 10) / 10,
        unit: 'ms',
        target: 'reported',
        pass: true,
      },
      {
        name: 'get latency p50 (sequential)',
        value: Math.round(get.p50 * 100) / 100,
        unit: 'ms',
        target: 'reported',
        pass: true,
      },
      {
        name: 'get latency p99 (sequential)',
        value: Math.round(get.p99 * 100) / 100,
        unit: 'ms',
        target: 'reported',
        pass: true,
      },
    ];
    writeResult(
      'veem',
      {
        setup: {
          hosts: HOSTS,
          vms: VMS,
          concurrency: CONCURRENCY,
          store: 'sqlite',
          transport: 'gRPC between separate processes',
          broker: external ? `external (${external})` : 'embedded aedes',
        },
        registerHostsMs: Math.round(registerMs),
        createsAcceptedMs: Math.round(acceptedMs),
        allRunningMs: Math.round(toRunningMs),
        placementsPerSecond,
        createLatencyMs: create,
        getLatencyMs: get,
        listAllMs: list,
        listedVms: listed,
        memory: { veem: veemMem, veeh: veehMem },
        cpuSeconds,
      },
      checks,
    );
    if (checks.some((c) => !c.pass)) process.exitCode = 1;
  } finally {
    client.close();
    await veem.stop();
    await agent.stop();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
