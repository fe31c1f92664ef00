import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@reservoir/runtime';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'packages/cli/bin/reservoir.js');

describe('the reservoir command against "reservoir up"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-it-'));
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  let up: ChildProcess;
  let upExit: Promise<number | null>;

  let extraEnv: NodeJS.ProcessEnv = {};
  const adminCredential = () =>
    `Bearer ${(JSON.parse(readFileSync(join(dir, 'config', 'credentials.json'), 'utf8')) as { token: string }).token}`;
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, '--data-dir', dir, ...args], {
        cwd: REPO_ROOT,
        timeout: 60_000,
        // The system administrator's login, made in beforeAll with the password `up` printed.
        env: { ...process.env, RESERVOIR_CONFIG_DIR: join(dir, 'config'), ...extraEnv },
      });
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  }
  const json = async (...args: string[]) => {
    const r = await cli(...args, '--json');
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out);
  };

  beforeAll(async () => {
    up = spawn(
      process.execPath,
      [
        BIN,
        'up',
        '--data-dir',
        dir,
        '--sites',
        '2',
        '--hosts',
        '3',
        '--latency',
        'none',
        '--port',
        String(port),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    upExit = new Promise((r) => up.once('exit', (code) => r(code)));
    let upErr = '';
    up.stderr!.on('data', (d: Buffer) => (upErr += d.toString()));
    let upOut = '';
    up.stdout!.on('data', (d: Buffer) => (upOut += d.toString()));
    // Seven processes start one after another (monitoring, then VEEH, PE, VEEM and SM of the site),
    // each compiling TypeScript on start, beside the other test files.
    const deadline = Date.now() + 150_000;
    while (!existsSync(join(dir, 'endpoints.json'))) {
      if (up.exitCode !== null) throw new Error(`reservoir up exited (${up.exitCode}): ${upErr}`);
      if (Date.now() > deadline) throw new Error(`reservoir up did not write endpoints.json: ${upErr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    while (!/Press Ctrl-C/.test(upOut)) await new Promise((r) => setTimeout(r, 50));
    const password = /password (\S+)/.exec(upOut)?.[1] ?? '';
    extraEnv = { RESERVOIR_PASSWORD: password };
    const login = await cli('login', '--org', 'system', '--user', 'admin');
    extraEnv = {};
    expect(login.code, login.err).toBe(0);
  }, 180_000);

  afterAll(async () => {
    if (up.exitCode === null) up.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes where each service listens', () => {
    const eps = JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8'));
    expect(eps.sites['site-a'].veem).toBe(`127.0.0.1:${port}`);
    expect(eps.sites['site-a'].metrics).toEqual({
      veem: `127.0.0.1:${port + 3}`,
      veeh: [`127.0.0.1:${port + 4}`],
      pe: `127.0.0.1:${port + 5}`,
      sm: `127.0.0.1:${port + 7}`,
    });
    expect(eps.sites['site-a'].sm).toBe(`127.0.0.1:${port + 6}`);
    expect(eps.mqtt).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves each service's Prometheus metrics where endpoints.json says", async () => {
    const { metrics } = JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8')).sites['site-a'];
    for (const [address, name] of [
      [metrics.veem, 'veem_vms'],
      [metrics.veeh[0], 'veeh_hosts'],
      [metrics.pe, 'pe_policy_version'],
      [metrics.sm, 'sm_services'],
    ]) {
      // Scrapes carry a credential like every other call; the administrator's login here.
      const anonymous = await fetch(`http://${address}/metrics`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const res = await fetch(`http://${address}/metrics`, { headers: { authorization: adminCredential() } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`# TYPE ${name} gauge`);
    }
  });

  it('lists hosts as JSON with capacity and use', async () => {
    const hosts = await json('host', 'list');
    expect(hosts).toHaveLength(3);
    expect(hosts[0]).toMatchObject({
      name: 'site-a-host-01',
      state: 'monitored',
      capacity: { vcpus: 16, memoryMib: 65536 },
      used: { vcpus: 0 },
    });
  });

  it('creates, migrates, resizes, stops and deletes a VM, waiting on each task', async () => {
    const vm = await json('vm', 'create', '--name', 'web-1', '--cpu', '2', '--memory', '2G', '--wait');
    // The caller's organization, as the request names none: the administrator's.
    expect(vm).toMatchObject({ name: 'web-1', state: 'running', site: 'site-a', organization: 'system' });
    expect(vm.id).toMatch(/^vm-/);
    expect(vm.host).toMatch(/^site-a-host-0\d$/);
    const moved = await json('vm', 'migrate', vm.id, '--live', '--wait');
    expect(moved.state).toBe('running');
    expect(moved.host).not.toBe(vm.host);
    const resized = await json('vm', 'resize', vm.id, '--cpu', '4', '--memory', '4096', '--wait');
    expect(resized.resources).toMatchObject({ vcpus: 4, memoryMib: 4096 });
    const noWait = await json('vm', 'stop', vm.id);
    expect(noWait.task.id).toMatch(/^task-/);
    const task = await json('task', 'show', noWait.task.id, '--wait');
    expect(task).toMatchObject({ state: 'succeeded', progress: 100, operation: 'vm.stop' });
    expect((await json('vm', 'show', vm.id)).state).toBe('poweroff');
    expect((await json('vm', 'delete', vm.id, '--wait')).state).toBe('done');
    const list = await json('vm', 'list');
    expect(list.find((v: { id: string }) => v.id === vm.id)).toBeUndefined();
    const table = await cli('vm', 'list', '--all');
    expect(table.out).toContain(vm.id);
  });

  it('federates the two sites: checks a VM against the partner, then copies it there with its disk', async () => {
    const file = join(dir, 'fed-guest.qcow2');
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', file, '16M']);
    const img = await json('image', 'register', 'fed-guest', '--file', file, '--format', 'qcow2');
    expect(img.sizeMib).toBe(16);
    const vm = await json(
      'vm',
      'create',
      '--name',
      'fed-1',
      '--cpu',
      '1',
      '--memory',
      '1G',
      '--image',
      img.id,
      '--network',
      'public',
      '--wait',
    );
    expect(vm.state).toBe('running');
    const partners = await json('interop', 'partners');
    expect(partners.partners).toEqual([expect.objectContaining({ site: 'site-b', reachable: true })]);
    const check = await json('interop', 'check', vm.id, '--to', 'site-b');
    expect(check).toMatchObject({ interoperable: true, level: 2, targetSite: 'site-b' });
    expect(check.differences.map((d: { code: string }) => d.code)).toContain('ADDRESS_CHANGE');
    const copy = await json('vm', 'copy', vm.id, '--to', 'site-b', '--wait');
    expect(copy).toMatchObject({ state: 'succeeded', mode: 'copy' });
    const there = await json('vm', 'show', copy.targetVmId, '--site', 'site-b');
    expect(there).toMatchObject({ state: 'running', site: 'site-b', name: 'fed-1' });
    expect((await json('vm', 'show', vm.id)).state).toBe('running');
    const bad = await cli('vm', 'move', vm.id, '--to', 'site-z');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/site-z/);
    expect((await json('vm', 'delete', vm.id, '--wait')).state).toBe('done');
    expect((await json('vm', 'delete', copy.targetVmId, '--site', 'site-b', '--wait')).state).toBe('done');
  });

  it('bills a prepaid account for the VM time of its organization, once, from the CLI', async () => {
    const eps = JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8'));
    expect(eps.accounting).toMatch(/^127\.0\.0\.1:\d+$/);
    const acct = await json('account', 'create', 'acme', '--kind', 'prepaid', '--org', 'acme');
    expect(acct).toMatchObject({ id: 'acme', kind: 'prepaid', balance: '0.00', state: 'active' });
    expect((await json('account', 'topup', 'acme', '10.00', '--key', 'first')).balance).toBe('10.00');
    expect((await json('account', 'topup', 'acme', '10.00', '--key', 'first')).balance).toBe('10.00');
    const vm = await json(
      'vm',
      'create',
      '--name',
      'billed-1',
      '--cpu',
      '2',
      '--memory',
      '2G',
      '--org',
      'acme',
      '--wait',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await json('vm', 'stop', vm.id, '--wait')).state).toBe('poweroff');
    // The run is billed once the VM leaves its last billed state (poweroff ends it).
    let usage: { metric: string; endMs: number }[] = [];
    for (let i = 0; i < 50; i++) {
      usage = (await json('usage', 'list', '--account', 'acme')).records;
      if (usage.length >= 8) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // One record per metric for each interval of the run (state changes split it).
    expect([...new Set(usage.map((u) => u.metric))].sort()).toEqual([
      'disk.gib_hours',
      'memory.gib_hours',
      'vcpu.hours',
      'vm.hours',
    ]);
    const bill = await json('bill', 'show', 'acme', '--issue');
    expect(bill.id).not.toBe('');
    const cents = (x: string) => Math.round(Number(x) * 100);
    expect(bill.lines.reduce((s: number, l: { amount: string }) => s + cents(l.amount), 0)).toBe(
      cents(bill.total),
    );
    const after = await json('account', 'show', 'acme');
    expect(cents(after.balance)).toBe(1000 - cents(bill.total));
    // The margin per service: the invoiced charge; with no costs in the price list, all of it.
    const profit = await json('bill', 'profit');
    expect(profit.services).toEqual([
      expect.objectContaining({
        service: 'vms',
        accountId: 'acme',
        revenue: bill.total,
        cost: '0.00',
        margin: bill.total,
        marginPercent: cents(bill.total) > 0 ? '100' : '',
      }),
    ]);
    // A manifest's estimate by the price list (default: 0.01/VM-h, 0.02/vCPU-h, 0.005/GiB-h of
    // memory, 0.0001/GiB-h of disk): the database is 2 vCPU, 4 GiB and 60 GiB of disk.
    const manifest = join(REPO_ROOT, 'examples', 'web-tier.yaml');
    const quote = await json('price', 'estimate', manifest);
    const db = quote.components.find((c: { component: string }) => c.component === 'db');
    expect(Number(db.perInstanceHour)).toBeCloseTo(0.076, 6);
    expect(Number(db.perInstanceMonth)).toBeCloseTo(0.076 * 720, 2);
    // The Service Manager's estimate (its budget directive) is the accounting service's.
    const smCost = await json('service', 'cost', manifest);
    expect(smCost.perHourAtInitial).toBeCloseTo(Number(quote.perHourAtInitial), 6);
    const bad = join(dir, 'bad-prices.yaml');
    writeFileSync(bad, 'currency: EUR\nrules:\n  - metric: vcpu.hours\n    rate: "a lot"\n');
    const refused = await cli('price', 'set', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/rules\[0\]\.rate/);
    expect((await cli('vm', 'delete', vm.id, '--wait')).code).toBe(0);
    // About twenty runs of the command, a second or two each on two cores.
  }, 90_000);

  it('explains bad input with an exit code and changes nothing', async () => {
    const neg = await cli('vm', 'create', '--name', 'x', '--cpu', '-1', '--memory', '1G');
    expect(neg.code).toBe(2);
    expect(neg.err).toMatch(/INVALID_ARGUMENT/);
    const size = await cli('vm', 'create', '--name', 'x', '--cpu', '1', '--memory', 'lots');
    expect(size.code).toBe(2);
    expect(size.err).toContain('--memory: "lots" is not a size');
    const missing = await cli('vm', 'show', 'vm-missing');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('NOT_FOUND: VM "vm-missing" not found');
    const none = await cli('--endpoint', '', '--data-dir', join(dir, 'nowhere'), 'host', 'list');
    expect(none.code).toBe(1);
    expect(none.err).toContain('no endpoint');
    expect(await json('vm', 'list')).toEqual([]);
  });

  it('runs a Policy Engine per site, whose policy the CLI shows and changes', async () => {
    const eps = JSON.parse(readFileSync(join(dir, 'endpoints.json'), 'utf8'));
    expect(eps.sites['site-a'].pe).toBe(`127.0.0.1:${port + 2}`);
    expect(await json('policy', 'show')).toEqual({
      name: 'consolidate',
      weights: {},
      maxMigrations: -1,
      solver: 'auto',
      timeLimitSeconds: 10,
      cycleIntervalSeconds: 0,
      planConcurrency: 4,
      version: 1,
    });
    const set = await json(
      'policy',
      'set',
      '--site',
      'site-a',
      '--name',
      'weighted',
      '--weight',
      'consolidate=0.7',
      '--weight',
      'balance=0.3',
      '--max-migrations',
      '5',
      '--time-limit',
      '2',
      '--concurrency',
      '2',
    );
    expect(set).toMatchObject({
      name: 'weighted',
      weights: { consolidate: 0.7, balance: 0.3 },
      maxMigrations: 5,
      solver: 'auto',
      timeLimitSeconds: 2,
      planConcurrency: 2,
      version: 2,
    });
    const shown = await cli('policy', 'show');
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(/policy\s*│\s*weighted/);
    expect(shown.out).toContain('consolidate=0.7, balance=0.3');
    expect(shown.out).toMatch(/optimization cycle\s*│\s*on demand/);
    expect(await json('policy', 'set', '--max-migrations', 'none')).toMatchObject({
      name: 'weighted',
      maxMigrations: -1,
      version: 3,
    });
  });

  it('refuses a bad policy with exit code 2, naming the field, and changes nothing', async () => {
    const refused = async (args: string[], text: string) => {
      const r = await cli('policy', 'set', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(text);
    };
    await refused(
      ['--weight', 'consolidate=0', '--weight', 'balance=0'],
      'INVALID_ARGUMENT: policy.weights: ',
    );
    await refused(['--weight', 'speed=1'], 'policy.weights.speed: "speed" is not an objective');
    await refused(['--weight', 'balance=-1'], '--weight balance: "-1" is not a number');
    await refused(['--name', 'greedy'], '--name: "greedy" is not a policy');
    await refused(['--interval', '0.5'], 'policy.cycle_interval_seconds: ');
    await refused(['--max-migrations', 'few'], '--max-migrations: "few" is not a whole number');
    await refused([], 'nothing to change');
    const site = await cli('policy', 'show', '--site', 'site-z');
    expect(site.code).toBe(1);
    expect(site.err).toContain('site "site-z" is not in');
    expect((await json('policy', 'show')).version).toBe(3);
  });

  it("shows the site's optimization plan on a dry run", async () => {
    const r = await json('pe', 'optimize', '--dry-run');
    expect(r.task).toBeNull();
    expect(r.result).toMatchObject({ policy: 'weighted', plan: [], unplaced: [] });
    const human = await cli('pe', 'optimize', '--dry-run');
    expect(human.code, human.err).toBe(0);
    expect(human.out).toContain('plan: no migration');
    const task = await cli('pe', 'task', 'task-missing');
    expect(task.code).toBe(1);
    expect(task.err).toContain('NOT_FOUND: task "task-missing" not found');
  });

  it('consolidates the site through the Policy Engine and follows the plan', async () => {
    const a = await json(
      'vm',
      'create',
      '--name',
      'opt-1',
      '--cpu',
      '1',
      '--memory',
      '1G',
      '--host',
      'site-a-host-01',
      '--wait',
    );
    const b = await json(
      'vm',
      'create',
      '--name',
      'opt-2',
      '--cpu',
      '1',
      '--memory',
      '1G',
      '--host',
      'site-a-host-02',
      '--wait',
    );
    expect([a.host, b.host]).toEqual(['site-a-host-01', 'site-a-host-02']);
    await json('policy', 'set', '--name', 'consolidate');
    const r = await json('pe', 'optimize', '--wait');
    expect(r.result).toMatchObject({ policy: 'consolidate', hostsUsed: 1, migrations: 1 });
    expect(r.task).toMatchObject({ operation: 'pe.optimize', state: 'succeeded', message: '1/1 migrations' });
    const hosts = new Set((await json('vm', 'list')).map((v: { host: string }) => v.host));
    expect(hosts.size).toBe(1);
    expect(await json('pe', 'task', r.task.id)).toMatchObject({ state: 'succeeded', progress: 100 });
    for (const vm of [a, b]) await json('vm', 'delete', vm.id, '--wait');
  });

  it('places VMs by their placement groups, and admits a whole service or refuses it with reasons', async () => {
    const ha = ['--cpu', '1', '--memory', '256M', '--group', 'ha:anti-affinity:host', '--wait'];
    const a = await json('vm', 'create', '--name', 'ha-1', ...ha);
    const b = await json('vm', 'create', '--name', 'ha-2', ...ha);
    expect(a.host).not.toBe(b.host);

    const bad = await cli(
      'vm',
      'create',
      '--name',
      'x',
      '--cpu',
      '1',
      '--memory',
      '256M',
      '--group',
      'ha:near',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--group "ha:near": type must be one of/);

    const ok = join(dir, 'service.json');
    const small = { cpu: 1, memory: '256M', groups: ['svc:anti-affinity:host'] };
    writeFileSync(
      ok,
      JSON.stringify({
        vms: [
          { name: 'svc-1', ...small },
          { name: 'svc-2', ...small },
        ],
      }),
    );
    const admitted = await json('vm', 'create-set', ok, '--wait');
    expect(admitted.accepted).toBe(true);
    expect(admitted.vms.map((v: { state: string }) => v.state)).toEqual(['running', 'running']);
    expect(admitted.vms[0].host).not.toBe(admitted.vms[1].host);

    const { length: before } = await json('vm', 'list');
    const tooBig = join(dir, 'too-big.json');
    writeFileSync(
      tooBig,
      JSON.stringify({
        vms: [
          { name: 'big-1', cpu: 1, memory: '256M' },
          { name: 'big-2', cpu: 1, memory: '4000G' },
        ],
      }),
    );
    const refused = await cli('vm', 'create-set', tooBig);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/REFUSED VM/);
    expect(refused.out).toMatch(/lack memoryMib/);
    expect(refused.err).toMatch(/no VM was created/);
    expect((await json('vm', 'list')).length).toBe(before);

    const malformed = join(dir, 'malformed.json');
    writeFileSync(malformed, JSON.stringify({ vms: [{ name: 'm', cpu: 1 }] }));
    const m = await cli('vm', 'create-set', malformed);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/vms\[0\]\.memory/);
    for (const vm of [a, b, ...admitted.vms]) await json('vm', 'delete', vm.id, '--wait');
  }, 60_000);

  it('monitors the platform: host and platform data sources, probe control and KPIs', async () => {
    type Source = { id: string; kind: string; site: string; probes: { id: string; periodMs: number }[] };
    let sources: Source[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      sources = await json('monitor', 'sources');
      if (sources.some((x) => x.kind === 'platform') && sources.some((x) => x.kind === 'host')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(sources.find((x) => x.kind === 'platform')).toMatchObject({ id: 'veem-site-a', site: 'site-a' });
    const host = sources.find((x) => x.kind === 'host')!;
    const probe = host.probes.find((p) => p.id.startsWith('host:'))!;
    const rated = await json('monitor', 'probe', 'rate', probe.id, '--source', host.id, '--period', '2s');
    expect(rated).toMatchObject({ id: probe.id, periodMs: 2000 });
    const kpi = await json('kpi', 'push', '--service', 'svc-1', '--name', 'rps', '--value', '42');
    expect(kpi.value).toBe(42);
    const unknown = await cli('monitor', 'probe', 'off', 'nope', '--source', host.id);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/NOT_FOUND|not found|unknown/i);
  }, 40_000);

  it('runs a service from a manifest: deploy, show, scale, events, export, undeploy', async () => {
    const manifest = join(REPO_ROOT, 'examples', 'web-tier.yaml');
    // Admission names what is missing before anything runs.
    const early = await cli('service', 'deploy', manifest, '--wait');
    expect(early.code).toBe(1);
    expect(early.out + early.err).toMatch(/image "web\.qcow2" \(file web-image\) is not registered/);
    for (const name of ['web.qcow2', 'postgres.qcow2'])
      await json(
        'image',
        'register',
        name,
        '--format',
        'qcow2',
        '--size',
        '2G',
        '--checksum',
        `sha256:${'ab'.repeat(32)}`,
      );
    const deployed = await json('service', 'deploy', manifest, '--set', 'web.web.workers=8', '--wait');
    expect(deployed.task.state).toBe('succeeded');
    const id = deployed.service.id;
    expect(deployed.service).toMatchObject({ state: 'running', name: 'Web shop' });
    const shown = await json('service', 'show', id);
    const count = (c: string) =>
      shown.components
        .find((x: { id: string }) => x.id === c)
        .instances.filter((i: { state: string }) => i.state === 'running').length;
    expect([count('db'), count('web')]).toEqual([1, 2]);
    const web0 = shown.components.find((x: { id: string }) => x.id === 'web').instances[0];
    const env = await json('service', 'env', id, web0.id);
    expect(env.properties['web.workers']).toBe('8');
    expect(env.properties['reservoir.dependency.db.backend']).toMatch(/^10\.128\./);
    const table = await cli('service', 'list');
    expect(table.out).toContain(id);
    const scaled = await json('service', 'scale', id, 'web', '3', '--wait');
    expect(scaled.task.state).toBe('succeeded');
    const outOfBounds = await cli('service', 'scale', id, 'web', '9');
    expect(outOfBounds.code).toBe(2);
    expect(outOfBounds.err).toContain("outside web's bounds [2, 6]");
    const events = await json('service', 'events', id);
    expect(events.some((e: { kind: string; to: number }) => e.kind === 'scale-out' && e.to === 3)).toBe(true);
    const out = join(dir, 'web-shop.ovf');
    expect((await cli('service', 'export', id, '--to', out)).code).toBe(0);
    const inspected = await json('ovf', 'inspect', out);
    expect(inspected.virtualSystems.map((v: { id: string }) => v.id).sort()).toEqual(['db', 'web']);
    const gone = await json('service', 'undeploy', id, '--wait');
    expect(gone.service.state).toBe('finished');
    // A bad manifest: every problem on its own line, exit code 2, no stack trace.
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(manifest, 'utf8').replace('min: 2, max: 6', 'min: 7, max: 6'));
    const refused = await cli('service', 'deploy', bad);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/bad\.yaml:\d+:\d+: components\[1\]\.instances/);
    expect(refused.err).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('deploys an OVA after checking its .mf digests, and refuses a tampered one', async () => {
    const ova = join(REPO_ROOT, '..', 'shared', 'fixtures', 'ovf', 'ova', 'ttylinux-pc_i486-16.1.ova');
    // One byte flipped inside the disk, past the descriptor and the .mf.
    const copy = Buffer.from(readFileSync(ova));
    copy[200_000] = (copy[200_000] ?? 0) ^ 0xff;
    const tampered = join(dir, 'tampered.ova');
    writeFileSync(tampered, copy);
    const refused = await cli('service', 'deploy', tampered);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /tampered\.ova\/ttylinux-pc_i486-16\.1\.mf:2: SHA1\(ttylinux-pc_i486-16\.1-disk1\.vmdk\) is [0-9a-f]{40}, manifest says/,
    );
    // KVM hosts take no VMDK: the site holds the disk converted to qcow2 under the file's name.
    await json(
      'image',
      'register',
      'ttylinux-pc_i486-16.1-disk1.vmdk',
      '--format',
      'qcow2',
      '--size',
      '1G',
      '--checksum',
      `sha256:${'cd'.repeat(32)}`,
    );
    const deployed = await json('service', 'deploy', ova, '--wait');
    expect(deployed.task.state).toBe('succeeded');
    expect(deployed.service.components.map((c: { id: string }) => c.id)).toEqual(['vm']);
    expect((await json('service', 'undeploy', deployed.service.id, '--wait')).service.state).toBe('finished');
  }, 60_000);

  it('stops cleanly on SIGTERM', async () => {
    up.kill('SIGTERM');
    expect(await upExit).toBe(0);
    expect(existsSync(join(dir, 'endpoints.json'))).toBe(false);
  }, 30_000);
});
