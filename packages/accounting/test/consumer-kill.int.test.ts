import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir, topics } from '@reservoir/contracts';
import {
  MqttBus,
  openDatabase,
  silentLogger,
  startEmbeddedBroker,
  startService,
  type EmbeddedBroker,
  type ServiceProcess,
  type SqlDatabase,
} from '@reservoir/runtime';
import { requireEnvInCi, TEST_MQTT_URL_ENV, TEST_PG_URL_ENV } from '@reservoir/runtime/testing';
import { ACTION_TO_PB } from '@reservoir/veem';
import { kvmHost, startSite, until, waitTask, type Site } from '../../veem/test/harness.js';
import { SqlAccountingStore } from '../src/adapters/store/sql-accounting-store.js';
import { BILLED_STATES } from '../src/domain/vm-usage.js';

// The accounting process is killed with SIGKILL twice while a site's VMs change state, and restarted
// on the same database each time: the usage it stored must match, to the millisecond, the time the
// VEEM recorded each VM in a billed state, with nothing lost and nothing counted twice.

interface TargetDb {
  name: string;
  /** The URL handed to the accounting process. */
  url: string;
  open(): Promise<SqlDatabase>;
  drop(): Promise<void>;
}

function sqliteDb(dir: string): TargetDb {
  const url = `sqlite:${join(dir, 'accounting.db')}`;
  return { name: 'sqlite', url, open: () => openDatabase(url), drop: async () => undefined };
}

