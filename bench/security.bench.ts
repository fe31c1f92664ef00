// npm run bench:security — the decision point at 10,000 and 100,000 rules: per-organization rules
// with targets on organization, resource type, action and role, plus a few global rules with
// conditions, in two shapes: "nested" (one policy per organization under a policy set) and "flat"
// (every rule in one policy, each naming its organization). For each: reading the document as
// YAML and as JSON (parse + validation), compiling it (targets, conditions, index), heap used,
// decisions per second in a single-threaded loop, and per-decision latency (p50/p99) over ≥100k
// decisions after warm-up. Each decision builds its request object from a compact spec first,
// as a PEP does per call; 10,000 specs vary organization, subject, roles, type, action and owner.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Table from 'cli-table3';
import { stringify } from 'yaml';
import { DecisionPoint } from '../packages/security/src/app/decision-point.js';
import {
  parsePolicyDocument,
  type Decision,
  type DecisionRequest,
} from '../packages/security/src/domain/pdp/index.js';
import { summary, writeResult, type Check } from './lib.js';
import { measurePepLatency } from './pep-latency.js';

const SIZES = (process.env.BENCH_SECURITY_RULES ?? '10000,100000').split(',').map(Number);
const SHAPES = (process.env.BENCH_SECURITY_SHAPES ?? 'nested,flat').split(',') as Shape[];
const RULES_PER_ORG = 100;
const DECISIONS = Number(process.env.BENCH_SECURITY_DECISIONS ?? 200_000);
const WARMUP = 20_000;
const REQUESTS = 10_000;
/** Reading YAML takes the yaml package about 0.5 s per 1,000 rules; skip it above this size. */
const YAML_MAX = Number(process.env.BENCH_SECURITY_YAML_MAX ?? 100_000);
const TARGET_P99_MS = 1;
const TARGET_RATE = 20_000;

const TYPES = [
  'vm',
  'service',
  'image',
  'network',
  'host',
  'bill',
  'account',
  'audit',
  'user',
  'organization',
];
const VERBS = ['create', 'read', 'list', 'update', 'delete', 'start', 'stop', 'deploy', 'scale', 'resize'];
const ROLES = ['operator', 'developer', 'auditor', 'billing', 'network-admin', 'support'];

type Shape = 'nested' | 'flat';

