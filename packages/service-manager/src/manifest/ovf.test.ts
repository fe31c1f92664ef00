import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { loadManifest } from './load.js';
import { manifestFromOvf, readOvfManifest } from './ovf-read.js';
import { manifestToOvf } from './ovf-write.js';
import { formatProblem } from './problem.js';
import { validateManifest } from './validate.js';
import { manifestFromYaml } from './yaml-read.js';

const INVALID = join(import.meta.dirname, 'testdata', 'invalid');

const ENVELOPE = (body: string) => `<?xml version="1.0"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
  xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
  xmlns:rsv="urn:reservoir:ovf:extensions:1">
${body}
</Envelope>`;

const HARDWARE = (cpus: number, mib: number) => `<VirtualHardwareSection><Info>hw</Info>
  <Item><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>${cpus}</rasd:VirtualQuantity></Item>
  <Item><rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>${mib}</rasd:VirtualQuantity></Item>
</VirtualHardwareSection>`;

const system = (id: string, attrs = '', cpus = 1, mib = 512) =>
  `<VirtualSystem ovf:id="${id}" ${attrs}><Info>${id}</Info>${HARDWARE(cpus, mib)}</VirtualSystem>`;

function refusal(load: () => unknown): string[] {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(ReservoirError);
    expect((e as ReservoirError).code).toBe('INVALID_ARGUMENT');
    return (e as Error).message.split('\n');
  }
  throw new Error('accepted');
}