function postgresDb(base: string): TargetDb {
  // A schema of its own, named in the URL itself so that the child process lands in it too.
  const schema = `test_${randomBytes(8).toString('hex')}`;
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'postgres',
    url: u.toString(),
    open: () => openDatabase(base, { schema }),
    drop: async () => {
      const db = await openDatabase(base);
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

// Every database against the embedded broker; the machine's Mosquitto (when named) with SQLite.
const pgUrl = requireEnvInCi(TEST_PG_URL_ENV);
const mosquitto = requireEnvInCi(TEST_MQTT_URL_ENV);
const cases = [
  { db: 'sqlite', broker: 'embedded' },
  ...(pgUrl ? [{ db: 'postgres', broker: 'embedded' }] : []),
  ...(mosquitto ? [{ db: 'sqlite', broker: 'mosquitto' }] : []),
] as const;

interface Seen {
  vmId: string;
  to: string;
  atMs: number;
  version: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sorted periods with the adjacent ones joined: checkpoints split a period, they add nothing. */
function merge(spans: (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

describe.each(cases)('accounting killed with SIGKILL mid-stream ($db, $broker broker)', (c) => {
  const site = `ck${process.pid}${c.db[0]}${c.broker[0]}`;
  const clientId = `acc-${site}`;
  let dir = '';
  let broker: EmbeddedBroker | undefined;
  let mqttUrl = '';
  let veem: Site;
  let target: TargetDb;
  let events: MqttBus;
  const seen: Seen[] = [];
  let accounting: ServiceProcess | undefined;
  let starts = 0;

  const startAccounting = async () => {
    accounting = await startService(
      'accounting',
      'packages/accounting/src/main.ts',
      [
        '--database',
        target.url,
        '--mqtt',
        mqttUrl,
        '--mqtt-client-id',
        clientId,
        '--site',
        `${site}=${veem.veem.address}`,
        '--checkpoint-ms',
        '100',
      ],
      join(dir, `accounting-${++starts}.log`),
    );
  };
  const kill = async () => {
    accounting!.child.kill('SIGKILL');
    await accounting!.exited;
    accounting = undefined;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'acc-kill-'));
    if (c.broker === 'embedded') {
      broker = await startEmbeddedBroker();
      mqttUrl = broker.url;
    } else mqttUrl = mosquitto!;
    target = c.db === 'postgres' ? postgresDb(pgUrl!) : sqliteDb(dir);
    await (await target.open()).close();
    veem = await startSite({ mqttUrl, localHosts: [kvmHost(`${site}-1`), kvmHost(`${site}-2`)], site });
    // The VEEM's own record of every VM state change, followed from outside the accounting process.
    events = await MqttBus.connect({ url: mqttUrl, clientId: `${site}-seen`, logger: silentLogger() });
    await events.subscribe(topics.allVmStates(site), (_t, payload) => {
      const e = reservoir.veem.v1.VmStateEvent.decode(payload);
      seen.push({ vmId: e.vmId, to: e.toState, atMs: Number(e.atMs), version: Number(e.version) });
    });
  }, 60_000);

  afterAll(async () => {
    if (accounting) await kill();
    await events?.close();
    // A clean session under the same id ends the one the accounting process left on the broker.
    if (mqttUrl)
      await (
        await MqttBus.connect({ url: mqttUrl, clientId: `${clientId}-${site}`, logger: silentLogger() })
      ).close();
    await veem?.stop();
    await broker?.close();
    await target?.drop();
    if (!process.env.KEEP_TEST_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('bills every VM exactly its billed time across two kills and restarts', async () => {
    const vms: { id: string; vcpus: number }[] = [];
    const create = async (i: number) => {
      const vcpus = 1 + (i % 3);
      const r = await veem.client.vms.createVm({
        name: `ck-${i}`,
        resources: { vcpus, memoryMib: 512 * vcpus, diskMib: 1024 },
        labels: { 'reservoir.service': 'shop', 'reservoir.component': `c${i}` },
      });
      vms[i] = { id: r.vm!.id!, vcpus };
      return r.task?.id;
    };
    const act = async (i: number, action: keyof typeof ACTION_TO_PB) =>
      (await veem.client.vms.actOnVm({ id: vms[i]!.id, action: ACTION_TO_PB[action] })).task?.id;
    const settle = async (tasks: Promise<string | null | undefined>[]) => {
      for (const t of await Promise.all(tasks)) await waitTask(veem.client, t);
    };

    await startAccounting();
    await settle([0, 1, 2, 3, 4, 5].map(create));
    await sleep(400);

    // Kill 1: a burst of changes is in flight when the process dies.
    const burst = [act(0, 'stop'), act(1, 'suspend'), act(2, 'stop')];
    await sleep(30);
    await kill();
    await settle(burst);
    // While it is down: VMs start, resume, go away, and one lives its whole life unseen.
    await settle([act(0, 'start'), act(1, 'resume'), act(2, 'delete')]);
    await settle([create(6)]);
    await settle([act(6, 'delete')]);
    await startAccounting();

    await settle([act(3, 'suspend'), act(4, 'stop')]);
    await sleep(300);
    // Kill 2: right after a burst of changes completed, before the collector can be sure to be done.
    await settle([act(3, 'resume'), act(4, 'start'), act(5, 'stop')]);
    await kill();
    await settle([act(0, 'stop'), create(7)]);
    await settle([act(1, 'suspend'), act(7, 'stop')]);
    await startAccounting();

    await sleep(300);
    // The end of the stream: every VM gone, so every billed interval is closed.
    await settle([act(0, 'delete'), act(1, 'delete'), act(3, 'delete'), act(4, 'delete')]);
    await settle([act(5, 'delete'), act(7, 'delete')]);
    await until(
      'the VEEM to report every VM done',
      () => vms.every((v) => seen.some((e) => e.vmId === v.id && e.to === 'done')) || undefined,
    );

    // What the VEEM recorded: each VM billed from every change to a billed state to the next change.
    const billed = new Map<string, [number, number][]>();
    for (const v of vms) {
      const changes = seen.filter((e) => e.vmId === v.id).sort((a, b) => a.version - b.version);
      const spans: [number, number][] = [];
      for (let i = 0; i + 1 < changes.length; i++)
        if (BILLED_STATES.has(changes[i]!.to)) spans.push([changes[i]!.atMs, changes[i + 1]!.atMs]);
      billed.set(v.id, spans);
    }

    const db = await target.open();
    try {
      const store = new SqlAccountingStore(db);
      const read = async () => ({
        usage: (await store.usage()).filter((u) => u.site === site),
        open: (
          await db.query<{ body: string }>('SELECT body FROM meter_intervals WHERE site = $1', [site])
        )[0]?.body,
      });
      // Caught up: every VM's last billed period closed where the VEEM ended it, nothing left open.
      // Waited for at most 10 s; what is stored then is judged below.
      let { usage, open } = await read();
      for (const end = Date.now() + 10_000; Date.now() < end; { usage, open } = await read()) {
        const closed = vms.every((v) =>
          usage.some((u) => u.vmId === v.id && u.end === billed.get(v.id)!.at(-1)?.[1]),
        );
        if (closed && open === '[]') break;
        await sleep(50);
      }

      // Nothing counted twice: keys are unique, and no two records of a VM and metric overlap.
      expect(new Set(usage.map((u) => u.key)).size).toBe(usage.length);
      for (const v of vms) {
        for (const metric of ['vm.hours', 'vcpu.hours', 'memory.gib_hours', 'disk.gib_hours']) {
          const spans = usage
            .filter((u) => u.vmId === v.id && u.metric === metric)
            .sort((a, b) => a.start - b.start);
          for (let i = 1; i < spans.length; i++)
            expect(spans[i]!.start, `${metric} of VM ${v.id}`).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        }
      }

      for (const v of vms) {
        const spans = billed.get(v.id)!;
        const billedMs = spans.reduce((n, [a, b]) => n + b - a, 0);
        expect(billedMs, `VM ${v.id} was billed by the VEEM`).toBeGreaterThan(0);
        const mine = usage.filter((u) => u.vmId === v.id);
        const hours = mine.filter((u) => u.metric === 'vm.hours');
        // Nothing lost or added: the records cover exactly the VEEM's billed periods...
        expect(merge(hours.map((u) => [u.start, u.end])), `VM ${v.id} billed periods`).toEqual(merge(spans));
        // ...and their quantities add up to that time, within 1 ms per state change.
        const sum = (metric: string) =>
          mine.filter((u) => u.metric === metric).reduce((n, u) => n + Number(u.quantity), 0);
        const vmHours = sum('vm.hours');
        expect(Math.abs(vmHours * 3_600_000 - billedMs), `VM ${v.id} billed ms`).toBeLessThanOrEqual(
          2 * spans.length,
        );
        // The other metrics follow from the VM's size.
        expect(sum('vcpu.hours')).toBeCloseTo(vmHours * v.vcpus, 9);
        expect(sum('memory.gib_hours')).toBeCloseTo((vmHours * 512 * v.vcpus) / 1024, 9);
        expect(sum('disk.gib_hours')).toBeCloseTo(vmHours, 9);
        expect(mine.every((u) => u.service === 'shop' && u.component === `c${vms.indexOf(v)}`)).toBe(true);
      }
      expect(open, 'intervals left open').toBe('[]');
    } finally {
      await db.close();
    }
  }, 60_000);
});
