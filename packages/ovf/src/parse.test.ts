import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { bytesPerUnit, parseOvf, parseOvfDocument } from './index.js';

const env = (body: string, ns = 'http://schemas.dmtf.org/ovf/envelope/1') =>
  `<?xml version="1.0"?>\n<Envelope xmlns="${ns}" xmlns:ovf="${ns}" xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData">\n${body}\n</Envelope>`;

function thrown(fn: () => unknown): ReservoirError {
  try {
    fn();
  } catch (e) {
    return e as ReservoirError;
  }
  throw new Error('did not throw');
}

describe('parseOvf errors', () => {
  it('reports a non-numeric capacity with file, line and element', () => {
    const xml = env(
      '<DiskSection><Info/>\n<Disk ovf:diskId="d" ovf:capacity="abc"/></DiskSection>\n<VirtualSystem ovf:id="v"><Info/></VirtualSystem>',
    );
    const err = thrown(() => parseOvf(xml, 'disk.ovf'));
    expect(err).toBeInstanceOf(ReservoirError);
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toBe('disk.ovf:4: <Disk>: capacity "abc" is not a number');
  });

  it('reports malformed XML and non-OVF roots', () => {
    expect(thrown(() => parseOvf('<Envelope><a></Envelope>', 'x.ovf')).message).toMatch(
      /^x\.ovf:1: malformed XML/,
    );
    expect(thrown(() => parseOvf('', 'x.ovf')).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => parseOvf('<html/>', 'x.ovf')).message).toMatch(
      /^x\.ovf:1: <html>: not an OVF envelope/,
    );
  });

  it('warns on unresolvable ${prop} capacity and required unknown sections', () => {
    const xml = env(
      '<DiskSection><Info/><Disk ovf:diskId="d" ovf:capacity="${nope}"/></DiskSection>' +
        '<FooSection ovf:required="true"><Info/></FooSection><BarSection><Info/></BarSection>' +
        '<VirtualSystem ovf:id="v"><Info/></VirtualSystem>',
    );
    const m = parseOvf(xml, 'p.ovf');
    expect(m.virtualSystems[0]?.disks[0]?.capacityBytes).toBeNull();
    expect(m.warnings).toHaveLength(2);
    expect(m.warnings[1]).toMatch(/FooSection is marked required/);
  });
});

describe('units', () => {
  it.each([
    ['byte * 2^20', 2 ** 20],
    ['byte*2^30', 2 ** 30],
    ['byte * 2 ^ 20', 2 ** 20],
    ['MegaBytes', 2 ** 20],
    ['GigaBytes', 2 ** 30],
    ['1024 * byte', 1024],
    ['kibibyte * 2^10 * 1024', 2 ** 30],
    [undefined, 1],
  ])('%s', (units, bytes) => {
    expect(bytesPerUnit(units)).toBe(bytes);
  });

  it.each(['byte * 2^30 *', 'byte*byte', 'hertz * 10^6'])('rejects %s', (units) => {
    expect(bytesPerUnit(units)).toBeNull();
  });
});

describe('large descriptors', () => {
  /** A collection of n VirtualSystems with two disks, a NIC and properties each, and a start order. */
  function collection(n: number): string {
    const ids = Array.from({ length: n }, (_, i) => `vm${i}`);
    const disks = ids
      .map(
        (id) =>
          `<Disk ovf:diskId="${id}-a" ovf:capacity="8" ovf:capacityAllocationUnits="byte * 2^30"/>` +
          `<Disk ovf:diskId="${id}-b" ovf:capacity="${id.length}" ovf:capacityAllocationUnits="byte * 2^30"/>`,
      )
      .join('\n');
    const item = (type: number, body: string) =>
      `<Item><rasd:ResourceType>${type}</rasd:ResourceType>${body}</Item>`;
    const systems = ids
      .map(
        (id, i) => `<VirtualSystem ovf:id="${id}"><Info>${id}</Info><Name>System ${i}</Name>
  <ProductSection><Info>p</Info>
    <Property ovf:key="index" ovf:type="uint32" ovf:value="${i}"><Label>Index</Label></Property>
    <Property ovf:key="name" ovf:type="string" ovf:value="${id}"/>
  </ProductSection>
  <VirtualHardwareSection><Info>hw</Info>
    ${item(3, `<rasd:VirtualQuantity>${1 + (i % 4)}</rasd:VirtualQuantity>`)}
    ${item(4, '<rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits><rasd:VirtualQuantity>512</rasd:VirtualQuantity>')}
    ${item(17, `<rasd:HostResource>ovf:/disk/${id}-a</rasd:HostResource>`)}
    ${item(17, `<rasd:HostResource>ovf:/disk/${id}-b</rasd:HostResource>`)}
    ${item(10, '<rasd:Connection>lan</rasd:Connection>')}
  </VirtualHardwareSection>
</VirtualSystem>`,
      )
      .join('\n');
    const startup = ids.map((id, i) => `<Item ovf:id="${id}" ovf:order="${i % 3}"/>`).join('\n');
    return env(`<DiskSection><Info>d</Info>
${disks}
</DiskSection>
<NetworkSection><Info>n</Info><Network ovf:name="lan"/></NetworkSection>
<VirtualSystemCollection ovf:id="all"><Info>all</Info>
<StartupSection><Info>s</Info>
${startup}
</StartupSection>
${systems}
</VirtualSystemCollection>`);
  }

  it('parses 2,000 VirtualSystems in one collection', { timeout: 30_000 }, () => {
    const xml = collection(2000);
    const doc = parseOvfDocument(xml, 'large.ovf');
    expect(doc.warnings).toEqual([]);
    expect(doc.virtualSystems).toHaveLength(2000);
    expect(doc.disks).toHaveLength(4000);
    const last = doc.virtualSystems[1999]!;
    expect(last).toMatchObject({ id: 'vm1999', name: 'System 1999', cpus: 4, memoryMiB: 512, nics: 1 });
    expect(last.disks.map((d) => [d.diskId, d.capacityBytes])).toEqual([
      ['vm1999-a', 8 * 2 ** 30],
      ['vm1999-b', 6 * 2 ** 30],
    ]);
    expect(last.properties).toEqual([
      { key: 'index', type: 'uint32', value: '1999' },
      { key: 'name', type: 'string', value: 'vm1999' },
    ]);
    expect(last.parentId).toBe('all');
    expect(last.line).toBe(xml.slice(0, xml.indexOf('<VirtualSystem ovf:id="vm1999"')).split('\n').length);
    expect(doc.collections[0]?.childIds).toHaveLength(2000);
    expect(doc.collections[0]?.startup[1999]).toMatchObject({ id: 'vm1999', order: 1999 % 3 });
    expect(parseOvf(xml, 'large.ovf').virtualSystems).toHaveLength(2000);
  });
});