const log = (msg: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;
/** Twice: objects freed by the first collection's finalization go in the second. */
const gc = () => {
  fullGc();
  fullGc();
};

/** A small deterministic PRNG, so every run decides the same requests. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

interface RuleDoc {
  id: string;
  effect: 'Permit' | 'Deny';
  target: Record<string, unknown>;
  condition?: string;
  obligations?: unknown[];
}

/** One organization's rule; `withOrg` repeats the organization in the target (the flat shape). */
function rule(r: () => number, org: string, n: number, withOrg: boolean): RuleDoc {
  const type = pick(r, TYPES);
  const actions = [...new Set([pick(r, VERBS), pick(r, VERBS)])].map((v) => `${type}.${v}`);
  const deny = r() < 0.15;
  const out: RuleDoc = {
    id: `${org}-r${n}`,
    effect: deny ? 'Deny' : 'Permit',
    target: {
      ...(withOrg ? { 'resource.organization': org } : {}),
      'resource.type': type,
      'action.id': actions,
      'subject.roles': pick(r, ROLES),
    },
  };
  const c = r();
  if (c < 0.1) out.condition = 'has(resource.owner) and resource.owner == subject.id';
  else if (c < 0.2) out.condition = 'environment.hour >= 8 and environment.hour < 18';
  if (!deny && r() < 0.3)
    out.obligations = [
      { id: 'audit', attributes: { subject: { expr: 'subject.id' }, action: { expr: 'action.id' } } },
    ];
  return out;
}

/** Global rules every request meets: isolation, maintenance window, MFA, suspension, a superuser. */
const GLOBAL_POLICIES = [
  {
    policy: {
      id: 'global-guards',
      combining: 'deny-overrides',
      rules: [
        {
          id: 'isolation',
          effect: 'Deny',
          condition:
            "has(resource.organization) and not ('system-admin' in subject.roles) and resource.organization != subject.organization",
        },
        {
          id: 'maintenance',
          effect: 'Deny',
          condition:
            "has(environment.maintenance) and environment.maintenance == true and not ('system-admin' in subject.roles)",
        },
        {
          id: 'mfa-for-users',
          effect: 'Deny',
          target: { 'resource.type': 'user' },
          condition: 'not (has(subject.mfa) and subject.mfa == true)',
        },
        {
          id: 'suspended',
          effect: 'Deny',
          condition: 'has(subject.suspended) and subject.suspended == true',
        },
      ],
    },
  },
  {
    policy: {
      id: 'global-admin',
      combining: 'deny-overrides',
      target: { 'subject.roles': 'system-admin' },
      rules: [
        {
          id: 'everything',
          effect: 'Permit',
          condition: "not ('read-only' in subject.roles) or endsWith(action.id, '.read')",
        },
      ],
    },
  },
];

function policyDocument(shape: Shape, orgs: number, seed: number): object {
  const r = random(seed);
  const organizations =
    shape === 'nested'
      ? {
          policySet: {
            id: 'organizations',
            combining: 'permit-overrides',
            policies: Array.from({ length: orgs }, (_, o) => ({
              policy: {
                id: `org-${o}`,
                combining: 'deny-overrides',
                target: { 'resource.organization': `org-${o}` },
                rules: Array.from({ length: RULES_PER_ORG }, (_, n) => rule(r, `org-${o}`, n, false)),
              },
            })),
          },
        }
      : {
          policy: {
            id: 'organizations',
            combining: 'deny-overrides',
            rules: Array.from({ length: orgs * RULES_PER_ORG }, (_, i) =>
              rule(r, `org-${Math.floor(i / RULES_PER_ORG)}`, i % RULES_PER_ORG, true),
            ),
          },
        };
  return {
    policySet: {
      id: 'bench',
      combining: 'deny-unless-permit',
      policies: [
        {
          policySet: {
            id: 'platform',
            combining: 'deny-overrides',
            policies: [...GLOBAL_POLICIES, organizations],
          },
        },
      ],
    },
  };
}

/** A request in compact form; the loop builds the request object from it, as a PEP would per call. */
interface RequestSpec {
  user: number;
  subjectOrg: number;
  roles: string[];
  mfa: boolean;
  type: number;
  verb: number;
  org: number;
  owner: number;
  hour: number;
  maintenance: boolean;
}

function requestSpecs(orgs: number, seed: number): RequestSpec[] {
  const r = random(seed);
  return Array.from({ length: REQUESTS }, (_, i) => {
    const org = Math.floor(r() * orgs);
    const roles = [pick(r, ROLES)];
    if (r() < 0.3) roles.push(pick(r, ROLES));
    if (r() < 0.01) roles.push('system-admin');
    return {
      user: i % USERS.length,
      subjectOrg: r() < 0.95 ? org : Math.floor(r() * orgs),
      roles,
      mfa: r() < 0.5,
      type: Math.floor(r() * TYPES.length),
      verb: Math.floor(r() * VERBS.length),
      org,
      owner: r() < 0.5 ? (i + 1) % USERS.length : -1,
      hour: Math.floor(r() * 24),
      maintenance: r() < 0.02,
    };
  });
}

const USERS = Array.from({ length: 500 }, (_, i) => `user-${i}`);
const ACTIONS = TYPES.map((t) => VERBS.map((v) => `${t}.${v}`));

function request(s: RequestSpec, orgNames: readonly string[]): DecisionRequest {
  const type = TYPES[s.type]!;
  return {
    subject: { id: USERS[s.user]!, organization: orgNames[s.subjectOrg]!, roles: s.roles, mfa: s.mfa },
    resource:
      s.owner >= 0
        ? { type, organization: orgNames[s.org]!, owner: USERS[s.owner]! }
        : { type, organization: orgNames[s.org]! },
    action: { id: ACTIONS[s.type]![s.verb]! },
    environment: { hour: s.hour, maintenance: s.maintenance },
  };
}

interface Run {
  shape: Shape;
  rules: number;
  organizations: number;
  /** Parse + validation of the document as YAML (what a site admin edits) and as JSON (generated). */
  load: { yamlMiB?: number; yamlMs?: number; jsonMiB: number; jsonMs: number };
  compileMs: number;
  heapMiB: number;
  indexedElements: number;
  decisionsPerSecond: number;
  latencyUs: ReturnType<typeof summary>;
  decisions: Partial<Record<Decision, number>>;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
}

/** In its own frame, so nothing of the YAML text or its model is alive when the heap is measured. */
function readYaml(doc: object): { yamlMiB: number; yamlMs: number } {
  const yaml = stringify(doc);
  gc();
  const [, ms] = timed(() => parsePolicyDocument(yaml));
  return { yamlMiB: round(yaml.length / 2 ** 20), yamlMs: round(ms) };
}

/** In its own frame too, so the parsed model is garbage once the decision point is compiled. */
function readJson(json: string): { pdp: DecisionPoint; jsonMs: number; compileMs: number } {
  const [set, jsonMs] = timed(() => parsePolicyDocument(json));
  const [pdp, compileMs] = timed(() => new DecisionPoint({ policy: set }));
  return { pdp, jsonMs, compileMs };
}

function measure(shape: Shape, rules: number): Run {
  const orgs = Math.max(1, Math.round(rules / RULES_PER_ORG));
  const doc = policyDocument(shape, orgs, rules);
  const load: Run['load'] = { jsonMiB: 0, jsonMs: 0, ...(rules <= YAML_MAX ? readYaml(doc) : {}) };
  if (load.yamlMs !== undefined)
    log(`${shape} ${rules} rules: ${load.yamlMiB} MiB of YAML read in ${load.yamlMs} ms`);
  const json = JSON.stringify(doc);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const { pdp, jsonMs, compileMs } = readJson(json);
  Object.assign(load, { jsonMiB: round(json.length / 2 ** 20), jsonMs: round(jsonMs) });
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  log(
    `${load.jsonMiB} MiB of JSON read in ${load.jsonMs} ms, compiled in ${round(compileMs)} ms, ${round(heapMiB)} MiB heap`,
  );

  const orgNames = Array.from({ length: orgs }, (_, o) => `org-${o}`);
  const specs = requestSpecs(orgs, rules + 1);
  const decisions: Partial<Record<Decision, number>> = {};
  for (let i = 0; i < WARMUP; i++) pdp.decide(request(specs[i % REQUESTS]!, orgNames));

  // Throughput: the loop alone, no clock reads inside.
  gc();
  const [, loopMs] = timed(() => {
    for (let i = 0; i < DECISIONS; i++) {
      const d = pdp.decide(request(specs[i % REQUESTS]!, orgNames)).decision;
      decisions[d] = (decisions[d] ?? 0) + 1;
    }
  });
  const decisionsPerSecond = DECISIONS / (loopMs / 1000);

  // Latency: one clock pair per decision, around building the request and deciding.
  gc();
  const samples = new Array<number>(DECISIONS);
  for (let i = 0; i < DECISIONS; i++) {
    const spec = specs[(i * 7) % REQUESTS]!;
    const start = process.hrtime.bigint();
    pdp.decide(request(spec, orgNames));
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const latencyUs = summary(samples);
  log(`${round(decisionsPerSecond, 0)} decisions/s, p50 ${latencyUs.p50} µs, p99 ${latencyUs.p99} µs`);
  return {
    shape,
    rules: pdp.stats.rules,
    organizations: orgs,
    load,
    compileMs: round(compileMs),
    heapMiB: round(heapMiB),
    indexedElements: pdp.stats.indexed,
    decisionsPerSecond: Math.round(decisionsPerSecond),
    latencyUs,
    decisions,
  };
}

const runs: Run[] = [];
for (const rules of SIZES) for (const shape of SHAPES) runs.push(measure(shape, rules));

const table = new Table({
  head: [
    'shape',
    'rules',
    'YAML ms',
    'JSON ms',
    'compile ms',
    'heap MiB',
    'decisions/s',
    'p50 µs',
    'p99 µs',
    'max µs',
  ],
  style: { head: [], border: [] },
});
for (const r of runs)
  table.push([
    r.shape,
    r.rules,
    r.load.yamlMs ?? '-',
    r.load.jsonMs,
    r.compileMs,
    r.heapMiB,
    r.decisionsPerSecond,
    r.latencyUs.p50,
    r.latencyUs.p99,
    r.latencyUs.max,
  ]);
process.stdout.write(`${table.toString()}\n`);

const largest = Math.max(...runs.map((r) => r.rules));
const checks: Check[] = runs
  .filter((r) => r.rules === largest)
  .flatMap((r) => [
    {
      name: `p99 decision latency, ${r.shape}, ${r.rules} rules`,
      value: round(r.latencyUs.p99 / 1000, 3),
      unit: 'ms',
      target: `< ${TARGET_P99_MS} ms`,
      pass: r.latencyUs.p99 / 1000 < TARGET_P99_MS,
    },
    {
      name: `decisions per second, ${r.shape}, ${r.rules} rules`,
      value: r.decisionsPerSecond,
      unit: '/s',
      target: `≥ ${TARGET_RATE}`,
      pass: r.decisionsPerSecond >= TARGET_RATE,
    },
  ]);

const pep = process.env.BENCH_SECURITY_PEP === '0' ? undefined : await measurePepLatency(log);
if (pep) {
  const pepTable = new Table({
    head: ['GetVm on a VEEM', 'p50 µs', 'p99 µs', 'mean µs'],
    style: { head: [], border: [] },
  });
  pepTable.push(
    ['without PEP', pep.withoutPepUs.p50, pep.withoutPepUs.p99, pep.withoutPepUs.mean],
    ['with PEP', pep.withPepUs.p50, pep.withPepUs.p99, pep.withPepUs.mean],
    [
      'added',
      pep.addedP50Us,
      pep.addedP99Us,
      Math.round((pep.withPepUs.mean - pep.withoutPepUs.mean) * 10) / 10,
    ],
  );
  process.stdout.write(`${pepTable.toString()}\n`);
  checks.push({
    name: 'p99 latency the PEP adds to a VEEM GetVm',
    value: Math.round(pep.addedP99Us) / 1000,
    unit: 'ms',
    target: '< 1 ms',
    pass: pep.addedP99Us < 1000,
  });
}

writeResult(
  'security',
  {
    decisionsPerRun: DECISIONS,
    warmup: WARMUP,
    rulesPerOrganization: RULES_PER_ORG,
    targets: { rules: largest, p99Ms: TARGET_P99_MS, decisionsPerSecond: TARGET_RATE },
    decisionPoint: runs,
    ...(pep ? { pepOnVeemGetVm: pep } : {}),
  },
  checks,
);
