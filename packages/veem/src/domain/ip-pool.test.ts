import { isReservoirError } from '@reservoir/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, macFor, nextFree, parseCidr, parseIpv4 } from './ip-pool.js';

function invalid(fn: () => unknown): { field: string | undefined; message: string } {
  try {
    fn();
  } catch (e) {
    if (isReservoirError(e) && e.code === 'INVALID_ARGUMENT') return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_ARGUMENT, nothing was thrown');
}

const ip = (s: string) => parseIpv4(s, 'ip');
const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('parseIpv4 and formatIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['0.0.0.1', 1],
    ['10.0.0.1', 0x0a000001],
    ['192.168.1.254', 0xc0a801fe],
    ['255.255.255.255', 0xffffffff],
  ])('%s is %d', (text, n) => {
    expect(ip(text)).toBe(n);
    expect(formatIpv4(n)).toBe(text);
  });

  it('parses to an unsigned number, also above 2^31', () => {
    expect(ip('200.1.2.3')).toBeGreaterThan(2 ** 31);
  });

  it('round-trips every 32-bit address', () => {
    fc.assert(fc.property(u32, (n) => ip(formatIpv4(n)) === n));
  });

  it('round-trips every dotted quad', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (parts) => {
        const text = parts.join('.');
        return formatIpv4(ip(text)) === text;
      }),
    );
  });

  it.each(['256.0.0.1', '10.0.0.256', '1.999.0.0'])('refuses %s: an octet above 255', (text) => {
    const e = invalid(() => parseIpv4(text, 'rangeStart'));
    expect(e.field).toBe('rangeStart');
    expect(e.message).toBe(`rangeStart: "${text}" has an octet above 255`);
  });

  it.each([
    '',
    'abc',
    'a.b.c.d',
    '1.2.3',
    '1.2.3.4.5',
    '1234.1.1.1',
    '-1.2.3.4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '1.2.3.4\n',
    '1.2.3.4/24',
    '1..2.3',
    '0x0a.0.0.1',
  ])('refuses %j as not an address', (text) => {
    const e = invalid(() => parseIpv4(text, 'gateway'));
    expect(e.field).toBe('gateway');
    expect(e.message).toContain('is not an IPv4 address');
  });
});

describe('parseCidr', () => {
  it('finds the network and the usable range', () => {
    expect(parseCidr('10.0.0.0/24', 'cidr')).toEqual({
      network: ip('10.0.0.0'),
      prefix: 24,
      first: ip('10.0.0.1'),
      last: ip('10.0.0.254'),
    });
    expect(parseCidr('192.168.1.128/25', 'cidr')).toEqual({
      network: ip('192.168.1.128'),
      prefix: 25,
      first: ip('192.168.1.129'),
      last: ip('192.168.1.254'),
    });
  });

  it('accepts the smallest and the largest allowed prefix', () => {
    const p30 = parseCidr('10.1.2.4/30', 'cidr');
    expect([formatIpv4(p30.first), formatIpv4(p30.last)]).toEqual(['10.1.2.5', '10.1.2.6']);
    const p8 = parseCidr('10.0.0.0/8', 'cidr');
    expect([formatIpv4(p8.first), formatIpv4(p8.last)]).toEqual(['10.0.0.1', '10.255.255.254']);
  });

  it('handles networks in the upper half of the address space', () => {
    const c = parseCidr('224.0.0.0/8', 'cidr');
    expect(formatIpv4(c.network)).toBe('224.0.0.0');
    expect(formatIpv4(c.last)).toBe('224.255.255.254');
  });

  it('has 2^(32-prefix) - 2 usable addresses for any network', () => {
    fc.assert(
      fc.property(u32, fc.integer({ min: 8, max: 30 }), (addr, prefix) => {
        const size = 2 ** (32 - prefix);
        const network = addr - (addr % size);
        const c = parseCidr(`${formatIpv4(network)}/${prefix}`, 'cidr');
        expect(c.network).toBe(network);
        expect(c.first).toBe(network + 1);
        expect(c.last).toBe(network + size - 2);
      }),
    );
  });

  it('refuses host bits and names the network', () => {
    const e = invalid(() => parseCidr('10.0.0.1/24', 'cidr'));
    expect(e.field).toBe('cidr');
    expect(e.message).toBe('cidr: "10.0.0.1/24" has host bits set; the network is 10.0.0.0/24');
    expect(invalid(() => parseCidr('192.168.1.64/25', 'net.cidr')).message).toContain(
      'the network is 192.168.1.0/25',
    );
  });

  it.each(['0', '7', '31', '32'])('refuses prefix /%s', (len) => {
    const e = invalid(() => parseCidr(`10.0.0.0/${len}`, 'cidr'));
    expect(e.field).toBe('cidr');
    expect(e.message).toBe(`cidr: prefix /${len} must be between /8 and /30`);
  });

  it('refuses an octet above 255 in the network', () => {
    const e = invalid(() => parseCidr('300.0.0.0/8', 'cidr'));
    expect(e.field).toBe('cidr');
    expect(e.message).toContain('octet above 255');
  });

  it.each([
    '',
    '10.0.0.0',
    '10.0.0.0/',
    '/24',
    '10.0.0.0/24/1',
    '10.0.0.0/abc',
    '10.0.0.0/100',
    '10.0.0.0/-1',
    'garbage',
  ])('refuses %j', (text) => {
    const e = invalid(() => parseCidr(text, 'cidr'));
    expect(e.field).toBe('cidr');
    expect(e.message.startsWith('cidr: ')).toBe(true);
  });
});

