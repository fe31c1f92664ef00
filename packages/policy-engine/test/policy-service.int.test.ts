import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservoir, topic } from '@reservoir/contracts';
import { MqttBus, silentLogger, startEmbeddedBroker, type SqlDatabase } from '@reservoir/runtime';
import { testBrokers, testDatabases } from '@reservoir/runtime/testing';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';
import { policyClient, type PolicyClient } from '../src/client.js';
import type { SolveResult } from '../src/domain/result.js';

type PlaceRequest = reservoir.pe.v1.PlaceRequest.$Properties;
type Constraint = reservoir.pe.v1.Constraint.$Properties;

/** Four empty hosts, two per zone; CPU and memory. */
const HOSTS: reservoir.pe.v1.PlaceHost.$Properties[] = ['h1', 'h2', 'h3', 'h4'].map((id, i) => ({
  id,
  capacity: [8, 16384],
  used: [0, 0],
  tags: { zone: i < 2 ? 'a' : 'b' },
}));
const newVm = (id: string, cpu = 1, excluded: reservoir.pe.v1.Exclusion.$Properties[] = []) => ({
  id,
  demand: [cpu, 1024],
  excluded,
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  throw new Error('expected the call to be refused');
}

describe.each(testDatabases())('the PolicyService over gRPC on $name', (database) => {
  let db: SqlDatabase;
  let broker: Awaited<ReturnType<typeof startEmbeddedBroker>>;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;
  const site = `pe-it-${database.name}-${process.pid}`;

  const start = async () => {
    pe = await createPolicyEngine({ site, database: db, mqtt: broker.url, logger: silentLogger() });
    c = policyClient(pe.address);
  };
  const place = (req: Partial<PlaceRequest>) =>
    c.policy.place({ resources: ['cpu', 'memory'], hosts: HOSTS, ...req });

  beforeAll(async () => {
    db = await database.open();
    broker = await startEmbeddedBroker();
    await start();
  });
  afterAll(async () => {
    c?.close();
    await pe?.stop();
    await broker?.close();
    await db?.close();
  });

  it('starts on the default policy', async () => {
    expect(await c.policy.getPolicy({})).toMatchObject({
      name: 'consolidate',
      weights: {},
      maxMigrations: -1,
      solver: 'auto',
      timeLimitSeconds: 10,
      cycleIntervalSeconds: 0,
      planConcurrency: 4,
      version: 1,
    });
  });

  it('changes the fields an update names, announces the change, and keeps it across a restart', async () => {
    const bus = await MqttBus.connect({ url: broker.url, clientId: `it-${site}`, logger: silentLogger() });
    const events: reservoir.pe.v1.Policy[] = [];
    await bus.subscribe(topic(site, 'pe', 'policy', 'current', 'changed'), (_t, payload) =>
      events.push(reservoir.pe.v1.Policy.decode(payload)),
    );
    const set = await c.policy.setPolicy({
      policy: {
        name: 'weighted',
        weights: { consolidate: 0.7, balance: 0.3 },
        maxMigrations: 0,
        solver: 'highs',
      },
      updateMask: ['name', 'weights', 'max_migrations'],
    });
    // The solver was not in the mask: it stays.
    expect(set).toMatchObject({
      name: 'weighted',
      weights: { consolidate: 0.7, balance: 0.3 },
      maxMigrations: 0,
    });
    expect(set).toMatchObject({ solver: 'auto', version: 2 });
    // Without a mask, every field that is set changes.
    const again = await c.policy.setPolicy({ policy: { timeLimitSeconds: 2.5, planConcurrency: 2 } });
    expect(again).toMatchObject({ name: 'weighted', timeLimitSeconds: 2.5, planConcurrency: 2, version: 3 });
    await expect.poll(() => events.map((e) => Number(e.version))).toEqual([2, 3]);
    expect(events[1]).toMatchObject({ name: 'weighted', planConcurrency: 2 });
    await bus.close();

    c.close();
    await pe.stop();
    await start();
    expect(await c.policy.getPolicy({})).toMatchObject({
      name: 'weighted',
      weights: { consolidate: 0.7, balance: 0.3 },
      maxMigrations: 0,
      timeLimitSeconds: 2.5,
      planConcurrency: 2,
      version: 3,
    });
  });

  it('refuses a bad change naming the field, and changes nothing', async () => {
    const cases: [reservoir.pe.v1.SetPolicyRequest.$Properties, string][] = [
      [{ policy: { weights: { balance: -1 } } }, 'policy.weights.balance'],
      [{ policy: { weights: { speed: 1 } } }, 'policy.weights.speed'],
      [{ policy: { name: 'random' } }, 'policy.name'],
      [{ policy: { weights: {} }, updateMask: ['weights'] }, 'policy.weights'],
      [{ policy: { solver: 'cplex' } }, 'policy.solver'],
      [{ policy: { maxMigrations: -5 } }, 'policy.max_migrations'],
      [{ policy: { planConcurrency: 0 }, updateMask: ['plan_concurrency'] }, 'policy.plan_concurrency'],
      [{ policy: { name: 'balance' }, updateMask: ['colour'] }, 'update_mask[0]'],
      [{ policy: {} }, 'policy'],
      [{}, 'policy'],
    ];
    const before = await c.policy.getPolicy({});
    for (const [req, field] of cases) {
      const e = await refusal(c.policy.setPolicy(req));
      expect(e, field).toMatchObject({ code: 'INVALID_ARGUMENT', field });
      expect(e.message).toContain(`${field}: `);
    }
    expect(await c.policy.getPolicy({})).toEqual(before);
  });

  it('places with the current policy, a change applying from the next call', async () => {
    await c.policy.setPolicy({ policy: { name: 'consolidate' } });
    const packed = await place({ vms: [newVm('a'), newVm('b')] });
    expect(packed.unplaced).toEqual([]);
    expect(packed.assignment.a).toBe(packed.assignment.b);
    const balance = await c.policy.setPolicy({ policy: { name: 'balance' } });
    const spread = await place({ vms: [newVm('a'), newVm('b')] });
    expect(spread.assignment.a).not.toBe(spread.assignment.b);
    expect(Number(spread.policyVersion)).toBe(Number(balance.version));
    expect(Number(spread.policyVersion)).toBe(Number(packed.policyVersion) + 1);
    expect(spread.ms).toBeGreaterThan(0);
    await c.policy.setPolicy({ policy: { name: 'consolidate' } });
  });

  it('honours each constraint kind, with placed VMs as facts', async () => {
    const k = (type: string, vms: string[], extra: Partial<Constraint> = {}): Constraint => ({
      type,
      vms,
      hard: true,
      ...extra,
    });
    const placed = [
      { id: 'old-1', demand: [1, 1024], host: 'h1' },
      { id: 'old-3', demand: [1, 1024], host: 'h3' },
    ];
    const hosts = HOSTS.map((h) => (h.id === 'h1' || h.id === 'h3' ? { ...h, used: [1, 1024] } : h));
    const run = (vms: ReturnType<typeof newVm>[], constraints: Constraint[]) =>
      place({ hosts, vms, placed, constraints });

    const anti = await run([newVm('x')], [k('anti-affinity', ['x', 'old-1'])]);
    expect(anti.assignment.x).toBeDefined();
    expect(anti.assignment.x).not.toBe('h1');
    const zoneAnti = await run(
      [newVm('x')],
      [k('anti-affinity', ['x', 'old-1', 'old-3'], { scope: 'zone' })],
    );
    expect(zoneAnti.unplaced[0]?.reasons?.join('; ')).toMatch(/anti-affinity/);
    const aff = await run([newVm('x')], [k('affinity', ['x', 'old-3'])]);
    expect(aff.assignment.x).toBe('h3');
    const spread = await run(
      [newVm('s1'), newVm('s2')],
      [k('spread', ['s1', 's2'], { tag: 'zone', min: 2 })],
    );
    const zoneOf = (h: string | undefined) => HOSTS.find((x) => x.id === h)?.tags?.zone;
    expect(new Set([zoneOf(spread.assignment.s1), zoneOf(spread.assignment.s2)])).toEqual(
      new Set(['a', 'b']),
    );
    const allowed = await run([newVm('x')], [k('allowed', ['x'], { tags: { zone: { values: ['b'] } } })]);
    expect(zoneOf(allowed.assignment.x)).toBe('b');
    const forbidden = await run([newVm('x')], [k('forbidden', ['x'], { hosts: ['h1', 'h2', 'h3'] })]);
    expect(forbidden.assignment.x).toBe('h4');
    // A set that cannot fit whole places none of its members.
    const set = await run(
      [newVm('big-1', 8), newVm('big-2', 8), newVm('big-3', 8), newVm('big-4', 8)],
      [k('all-or-nothing', ['big-1', 'big-2', 'big-3', 'big-4'])],
    );
    expect(set.assignment).toEqual({});
    expect(set.unplaced.map((u) => u.vm).sort()).toEqual(['big-1', 'big-2', 'big-3', 'big-4']);
    expect(set.unplaced[0]?.reasons?.[0]).toMatch(/all-or-nothing/);
  });

  it("explains an unplaced VM with the caller's reason for excluding a host", async () => {
    const r = await place({
      hosts: HOSTS.slice(0, 2),
      vms: [
        newVm('legacy', 1, [
          { host: 'h1', reason: 'disk format vmdk not supported' },
          { host: 'h2', reason: 'disk format vmdk not supported' },
        ]),
      ],
    });
    expect(r.assignment).toEqual({});
    expect(r.unplaced).toEqual([
      { vm: 'legacy', reasons: [expect.stringContaining('disk format vmdk not supported')] },
    ]);
  });

  it('refuses a malformed placement request naming the field', async () => {
    const cases: [Partial<PlaceRequest>, string][] = [
      [{ hosts: [...HOSTS.slice(0, 3), { id: 'h4', capacity: [8, 16384], used: [1] }] }, 'hosts[3].used'],
      [{ vms: [{ id: 'v', demand: [1, 2, 3] }] }, 'vms[0].demand'],
      [{ placed: [{ id: 'p', demand: [1, 1], host: 'h9' }] }, 'placed[0].host'],
      [{ vms: [newVm('v')], constraints: [{ type: 'near', vms: ['v'] }] }, 'constraints[0].type'],
      [{ vms: [newVm('v')], constraints: [{ type: 'affinity', vms: ['v', 'w'] }] }, 'constraints[0].vms[1]'],
      [{ resources: [] }, 'resources'],
    ];
    for (const [req, field] of cases)
      expect(await refusal(place(req)), field).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });

  it('solves an instance document with overrides', async () => {
    const instance = {
      resources: ['cpu'],
      hosts: [1, 2, 3].map((i) => ({ id: `h${i}`, capacity: [10] })),
      vms: [
        { id: 'v1', demand: [5], host: 'h1' },
        { id: 'v2', demand: [5], host: 'h2' },
        { id: 'v3', demand: [4], host: 'h3' },
      ],
      policy: { name: 'balance' },
    };
    const r = await c.policy.solve({
      instanceJson: JSON.stringify(instance),
      policy: 'consolidate',
      solver: 'heuristic',
      timeLimitSeconds: 2,
    });
    const result = JSON.parse(r.resultJson) as SolveResult;
    expect(result).toMatchObject({ policy: 'consolidate', hostsUsed: 2 });
    expect(['optimal', 'feasible']).toContain(result.status);
    expect(Object.keys(result.assignment).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(result.plan.length).toBeGreaterThan(0);
  });

  it('refuses a malformed instance or override naming the field', async () => {
    const bad = await refusal(
      c.policy.solve({ instanceJson: '{"resources": ["cpu"], "hosts": [], "vms": [{"id": "v"}]}' }),
    );
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'vms[0].demand' });
    expect(bad.message).toMatch(/^instance_json: invalid instance: vms\[0\]\.demand/);
    const json = await refusal(c.policy.solve({ instanceJson: '{\n "resources": [cpu]\n}' }));
    expect(json.message).toMatch(/instance_json: not valid JSON: .*\(line 2, column 16\)/);
    const ok = JSON.stringify({ resources: ['cpu'], hosts: [], vms: [] });
    expect(await refusal(c.policy.solve({ instanceJson: ok, policy: 'cheapest' }))).toMatchObject({
      field: 'policy',
    });
    expect(await refusal(c.policy.solve({ instanceJson: ok, solver: 'cplex' }))).toMatchObject({
      field: 'solver',
    });
  });

  it('refuses to optimize without a VEEM', async () => {
    expect(await refusal(c.policy.optimize({ dryRun: true }))).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });
});

describe.each(testBrokers())('policy changes between replicas over the $name broker', (broker) => {
  it('a replica sharing the database follows a change made by another', async () => {
    const b = await broker.start();
    const db = await testDatabases()[0]!.open();
    const site = `pe-rep-${broker.name}-${process.pid}`;
    const opts = { site, database: db, mqtt: b.url, logger: silentLogger() };
    const one = await createPolicyEngine(opts);
    const two = await createPolicyEngine(opts);
    const [c1, c2] = [policyClient(one.address), policyClient(two.address)];
    try {
      const v = await c1.policy.setPolicy({ policy: { name: 'profit' } });
      await expect.poll(() => two.engine.policies.get().version, { timeout: 5000 }).toBe(Number(v.version));
      expect(two.engine.policies.get().name).toBe('profit');
      expect((await c2.policy.getPolicy({})).name).toBe('profit');
    } finally {
      c1.close();
      c2.close();
      await one.stop();
      await two.stop();
      await db.close();
      await b.close();
    }
  });
});
