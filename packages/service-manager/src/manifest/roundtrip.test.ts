// Both forms carry the whole model: any manifest written as OVF or YAML reads back equal, and
// crossing from one form to the other and back changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifestArb } from './manifest-arbitrary.js';
import { manifestFromOvf } from './ovf-read.js';
import { manifestToOvf } from './ovf-write.js';
import { manifestFromYaml } from './yaml-read.js';
import { manifestToYaml } from './yaml-write.js';

const RUNS = { numRuns: 200 };

describe('round trips on the ServiceManifest model', () => {
  it('model → YAML → model is the identity', () => {
    fc.assert(
      fc.property(manifestArb, (m) => {
        expect(manifestFromYaml(manifestToYaml(m))).toEqual(m);
      }),
      RUNS,
    );
  });

  it('model → OVF → model is the identity', () => {
    fc.assert(
      fc.property(manifestArb, (m) => {
        expect(manifestFromOvf(manifestToOvf(m))).toEqual(m);
      }),
      RUNS,
    );
  });

  it('OVF → YAML → OVF → model is the identity', () => {
    fc.assert(
      fc.property(manifestArb, (m) => {
        const fromOvf = manifestFromOvf(manifestToOvf(m));
        expect(manifestFromOvf(manifestToOvf(manifestFromYaml(manifestToYaml(fromOvf))))).toEqual(fromOvf);
      }),
      RUNS,
    );
  });

  it('YAML → OVF → YAML gives back the same text', () => {
    fc.assert(
      fc.property(manifestArb, (m) => {
        const yaml = manifestToYaml(m);
        expect(manifestToYaml(manifestFromOvf(manifestToOvf(manifestFromYaml(yaml))))).toBe(yaml);
      }),
      RUNS,
    );
  });
});