describe('macFor', () => {
  it('derives a locally administered MAC from the address', () => {
    expect(macFor(ip('10.0.0.1'))).toBe('02:00:0a:00:00:01');
    expect(macFor(ip('192.168.255.16'))).toBe('02:00:c0:a8:ff:10');
    expect(macFor(ip('10.0.0.1'), 'aa:bb')).toBe('aa:bb:0a:00:00:01');
  });

  it('is a well-formed MAC, distinct per address', () => {
    fc.assert(
      fc.property(u32, u32, (a, b) => {
        expect(macFor(a)).toMatch(/^02:00(:[0-9a-f]{2}){4}$/);
        expect(macFor(a) === macFor(b)).toBe(a === b);
      }),
    );
  });
});

describe('nextFree', () => {
  const none = () => false;

  it('starts at the cursor', () => {
    expect(nextFree(10, 20, 10, none)).toBe(10);
    expect(nextFree(10, 20, 15, none)).toBe(15);
  });

  it('skips leased addresses', () => {
    const leased = new Set([15, 16]);
    expect(nextFree(10, 20, 15, (x) => leased.has(x))).toBe(17);
  });

  it('wraps around to the start of the range', () => {
    const leased = new Set([18, 19, 20]);
    expect(nextFree(10, 20, 18, (x) => leased.has(x))).toBe(10);
    const mostly = new Set([10, 11, 12, 18, 19, 20]);
    expect(nextFree(10, 20, 19, (x) => mostly.has(x))).toBe(13);
  });

  it('starts at the first address when the cursor is outside the range', () => {
    expect(nextFree(10, 20, 5, none)).toBe(10);
    expect(nextFree(10, 20, 21, none)).toBe(10);
  });

  it('returns undefined when every address is leased', () => {
    expect(nextFree(10, 20, 14, () => true)).toBeUndefined();
    expect(nextFree(7, 7, 7, (x) => x === 7)).toBeUndefined();
    expect(nextFree(7, 7, 7, none)).toBe(7);
  });

  it('finds the first free address scanning cyclically from the cursor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -5, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 30 })),
        (first, span, cursorOffset, leasedOffsets) => {
          const last = first + span;
          const leased = new Set(leasedOffsets.filter((o) => o <= span).map((o) => first + o));
          const cursor = first + cursorOffset;
          const got = nextFree(first, last, cursor, (x) => leased.has(x));
          const start = cursor < first || cursor > last ? first : cursor;
          const order = [...Array(span + 1).keys()].map((i) => first + ((start - first + i) % (span + 1)));
          expect(got).toBe(order.find((x) => !leased.has(x)));
        },
      ),
    );
  });
});
