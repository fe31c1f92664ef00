import { describe, expect, it } from 'vitest';
import { siteChoiceRequestOf, type SiteChoiceInput, type SiteOfferInput } from './site-choice-input.js';

// Unset proto fields ('' and 0) mean "absent" or the default; bad values name their proto path.

const PROFILE = {
  hypervisor: 'kvm',
  maxVcpusPerVm: 0,
  maxMemoryMibPerVm: 0,
  diskFormats: ['qcow2'],
  liveMigration: true,
  cpuHotplug: false,
  memoryHotplug: false,
};
const OFFER: SiteOfferInput = {
  site: 's',
  local: false,
  country: 'de',
  hypervisors: [],
  hosts: [{ id: 'h', profile: PROFILE, free: { vcpus: 8, memoryMib: 8192, diskMib: 0 }, count: 0 }],
  agreementCap: { vcpus: 16, memoryMib: 0, diskMib: 0 },
};
const INPUT: SiteChoiceInput = {
  vms: [
    {
      id: 'a',
      resources: { vcpus: 1, memoryMib: 512, diskMib: 0 },
      hypervisor: '',
      diskFormat: '',
      requirements: [],
    },
  ],
  offers: [OFFER],
};

describe('siteChoiceRequestOf', () => {
  it('reads unset fields as absent or default', () => {
    expect(siteChoiceRequestOf(INPUT)).toEqual({
      vms: [{ id: 'a', vcpus: 1, memoryMib: 512, diskMib: 0 }],
      constraints: { allowedCountries: [], forbiddenSites: [], requiredSites: [], allowSplit: false },
      offers: [
        {
          site: 's',
          local: false,
          country: 'DE',
          hypervisors: [],
          hosts: [{ id: 'h', profile: PROFILE, free: { vcpus: 8, memoryMib: 8192, diskMib: 0 }, count: 1 }],
          price: { perVcpuHour: 0, perMemoryGibHour: 0 },
          // A zero field of the cap is no cap, as in the VEEM's offers.
          agreementCap: { vcpus: 16 },
        },
      ],
    });
  });

  it('keeps a price cap of 0 and refuses fractional money', () => {
    const withCap = (maxPricePerHour: number) =>
      siteChoiceRequestOf({
        ...INPUT,
        constraints: {
          allowedCountries: [],
          forbiddenSites: [],
          requiredSites: [],
          maxPricePerHour,
          allowSplit: true,
        },
      });
    expect(withCap(0).constraints).toMatchObject({ maxPricePerHour: 0, allowSplit: true });
    expect(() => withCap(1.5)).toThrow('constraints.max_price_per_hour: 1.5 must be an integer');
    expect(() =>
      siteChoiceRequestOf({
        ...INPUT,
        offers: [{ ...OFFER, price: { perVcpuHour: 2.5, perMemoryGibHour: 0 } }],
      }),
    ).toThrow('offers[0].price.per_vcpu_hour');
  });
});
