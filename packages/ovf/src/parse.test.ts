import { describe, expect, it } from 'vitest';
import { ReservoirError } from '@reservoir/runtime';
import { bytesPerUnit, parseOvf } from './index.js';

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
