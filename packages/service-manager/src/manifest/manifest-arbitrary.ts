// fast-check generators of service manifests for the round-trip properties. Text is what both
// forms can carry: no leading or trailing blanks (XML element text is trimmed), no control
// characters, but XML and YAML specials (& < > " ' : # -) to exercise escaping and quoting.
import fc from 'fast-check';
import type {
  AffinityRule,
  Component,
  ElasticityRule,
  ManifestNetwork,
  ServiceManifest,
  SlaObjective,
} from './model.js';

// Built once: fc.stringMatching is costly to construct, and chain() would rebuild it per sample.
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,7}$/);
const propertyKey = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(\.[a-z][a-z0-9]{0,5})?$/);
const currency = fc.stringMatching(/^[A-Z]{3}$/);
const href = fc.stringMatching(/^[a-z]{1,6}\/[a-z0-9]{1,6}\.(vmdk|qcow2)$/);
const CHARS = [...'abcXYZ019 éß&<>"\':#,.-_/()[]{}*!%'];
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 16 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s !== '');
const maybeText = fc.oneof(fc.constant(''), text);
/** Finite, not -0, within what both forms print without exponents losing digits. */
const real = fc
  .oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
  .filter((n) => !Object.is(n, -0));
const count = fc.nat({ max: 50 });
const seconds = fc.oneof(
  fc.integer({ min: 1, max: 200_000 }),
  fc.integer({ min: 1, max: 100 }).map((n) => n * 3600),
  fc.integer({ min: 1, max: 400 }).map((n) => n / 4),
);
const bytes = fc.oneof(
  fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  fc.integer({ min: 1, max: 4096 }).map((n) => n * 2 ** 20),
  fc.integer({ min: 1, max: 2048 }).map((n) => n * 2 ** 30),
);

function componentArb(cid: string, networks: string[], files: string[]): fc.Arbitrary<Component> {
  const disk = (j: number) =>
    fc.record({
      diskId: fc.constant(`${cid}-d${j}`),
      capacityBytes: bytes,
      format: fc.constantFrom(
        '',
        'qcow2',
        'http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized',
      ),
      fileRef: files.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...files)),
    });
  const property = fc.record({
    key: propertyKey,
    type: fc.constantFrom('string', 'uint8', 'boolean', 'real64'),
    value: maybeText,
    label: maybeText,
    description: maybeText,
    userConfigurable: fc.boolean(),
  });
  return fc.record({
    id: fc.constant(cid),
    name: fc.oneof(fc.constant(cid), text),
    osType: fc.constantFrom('', '1', '36', '101'),
    cpus: fc.integer({ min: 1, max: 64 }),
    memoryMiB: fc.integer({ min: 1, max: 262_144 }),
    disks: fc.nat({ max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => disk(j)))),
    // OVF can only connect a NIC to a network of its NetworkSection.
    networks:
      networks.length === 0 ? fc.constant([]) : fc.array(fc.constantFrom(...networks), { maxLength: 3 }),
    properties: fc.uniqueArray(property, { maxLength: 3, selector: (p) => p.key }),
    instances: fc.record({ min: count, max: count, initial: count }),
    startupOrder: fc.nat({ max: 5 }),
    dependsOn: fc.array(id, { maxLength: 2 }),
    scaleInPolicy: fc.constantFrom('youngest', 'oldest'),
    cooldownSeconds: fc.oneof(fc.constant(300), seconds),
  });
}

function ruleArb(components: string[]): fc.Arbitrary<ElasticityRule> {
  const component = components.length === 0 ? id : fc.constantFrom(...components);
  const threshold = fc.record({
    kind: fc.constant('threshold' as const),
    id,
    component,
    kpi: id,
    windowSeconds: seconds,
    frequencySeconds: seconds,
    quota: real,
    tolerancePercent: real,
  });
  const expression = fc.record({
    kind: fc.constant('expression' as const),
    id,
    component,
    expression: text,
    periodSeconds: seconds,
    periodCount: fc.integer({ min: 1, max: 10 }),
    adjustment: fc.constantFrom('change', 'cardinality', 'percentage'),
    value: real,
    minStep: fc.integer({ min: 1, max: 5 }),
    cooldownSeconds: seconds,
  });
  return fc.oneof(threshold, expression);
}

const network: fc.Arbitrary<ManifestNetwork> = fc.record({
  name: id,
  description: maybeText,
  public: fc.boolean(),
});
const sla: fc.Arbitrary<SlaObjective> = fc.record({
  name: id,
  kpi: id,
  operator: fc.constantFrom('<', '<=', '>', '>='),
  threshold: real,
  windowSeconds: seconds,
});

export const manifestArb: fc.Arbitrary<ServiceManifest> = fc
  .record({
    id,
    networks: fc.uniqueArray(network, { maxLength: 3, selector: (n) => n.name }),
    files: fc.uniqueArray(fc.record({ id, href, sizeBytes: fc.option(bytes) }), {
      maxLength: 3,
      selector: (f) => f.id,
    }),
    componentIds: fc.uniqueArray(id, { minLength: 1, maxLength: 4 }),
  })
  // The service and its components share OVF's one id space.
  .filter(({ id: sid, componentIds }) => !componentIds.includes(sid))
  .chain(({ id: sid, networks, files, componentIds }) =>
    fc.record({
      id: fc.constant(sid),
      name: fc.oneof(fc.constant(sid), text),
      description: maybeText,
      files: fc.constant(files),
      networks: fc.constant(networks),
      components: fc.tuple(
        ...componentIds.map((c) =>
          componentArb(
            c,
            networks.map((n) => n.name),
            files.map((f) => f.id),
          ),
        ),
      ),
      kpis: fc.uniqueArray(fc.record({ name: id, units: maybeText, description: maybeText }), {
        maxLength: 3,
        selector: (k) => k.name,
      }),
      rules: fc.array(ruleArb(componentIds), { maxLength: 3 }),
      deployment: fc.record({
        allowedSites: fc.array(id, { maxLength: 2 }),
        allowedCountries: fc.array(fc.constantFrom('ES', 'DE', 'FR', 'GB', 'US'), { maxLength: 3 }),
        legalZones: fc.array(text, { maxLength: 2 }),
      }),
      affinity: fc.array(
        fc.record<AffinityRule>({
          type: fc.constantFrom('affinity', 'anti-affinity'),
          components: fc.array(fc.constantFrom(...componentIds), { minLength: 1, maxLength: 3 }),
          scope: fc.constantFrom('host', 'site'),
          hard: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      sla: fc.array(sla, { maxLength: 2 }),
      business: fc.record({
        budgetPerHour: fc.option(real),
        currency,
        allowedProviders: fc.array(id, { maxLength: 2 }),
      }),
    }),
  );
