import { describe, expect, it } from 'vitest';
import { chooseSite } from './site-choice.js';
import type {
  DemandVm,
  HostOffer,
  HostProfile,
  SiteChoiceRequest,
  SiteConstraints,
  SiteOffer,
  SiteResources,
} from './site-choice-model.js';

// The federation heuristic: local while it can take the demand, else the cheapest partner, with
// every other site's reasons per constraint; packing is host by host, never on the aggregate.

const KVM: HostProfile = {
  hypervisor: 'kvm',
  maxVcpusPerVm: 240,
  maxMemoryMibPerVm: 4 * 1024 * 1024,
  diskFormats: ['qcow2', 'raw'],
  liveMigration: true,
  cpuHotplug: true,
  memoryHotplug: true,
};
const HYPERV: HostProfile = {
  hypervisor: 'hyperv',
  maxVcpusPerVm: 4,
  maxMemoryMibPerVm: 65536,
  diskFormats: ['vhdx', 'vpc'],
  liveMigration: true,
  cpuHotplug: false,
  memoryHotplug: false,
};
const BIG_HOST: SiteResources = { vcpus: 64, memoryMib: 262144, diskMib: 2_000_000 };

const host = (id: string, profile = KVM, free: Partial<SiteResources> = {}, count?: number): HostOffer => ({
  id,
  profile,
  free: { ...BIG_HOST, ...free },
  ...(count === undefined ? {} : { count }),
});

function offer(site: string, o: Partial<SiteOffer> = {}): SiteOffer {
  return {
    site,
    local: false,
    country: 'DE',
    hypervisors: [],
    hosts: [host(`${site}-h1`)],
    price: { perVcpuHour: 10, perMemoryGibHour: 5 },
    ...o,
  };
}

const vm = (id: string, vcpus = 2, memoryMib = 4096, extra: Partial<DemandVm> = {}): DemandVm => ({
  id,
  vcpus,
  memoryMib,
  diskMib: 20480,
  ...extra,
});

const choose = (vms: DemandVm[], offers: SiteOffer[], constraints: SiteConstraints = {}, more = {}) =>
  chooseSite({ vms, offers, constraints, ...more } satisfies SiteChoiceRequest);

const reasonsOf = (r: ReturnType<typeof chooseSite>, site: string) =>
  r.rejected.find((x) => x.site === site)?.reasons ?? [];

