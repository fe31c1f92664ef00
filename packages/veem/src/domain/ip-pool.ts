import { errors } from '@reservoir/runtime';

// IPv4 address arithmetic for network pools; leases themselves live in the store.

export function parseIpv4(s: string, field: string): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) throw errors.invalid(field, `"${s}" is not an IPv4 address`);
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) throw errors.invalid(field, `"${s}" has an octet above 255`);
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  network: number;
  prefix: number;
  /** First and last usable host addresses (network and broadcast excluded for prefixes below 31). */
  first: number;
  last: number;
}

export function parseCidr(s: string, field: string): Cidr {
  const [addr, len, extra] = s.split('/');
  if (addr === undefined || len === undefined || extra !== undefined || !/^\d{1,2}$/.test(len)) {
    throw errors.invalid(field, `"${s}" is not a CIDR such as 10.0.0.0/24`);
  }
  const prefix = Number(len);
  if (prefix < 8 || prefix > 30) throw errors.invalid(field, `prefix /${prefix} must be between /8 and /30`);
  const ip = parseIpv4(addr, field);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (ip & mask) >>> 0;
  if (network !== ip)
    throw errors.invalid(field, `"${s}" has host bits set; the network is ${formatIpv4(network)}/${prefix}`);
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  return { network, prefix, first: network + 1, last: broadcast - 1 };
}

/** A deterministic, locally administered MAC derived from the address (as ONE does with MAC_PREFIX). */
export function macFor(ip: number, prefix = '02:00'): string {
  const hex = [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].map((b) =>
    b.toString(16).padStart(2, '0'),
  );
  return `${prefix}:${hex.join(':')}`;
}

/**
 * The next free address in [first, last], scanning from a cursor so consecutive leases are O(1)
 * and released addresses are reused only after the range wraps (fewer stale ARP entries).
 */
export function nextFree(
  first: number,
  last: number,
  cursor: number,
  isLeased: (ip: number) => boolean,
): number | undefined {
  const size = last - first + 1;
  const start = cursor < first || cursor > last ? first : cursor;
  for (let i = 0; i < size; i++) {
    const ip = first + ((start - first + i) % size);
    if (!isLeased(ip)) return ip;
  }
  return undefined;
}
