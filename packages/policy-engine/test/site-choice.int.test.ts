import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { reservoir } from '@reservoir/contracts';
import { silentLogger } from '@reservoir/runtime';
import { familyProfile, type HypervisorFamily } from '@reservoir/veeh';
import { createPolicyEngine, type RunningPolicyEngine } from '../src/create-policy-engine.js';
import { policyClient, type PolicyClient } from '../src/client.js';

// ChooseSite over real gRPC: a cloudburst (the local site is full, the VMs go to the cheapest
// partner whose hypervisor can run them), a split, and refusals that name the field.

type Offer = reservoir.pe.v1.SiteOffer.$Properties;
type Request = reservoir.pe.v1.ChooseSiteRequest.$Properties;

const GIB = 1024;
const hosts = (site: string, family: HypervisorFamily, n: number, vcpus: number, memoryMib: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${site}-h${i + 1}`,
    profile: { ...familyProfile(family, 'sim'), diskFormats: [...familyProfile(family, 'sim').diskFormats] },
    free: { vcpus, memoryMib, diskMib: 500 * GIB },
  }));

const OFFERS: Offer[] = [
  {
    site: 'madrid',
    local: true,
    country: 'ES',
    hypervisors: ['kvm'],
    hosts: hosts('madrid', 'kvm', 2, 2, 4 * GIB),
    price: { perVcpuHour: 20, perMemoryGibHour: 4 },
    utilization: 0.9,
  },
  {
    site: 'london',
    country: 'GB',
    hypervisors: ['hyperv'],
    hosts: hosts('london', 'hyperv', 4, 16, 256 * GIB),
    price: { perVcpuHour: 5, perMemoryGibHour: 1 },
  },
  {
    site: 'lyon',
    country: 'FR',
    hypervisors: ['kvm', 'xen'],
    hosts: [...hosts('lyon', 'kvm', 2, 32, 192 * GIB), ...hosts('lyon-x', 'xen', 1, 16, 64 * GIB)],
    price: { perVcpuHour: 12, perMemoryGibHour: 3 },
    utilization: 0.4,
    agreementCap: { vcpus: 48, memoryMib: 0, diskMib: 0 },
    agreementUsed: { vcpus: 8 },
  },
  {
    site: 'milan',
    country: 'IT',
    hypervisors: ['kvm'],
    hosts: hosts('milan', 'kvm', 4, 32, 128 * GIB),
    price: { perVcpuHour: 15, perMemoryGibHour: 3 },
  },
];

const vm = (
  id: string,
  vcpus: number,
  memoryMib: number,
  extra: Partial<reservoir.pe.v1.SiteVm.$Properties> = {},
) => ({
  id,
  resources: { vcpus, memoryMib, diskMib: 40 * GIB },
  ...extra,
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; field?: string; message: string };
  }
  throw new Error('expected the call to be refused');
}

describe('ChooseSite over gRPC', () => {
  let dir: string;
  let pe: RunningPolicyEngine;
  let c: PolicyClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pe-sites-'));
    pe = await createPolicyEngine({
      site: 'madrid',
      database: `sqlite:${join(dir, 'pe.db')}`,
      logger: silentLogger(),
    });
    c = policyClient(pe.address);
  });
  afterAll(async () => {
    c?.close();
    await pe?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bursts a 96 GiB VM past the full local site and the hyperv partner to the cheapest kvm one', async () => {
    const r = await c.policy.chooseSite({
      vms: [vm('db', 8, 96 * GIB, { requirements: ['no-reboot-on-memory-change'] }), vm('web', 4, 8 * GIB)],
      constraints: { allowedCountries: ['ES', 'FR', 'GB', 'IT'] },
      offers: OFFERS,
    });
    expect(r.site).toBe('lyon');
    expect(r.assignment).toEqual({ db: 'lyon', web: 'lyon' });
    expect(r.ranking.map((s) => [s.site, s.costPerHour])).toEqual([
      // 12 vCPUs × 12 + 104 GiB × 3; milan: 12 × 15 + 104 × 3.
      ['lyon', 456],
      ['milan', 492],
    ]);
    expect(r.ranking[0]!.loadAfter).toBeCloseTo(0.4 + 0.6 * (104 / 448));
    const reasons: Record<string, (string | null | undefined)[][]> = Object.fromEntries(
      r.rejected.map((x) => [x.site, (x.reasons ?? []).map((y) => [y.constraint, y.vm, y.message])]),
    );
    expect(reasons.madrid!.map((x) => x.slice(0, 2))).toEqual([
      ['capacity', 'db'],
      ['capacity', 'web'],
    ]);
    // web fits hyperv's limits (4 vCPUs); only db does not.
    expect(reasons.london).toEqual([
      [
        'per-vm-limit',
        'db',
        'db needs 8 vCPUs and 98304 MiB of memory; hyperv allows at most 4 vCPUs and 65536 MiB of memory per VM',
      ],
    ]);
  });

  it('splits over the local site and the partners when allowed, and reports the assignment', async () => {
    const r = await c.policy.chooseSite({
      vms: [vm('a', 2, 2 * GIB), vm('b', 2, 2 * GIB), vm('c', 24, 32 * GIB), vm('d', 24, 32 * GIB)],
      constraints: { allowSplit: true, forbiddenSites: ['london'] },
      offers: OFFERS,
    });
    expect(r.site).toBe('');
    expect(r.parts.map((p) => [p.site, p.vms])).toEqual([
      ['madrid', ['a', 'b']],
      ['lyon', ['c']],
      ['milan', ['d']],
    ]);
    expect(r.assignment).toEqual({ a: 'madrid', b: 'madrid', c: 'lyon', d: 'milan' });
    expect(r.unassigned).toEqual([]);
    expect(r.rejected.map((x) => [x.site, x.reasons?.[0]?.constraint])).toEqual([
      ['london', 'forbidden-sites'],
    ]);
  });

  it('refuses a malformed request naming the field', async () => {
    const base: Request = { vms: [vm('a', 1, GIB)], offers: OFFERS };
    const withOffer = (i: number, o: Partial<Offer>) => ({
      ...base,
      offers: OFFERS.map((x, k) => (k === i ? { ...x, ...o } : x)),
    });
    const cases: [Request, string][] = [
      [withOffer(2, { country: '' }), 'offers[2].country'],
      [withOffer(1, { local: true }), 'offers[1].local'],
      [withOffer(3, { site: 'lyon' }), 'offers[3].site'],
      [withOffer(0, { utilization: 1.5 }), 'offers[0].utilization'],
      [withOffer(0, { hosts: [{ id: 'h', free: { vcpus: 1 } }] }), 'offers[0].hosts[0].profile'],
      [withOffer(2, { hosts: hosts('lyon', 'vmware', 1, 8, GIB) }), 'offers[2].hosts[0].profile.hypervisor'],
      [{ ...base, vms: [] }, 'vms'],
      [{ ...base, vms: [{ id: 'a' }] }, 'vms[0].resources'],
      [{ ...base, vms: [vm('a', 0, GIB)] }, 'vms[0].resources.vcpus'],
      [{ ...base, vms: [vm('a', 1, GIB, { requirements: ['fast'] })] }, 'vms[0].requirements[0]'],
      [{ ...base, constraints: { allowedCountries: ['Spain'] } }, 'constraints.allowed_countries[0]'],
      [{ ...base, weights: { cost: -1 } }, 'weights.cost'],
      [{ ...base, offers: [] }, 'offers'],
    ];
    for (const [req, field] of cases) {
      const e = await refusal(c.policy.chooseSite(req));
      expect(e, field).toMatchObject({ code: 'INVALID_ARGUMENT', field });
      expect(e.message).toContain(`${field}: `);
    }
  });
});