describe('chooseSite, default heuristic', () => {
  it('keeps the demand on the local site while it fits, even when a partner is cheaper', () => {
    const r = choose(
      [vm('a'), vm('b')],
      [offer('partner', { price: { perVcpuHour: 1, perMemoryGibHour: 1 } }), offer('home', { local: true })],
    );
    expect(r.site).toBe('home');
    expect(r.assignment).toEqual({ a: 'home', b: 'home' });
    expect(r.ranking.map((s) => s.site)).toEqual(['home', 'partner']);
    // 4 vCPUs × 10 + 8 GiB × 5 = 80 at home, 4 + 8 = 12 at the partner.
    expect(r.ranking[0]).toMatchObject({ local: true, locality: 1, costPerHour: 80, costScore: 12 / 80 });
    expect(r.ranking[1]).toMatchObject({ locality: 0, costPerHour: 12, costScore: 1, score: 1 });
    expect(r.ranking[0]!.score).toBeCloseTo(2 + 12 / 80);
    expect(r.parts).toEqual([
      { site: 'home', vms: ['a', 'b'], costPerHour: 80, loadAfter: expect.any(Number) },
    ]);
  });

  it('falls back to the cheapest partner when the local site is full, and says why', () => {
    const r = choose(
      [vm('a', 8), vm('b', 8)],
      [
        offer('home', { local: true, hosts: [host('home-h1', KVM, { vcpus: 4 })] }),
        offer('pricey', { price: { perVcpuHour: 30, perMemoryGibHour: 5 } }),
        offer('cheap', { price: { perVcpuHour: 20, perMemoryGibHour: 5 } }),
      ],
    );
    expect(r.site).toBe('cheap');
    expect(r.ranking.map((s) => [s.site, s.costPerHour])).toEqual([
      ['cheap', 360],
      ['pricey', 520],
    ]);
    expect(reasonsOf(r, 'home').map((x) => [x.constraint, x.vm])).toEqual([
      ['capacity', 'a'],
      ['capacity', 'b'],
    ]);
    expect(reasonsOf(r, 'home')[0]!.message).toContain('no host that can run it has that much free');
  });

  it('never sends a 96 GiB VM to a hyperv-only site, naming its 65536 MiB limit', () => {
    const big = vm('big', 4, 96 * 1024);
    const offers = [
      offer('hv', {
        hypervisors: ['hyperv'],
        hosts: [host('hv-h1', HYPERV)],
        price: { perVcpuHour: 1, perMemoryGibHour: 1 },
      }),
      offer('kvm', { price: { perVcpuHour: 50, perMemoryGibHour: 50 } }),
    ];
    for (const allowSplit of [false, true]) {
      const r = choose([big], offers, { allowSplit });
      expect(r.assignment).toEqual({ big: 'kvm' });
      const [reason] = reasonsOf(r, 'hv');
      expect(reason).toMatchObject({ site: 'hv', constraint: 'per-vm-limit', vm: 'big' });
      expect(reason!.message).toContain('65536 MiB');
      expect(reason!.message).toBe(
        'big needs 4 vCPUs and 98304 MiB of memory; hyperv allows at most 65536 MiB of memory per VM',
      );
    }
  });

  it('rejects sites outside the allowed countries, whatever the case of the codes', () => {
    const r = choose([vm('a')], [offer('paris', { country: 'FR' }), offer('berlin', { country: 'de' })], {
      allowedCountries: ['de', 'AT'],
    });
    expect(r.site).toBe('berlin');
    expect(reasonsOf(r, 'paris')).toEqual([
      {
        site: 'paris',
        constraint: 'country',
        message: 'country FR is outside the allowed countries (DE, AT)',
      },
    ]);
  });

  it('rejects a site whose price for the demand is above the cap, rounding memory up once', () => {
    // 2 vCPUs × 10 + 1000 MiB × 5 / 1024 = 24.88…, charged 25.
    const demand = [vm('a', 2, 1000)];
    expect(choose(demand, [offer('p')], { maxPricePerHour: 25 }).site).toBe('p');
    const r = choose(demand, [offer('p')], { maxPricePerHour: 24 });
    expect(r.site).toBeUndefined();
    expect(reasonsOf(r, 'p')).toEqual([
      { site: 'p', constraint: 'price', message: 'the demand costs 25 per hour here, above the cap of 24' },
    ]);
  });

  it('packs host by host: a site whose aggregate free capacity suffices can still be rejected', () => {
    const twoSmall = [host('s-h1', KVM, { vcpus: 8 }), host('s-h2', KVM, { vcpus: 8 })];
    // One VM larger than any host.
    const one = choose([vm('wide', 12)], [offer('s', { hosts: twoSmall })]);
    expect(one.site).toBeUndefined();
    expect(reasonsOf(one, 's')).toEqual([
      {
        site: 's',
        constraint: 'capacity',
        vm: 'wide',
        message:
          'wide (12 vCPUs, 4096 MiB memory, 20480 MiB disk) fits on no host: no host that can run it has that much free; ' +
          "the site's total free capacity (16 vCPUs, 524288 MiB memory, 4000000 MiB disk) would hold the demand, but not host by host",
      },
    ]);
    // 6 + 6 + 4 = 16 vCPUs: each fits alone, but after the two 6s no host has 4 left.
    const three = choose([vm('c', 4), vm('a', 6), vm('b', 6)], [offer('s', { hosts: twoSmall })]);
    expect(reasonsOf(three, 's').map((x) => [x.vm, x.message.split(';')[0]])).toEqual([
      [
        'c',
        'c (4 vCPUs, 4096 MiB memory, 20480 MiB disk) fits on no host after first-fit-decreasing packing of the larger VMs',
      ],
    ]);
    // A host class counts its hosts one by one too.
    const cls = (count: number) => offer('s', { hosts: [host('s-class', KVM, { vcpus: 8 }, count)] });
    expect(choose([vm('a', 6), vm('b', 6), vm('c', 4)], [cls(2)]).site).toBeUndefined();
    expect(choose([vm('a', 6), vm('b', 6), vm('c', 4)], [cls(3)]).site).toBe('s');
  });

  it('keeps the demand within what the federation agreement leaves', () => {
    const capped = offer('partner', { agreementCap: { vcpus: 8 }, agreementUsed: { vcpus: 4 } });
    expect(choose([vm('a', 4)], [capped]).site).toBe('partner');
    const r = choose(
      [vm('a', 4), vm('b', 2)],
      [capped, offer('other', { price: { perVcpuHour: 99, perMemoryGibHour: 9 } })],
    );
    expect(r.site).toBe('other');
    expect(reasonsOf(r, 'partner')).toEqual([
      {
        site: 'partner',
        constraint: 'agreement-cap',
        message: 'the demand needs 6 vCPUs; the federation agreement leaves 4 vCPUs',
      },
    ]);
  });

  it('rejects for missing capabilities, disk formats and families, and for site lists', () => {
    const hv = offer('hv', { hosts: [host('hv-h1', HYPERV)] });
    const r = choose(
      [
        vm('grow', 2, 4096, { requirements: ['no-reboot-on-cpu-change'] }),
        vm('img', 2, 4096, { diskFormat: 'qcow2' }),
        vm('esx', 2, 4096, { hypervisor: 'vmware' }),
      ],
      [hv, offer('kvm'), offer('banned'), offer('elsewhere')],
      { forbiddenSites: ['banned'], requiredSites: ['hv', 'kvm', 'banned'] },
    );
    expect(r.site).toBeUndefined();
    expect(reasonsOf(r, 'hv').map((x) => [x.constraint, x.vm])).toEqual([
      ['capability', 'grow'],
      ['disk-format', 'img'],
      ['hypervisor', 'esx'],
    ]);
    expect(reasonsOf(r, 'hv')[0]!.message).toBe(
      'grow requires no-reboot-on-cpu-change (CPU hot-plug); no host of the site that can run it offers it',
    );
    expect(reasonsOf(r, 'kvm').map((x) => x.message)).toEqual(['esx needs vmware; the site offers kvm']);
    expect(reasonsOf(r, 'banned').map((x) => x.constraint)).toEqual(['forbidden-sites', 'hypervisor']);
    expect(reasonsOf(r, 'elsewhere')[0]!.message).toBe(
      'elsewhere is not among the required sites (hv, kvm, banned)',
    );
  });

  it('breaks ties deterministically: lower cost, then lower load after placement, then site id', () => {
    const offers = [
      offer('c-busy', { utilization: 0.5 }),
      offer('b-idle', { utilization: 0.1 }),
      offer('a-idle', { utilization: 0.1 }),
      offer('z-cheap', { price: { perVcpuHour: 9, perMemoryGibHour: 5 }, utilization: 0.9 }),
    ];
    const r = choose([vm('a')], offers);
    expect(r.ranking.map((s) => s.site)).toEqual(['z-cheap', 'a-idle', 'b-idle', 'c-busy']);
    expect(choose([vm('a')], [...offers].reverse())).toEqual(r);
    // 2 vCPUs of 64 free on a site 10 % used: 0.1 + 0.9 × 2/64.
    expect(r.ranking[1]!.loadAfter).toBeCloseTo(0.1 + 0.9 * (2 / 64));
  });

  it('lets the weights trade locality for load balance', () => {
    const offers = [offer('home', { local: true, utilization: 0.8 }), offer('partner', { utilization: 0.2 })];
    expect(choose([vm('a')], offers).site).toBe('home');
    const r = choose([vm('a')], offers, {}, { weights: { cost: 0, locality: 0, balance: 1 } });
    expect(r.site).toBe('partner');
  });
});

