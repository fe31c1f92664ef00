// The publishing side of bench:monitoring, in its own process so its CPU is measured alone:
// data sources holding the probes, driven at a fixed rate, on one MQTT connection.
import { MqttBus, silentLogger } from '@reservoir/runtime';
import { DataSource } from '../packages/monitoring/src/index.js';

const [url, site, sourcesArg, probesArg, rateArg, secondsArg] = process.argv.slice(2);
const SOURCES = Number(sourcesArg);
const PROBES = Number(probesArg);
const RATE = Number(rateArg);
const SECONDS = Number(secondsArg);

async function main(): Promise<void> {
  const bus = await MqttBus.connect({
    url: url!,
    clientId: `bench-pub-${process.pid}`,
    logger: silentLogger(),
  });
  const sources: { ds: DataSource; probes: string[] }[] = [];
  for (let s = 0; s < SOURCES; s++) {
    const ds = new DataSource({
      id: `ds-${s}`,
      name: `bench source ${s}`,
      site: site!,
      kind: 'host',
      bus,
      flushMs: 10,
      maxBatch: 1000,
    });
    const probes: string[] = [];
    for (let p = 0; p < PROBES / SOURCES; p++) {
      const info = ds.addProbe({
        id: `p-${s}-${p}`,
        name: `load-${p}`,
        attributes: [{ field: 1, name: 'value', type: 'double', units: '%' }],
        periodMs: 60_000,
        on: true,
      });
      probes.push(info.id);
    }
    await ds.start();
    sources.push({ ds, probes });
  }
  process.stdout.write(`${JSON.stringify({ event: 'ready' })}\n`);
  // Every probe reports RATE measurements per second: each 5 ms tick catches up with the time
  // that has passed, so timer drift does not lower the offered load.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rounds = 0;
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - t0) / 1000) * RATE);
    for (; rounds < due; rounds++)
      for (const { ds, probes } of sources)
        for (const id of probes) ds.emit(id, { value: Math.random() * 100 });
  }, 5);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 200));
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  let published = 0;
  let bytes = 0;
  let batches = 0;
  for (const { ds } of sources) {
    const st = ds.stats();
    published += st.published;
    bytes += st.bytes;
    batches += st.batches;
  }
  process.stdout.write(
    `${JSON.stringify({ event: 'done', published, bytes, batches, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: wall })}\n`,
  );
  // Control requests keep being served until the bench says stop.
  process.stdin.on('data', async () => {
    for (const { ds } of sources) await ds.stop();
    await bus.close();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