describe('manifestFromOvf', () => {
  it('reads a lone VirtualSystem as a one-component service with every default', () => {
    const m = manifestFromOvf(ENVELOPE(system('vm', '', 2, 2048)));
    // One OVF id space: the service around the lone system takes an id of its own, and validates.
    expect(m.id).toBe('vm-service');
    expect(validateManifest(m).filter((p) => p.severity === 'error')).toEqual([]);
    expect(m.components).toEqual([
      {
        id: 'vm',
        name: 'vm',
        osType: '',
        cpus: 2,
        memoryMiB: 2048,
        disks: [],
        networks: [],
        properties: [],
        instances: { min: 1, max: 1, initial: 1 },
        startupOrder: 0,
        dependsOn: [],
        scaleInPolicy: 'youngest',
        cooldownSeconds: 300,
      },
    ]);
    expect([m.kpis, m.rules, m.affinity, m.sla]).toEqual([[], [], [], []]);
    expect(m.business).toEqual({ budgetPerHour: null, currency: 'EUR', allowedProviders: [] });
  });

  it('flattens nested collections, chaining their start orders', () => {
    const m = manifestFromOvf(
      ENVELOPE(`<VirtualSystemCollection ovf:id="svc"><Info>svc</Info>
  <StartupSection><Info>s</Info><Item ovf:id="front" ovf:order="2"/><Item ovf:id="back" ovf:order="1"/></StartupSection>
  ${system('front')}
  <VirtualSystemCollection ovf:id="back"><Info>back</Info>
    <StartupSection><Info>s</Info><Item ovf:id="db" ovf:order="1"/><Item ovf:id="cache" ovf:order="2"/></StartupSection>
    ${system('cache')}${system('db')}
  </VirtualSystemCollection>
</VirtualSystemCollection>`),
    );
    expect(m.components.map((c) => [c.id, c.startupOrder])).toEqual([
      ['front', 3],
      ['cache', 2],
      ['db', 1],
    ]);
  });

  it("accepts Claudia's rsv:public on Network and the PublicNetworkSection alike", () => {
    const m = manifestFromOvf(
      ENVELOPE(`<NetworkSection><Info>n</Info>
  <Network ovf:name="a" rsv:public="true"/><Network ovf:name="b"/><Network ovf:name="c"/></NetworkSection>
<rsv:PublicNetworkSection><Info>p</Info><rsv:Network name="c"/></rsv:PublicNetworkSection>
${system('vm')}`),
    );
    expect(m.networks.map((n) => [n.name, n.public])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('refuses unreadable extension values and systems without CPUs or memory, each at its element', () => {
    const name = 'unreadable.ovf';
    const lines = refusal(() => manifestFromOvf(readFileSync(join(INVALID, name), 'utf8'), name));
    const rule = "/Envelope/VirtualSystemCollection[@ovf:id='broken']/rsv:ElasticitySection";
    const vm = "/Envelope/VirtualSystemCollection[@ovf:id='broken']/VirtualSystem[@ovf:id='vm']";
    expect(lines).toEqual([
      `${name}:13: ${rule}/rsv:ThresholdRule[@id='r']/rsv:Window: unit "fortnight" is not second, minute, hour or day`,
      `${name}:11: ${rule}/rsv:ThresholdRule[@id='r']: missing <rsv:Window>`,
      `${name}:11: ${rule}/rsv:ThresholdRule[@id='r']: Quota "lots" is not a number`,
      `${name}:11: ${rule}/rsv:ThresholdRule[@id='r']: missing <rsv:Quota>`,
      `${name}:16: ${rule}/rsv:ExpressionRule[@id='e']: missing <rsv:Adjustment>`,
      `${name}:20: ${vm}: no virtual CPU count (Item of ResourceType 3): a component needs cpus`,
      `${name}:20: ${vm}: no memory size (Item of ResourceType 4): a component needs memory`,
      `${name}:20: ${vm}: rsv:min "two" is not a number`,
      `${name}:20: ${vm}: rsv:scaleIn "random" is not one of youngest, oldest`,
    ]);
  });

  it('places validation problems at the elements they come from', () => {
    const name = 'everything-wrong.ovf';
    const lines = refusal(() => loadManifest(readFileSync(join(INVALID, name), 'utf8'), name));
    const top = "/Envelope/VirtualSystemCollection[@ovf:id='batch']";
    expect(lines).toEqual([
      `${name}:38: ${top}/VirtualSystem[@ovf:id='workers']: instances max 2 is below min 4`,
      `${name}:30: ${top}/VirtualSystem[@ovf:id='queue']: "queue" (startup order 1) depends on "workers", which starts later (order 2)`,
      `${name}:30: ${top}/VirtualSystem[@ovf:id='queue']: dependency cycle: queue → workers → queue`,
      `${name}:21: ${top}/rsv:ElasticitySection/rsv:ThresholdRule[@id='grow']/rsv:KPIName: rule "grow" uses unknown KPI "queue_length" (KPIs: backlog)`,
      `${name}:28: ${top}/rsv:BusinessSection/rsv:BudgetPerHour: the initial deployment costs 0.985 EUR/h (queue 0.025, workers 0.96), over the budget of 0.2 EUR/h`,
    ]);
  });

  it(
    'reads and validates a service of 2,000 components, each placed at its elements',
    { timeout: 30_000 },
    () => {
      const n = 2000;
      const ids = Array.from({ length: n }, (_, i) => `c${i}`);
      const xml = ENVELOPE(`<DiskSection><Info>d</Info>
${ids.map((id) => `<Disk ovf:diskId="${id}-data" ovf:capacity="10" ovf:capacityAllocationUnits="byte * 2^30"/>`).join('\n')}
</DiskSection>
<VirtualSystemCollection ovf:id="big"><Info>big</Info>
<StartupSection><Info>s</Info>
${ids.map((id, i) => `<Item ovf:id="${id}" ovf:order="${i === 0 ? 1 : 2}"/>`).join('\n')}
</StartupSection>
<rsv:KPISection ovf:required="false"><Info>k</Info><rsv:KPI name="load" units="req/s"/></rsv:KPISection>
<rsv:ElasticitySection ovf:required="false"><Info>e</Info>
${ids
  .slice(1)
  .map(
    (id) => `<rsv:ThresholdRule id="grow-${id}" component="${id}"><rsv:KPIName>load</rsv:KPIName>
  <rsv:Window unit="second">60</rsv:Window><rsv:Quota>50</rsv:Quota></rsv:ThresholdRule>`,
  )
  .join('\n')}
</rsv:ElasticitySection>
${ids
  .map((id, i) =>
    system(id, `rsv:min="1" rsv:max="4"${i === 0 ? '' : ' rsv:dependsOn="c0"'}`).replace(
      '</VirtualHardwareSection>',
      `<Item><rasd:HostResource>ovf:/disk/${id}-data</rasd:HostResource><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceType>17</rasd:ResourceType></Item></VirtualHardwareSection>`,
    ),
  )
  .join('\n')}
</VirtualSystemCollection>`);
      const { manifest, source } = readOvfManifest(xml, 'big.ovf');
      expect(validateManifest(manifest, source)).toEqual([]);
      expect(loadManifest(xml, 'big.ovf').components).toHaveLength(n);
      expect(manifest.components[n - 1]).toMatchObject({
        id: 'c1999',
        startupOrder: 2,
        dependsOn: ['c0'],
        instances: { min: 1, max: 4, initial: 1 },
        disks: [{ diskId: 'c1999-data', capacityBytes: 10 * 2 ** 30 }],
      });
      expect(manifest.rules).toHaveLength(n - 1);
      const top = "/Envelope/VirtualSystemCollection[@ovf:id='big']";
      expect(source.places.get(`components[${n - 1}].startupOrder`)?.label).toBe(
        `${top}/StartupSection/Item[@ovf:id='c1999']`,
      );
      expect(source.places.get(`components[${n - 1}].disks[0]`)?.label).toBe(
        "/Envelope/DiskSection/Disk[@ovf:diskId='c1999-data']",
      );
      expect(source.places.get(`rules[${n - 2}].windowSeconds`)?.label).toBe(
        `${top}/rsv:ElasticitySection/rsv:ThresholdRule[@id='grow-c1999']/rsv:Window`,
      );
    },
  );

  it('points a startup problem at the StartupSection Item when validating the read source', () => {
    const { manifest, source } = readOvfManifest(
      ENVELOPE(`<VirtualSystemCollection ovf:id="s"><Info>s</Info>
<StartupSection><Info>s</Info><Item ovf:id="a" ovf:order="-1"/></StartupSection>
${system('a')}
</VirtualSystemCollection>`),
      'order.ovf',
    );
    expect(validateManifest(manifest, source).map((p) => formatProblem(p, 'order.ovf'))).toEqual([
      "order.ovf:6: /Envelope/VirtualSystemCollection[@ovf:id='s']/StartupSection/Item[@ovf:id='a']: startup order -1 is not a whole number of at least 0",
    ]);
  });
});

describe('manifestToOvf', () => {
  const m = manifestFromYaml(`
id: svc
name: Service
description: A <small> & "simple" service
networks: [{ name: lan }, { name: wan, public: true }]
components:
  - { id: db, cpus: 1, memoryMiB: 512, networks: [lan], startupOrder: 1 }
  - { id: web, cpus: 1, memoryMiB: 512, networks: [wan, lan], startupOrder: 2, dependsOn: [db],
      instances: { min: 1, max: 3 }, scaleIn: oldest, cooldown: 2m }
kpis: [{ name: rps, units: req/s }]
rules:
  - { kind: expression, id: grow, component: web, expression: 'rps > 10 && instances < 3', adjustment: change, value: 1 }
`);
  const ovf = manifestToOvf(m);

  it('writes the rsv: attributes on each VirtualSystem, defaults left out', () => {
    expect(ovf).toContain('<VirtualSystem ovf:id="db" rsv:min="1" rsv:max="1" rsv:initial="1">');
    expect(ovf).toContain(
      '<VirtualSystem ovf:id="web" rsv:min="1" rsv:max="3" rsv:initial="1" rsv:scaleIn="oldest" rsv:cooldown="120" rsv:dependsOn="db">',
    );
  });

  it('writes the start order, waiting for the guests others depend on', () => {
    expect(ovf).toMatch(/<Item ovf:id="db" ovf:order="1"[^>]*ovf:waitingForGuest="true"/);
    expect(ovf).toMatch(/<Item ovf:id="web" ovf:order="2"[^>]*ovf:waitingForGuest="false"/);
  });

  it('escapes text and marks every extension section as not required', () => {
    expect(ovf).toContain('<Annotation>A &lt;small&gt; &amp; "simple" service</Annotation>');
    expect(ovf).toContain('<rsv:Expression>rps &gt; 10 &amp;&amp; instances &lt; 3</rsv:Expression>');
    expect(ovf).toContain('<rsv:PublicNetworkSection ovf:required="false">');
    expect(ovf.match(/<rsv:\w+Section /g)).toEqual([
      '<rsv:PublicNetworkSection ',
      '<rsv:KPISection ',
      '<rsv:ElasticitySection ',
    ]);
    expect(ovf.match(/<rsv:\w+Section ovf:required="false">/g)).toHaveLength(3);
  });

  it('refuses two different disks under one id, which one DiskSection cannot hold', () => {
    const twice = manifestFromYaml(`
id: s
components:
  - { id: a, cpus: 1, memoryMiB: 1, disks: [{ diskId: d, capacity: 1GiB }] }
  - { id: b, cpus: 1, memoryMiB: 1, disks: [{ diskId: d, capacity: 2GiB }] }
`);
    expect(() => manifestToOvf(twice)).toThrow(
      'components[1].disks[0]: disk "d" differs from the one of component "a"; OVF has one DiskSection, give it another diskId',
    );
  });
});