describe('chooseSite with allowSplit', () => {
  it('fills the local site first, then the cheapest partner, and reports the assignment', () => {
    const home = offer('home', { local: true, hosts: [host('home-h1', KVM, { vcpus: 10 })] });
    const r = choose(
      [vm('a', 4), vm('b', 4), vm('c', 4)],
      [home, offer('cheap', { price: { perVcpuHour: 5, perMemoryGibHour: 5 } }), offer('pricey')],
      { allowSplit: true },
    );
    expect(r.site).toBeUndefined();
    expect(r.assignment).toEqual({ a: 'home', b: 'home', c: 'cheap' });
    expect(r.parts.map((p) => [p.site, p.vms, p.costPerHour])).toEqual([
      ['home', ['a', 'b'], 80 + 40],
      ['cheap', ['c'], 20 + 20],
    ]);
    expect(r.ranking.map((s) => s.site)).toEqual(['home', 'cheap', 'pricey']);
    expect(r.ranking[0]!.shortfall.map((x) => [x.constraint, x.vm])).toEqual([['capacity', 'c']]);
    expect(r.unassigned).toEqual([]);
  });

  it('names one site when it takes everything, and explains the VMs no site can take', () => {
    const all = choose([vm('a'), vm('b')], [offer('p')], { allowSplit: true });
    expect(all).toMatchObject({ site: 'p', assignment: { a: 'p', b: 'p' }, unassigned: [] });

    const r = choose(
      [vm('small'), vm('huge', 100)],
      [offer('p'), offer('hv', { hosts: [host('hv-h1', HYPERV)], country: 'FR' })],
      { allowSplit: true, allowedCountries: ['DE'] },
    );
    expect(r.assignment).toEqual({ small: 'p' });
    expect(r.unassigned).toHaveLength(1);
    expect(r.unassigned[0]!.vm).toBe('huge');
    expect(r.unassigned[0]!.reasons.map((x) => [x.site, x.constraint])).toEqual([
      ['p', 'capacity'],
      ['hv', 'country'],
      ['hv', 'per-vm-limit'],
    ]);
  });

  it('keeps the split within the price cap and each agreement cap', () => {
    const r = choose(
      [vm('a', 4), vm('b', 4), vm('c', 4)],
      [
        offer('capped', { price: { perVcpuHour: 1, perMemoryGibHour: 0 }, agreementCap: { vcpus: 8 } }),
        offer('dear', { price: { perVcpuHour: 10, perMemoryGibHour: 0 } }),
      ],
      { allowSplit: true, maxPricePerHour: 40 },
    );
    // 8 on the capped site (8 per hour), 4 vCPUs more cost 40 at the dear one: over the cap of 40.
    expect(r.assignment).toEqual({ a: 'capped', b: 'capped' });
    expect(r.unassigned[0]!.reasons.map((x) => [x.site, x.constraint, x.message])).toEqual([
      ['capped', 'agreement-cap', 'c needs 4 vCPUs; the federation agreement leaves 0 vCPUs'],
      ['dear', 'price', 'c would bring the demand to 48 per hour, above the cap of 40'],
    ]);
  });
});
