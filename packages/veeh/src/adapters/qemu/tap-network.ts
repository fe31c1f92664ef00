// The qemu driver's bridge network: each NIC is a tap device enslaved to a Linux bridge per
// network. The driver makes the taps persistent before QEMU starts and removes them when the
// process ends for good, so a tap's name (and its kernel counters) belong to one NIC of one
// running domain, and QEMU needs no helper scripts.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { errors, type Logger } from '@reservoir/runtime';
import type { NicCounters, NicSpec } from '../../domain/driver.js';
import { nicCountersFromTap, type InterfaceCounters } from './counters.js';

const run = promisify(execFile);

export type NetworkMode = 'user' | 'bridge';
export const NETWORK_MODES: readonly NetworkMode[] = ['user', 'bridge'];

const SYS_NET = '/sys/class/net';
const TUN = '/dev/net/tun';
const CAP_NET_ADMIN = 12n;

function hexOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex');
}

/**
 * The tap of one NIC: "rsv" and 12 hex digits, within Linux's 15 characters. The scope (the
 * driver's state directory) keeps two drivers on one machine apart, and the NIC's id, not its
 * position, keeps the name stable when other NICs come and go.
 */
export function tapName(scope: string, vmId: string, nicId: string): string {
  return `rsv${hexOf(scope, vmId, nicId).slice(0, 12)}`;
}

/** The bridge of a network: shared by every driver on the machine, so their guests meet. */
export function bridgeName(networkId: string): string {
  return `rsvbr-${hexOf(networkId).slice(0, 9)}`;
}

/**
 * Refuses the bridge network where it cannot work: making taps and bridges needs CAP_NET_ADMIN,
 * QEMU opening a tap needs /dev/net/tun, and the driver runs iproute2's `ip`.
 */
export async function assertTapPrivileges(): Promise<void> {
  const missing: string[] = [];
  if (!hasCapability(CAP_NET_ADMIN)) missing.push('CAP_NET_ADMIN');
  try {
    accessSync(TUN, constants.R_OK | constants.W_OK);
  } catch {
    missing.push(`read-write access to ${TUN}`);
  }
  try {
    await run('ip', ['-V']);
  } catch {
    missing.push("iproute2's ip command");
  }
  if (missing.length > 0)
    throw errors.precondition(
      `the qemu driver's bridge network needs ${missing.join(', ')}: run veeh as root (or grant them), or use --network user`,
    );
}

function hasCapability(bit: bigint): boolean {
  try {
    const line = readFileSync('/proc/self/status', 'utf8').match(/^CapEff:\s*([0-9a-f]+)$/m);
    return line ? (BigInt(`0x${line[1]}`) & (1n << bit)) !== 0n : false;
  } catch {
    return false;
  }
}

/** The kernel's counters of an interface; undefined when it does not exist. */
export function interfaceCounters(name: string): InterfaceCounters | undefined {
  const read = (what: string) => Number(readFileSync(join(SYS_NET, name, 'statistics', what), 'utf8'));
  try {
    return {
      rxBytes: read('rx_bytes'),
      txBytes: read('tx_bytes'),
      rxPackets: read('rx_packets'),
      txPackets: read('tx_packets'),
    };
  } catch {
    return undefined;
  }
}

export function interfaceExists(name: string): boolean {
  return existsSync(join(SYS_NET, name));
}

async function ip(args: string[]): Promise<void> {
  try {
    await run('ip', args);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw errors.precondition(`ip ${args.join(' ')}: ${(err.stderr || err.message).trim()}`);
  }
}

export interface TapNetworkOptions {
  /** What keeps this driver's tap names apart from another's on the machine: its state directory. */
  scope: string;
  /** Bridges to use instead of the derived rsvbr-<hash>, by network id. */
  bridges?: Readonly<Record<string, string>>;
  logger: Logger;
}

/**
 * Taps and bridges of one driver. Work on one domain's taps runs in order, so removing the taps
 * of an ended process cannot overtake making them again for the next one.
 */
export class TapNetwork {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: TapNetworkOptions) {}

  tapOf(vmId: string, nicId: string): string {
    return tapName(this.options.scope, vmId, nicId);
  }

  bridgeOf(networkId: string): string {
    return this.options.bridges?.[networkId] ?? bridgeName(networkId);
  }

  /** Makes (or re-uses) the tap of each NIC, up and enslaved to its network's bridge. */
  plug(vmId: string, nics: readonly NicSpec[]): Promise<void> {
    return this.inOrder(vmId, async () => {
      for (const nic of nics) await this.plugOne(this.tapOf(vmId, nic.id), this.bridgeOf(nic.networkId));
    });
  }

  /** Removes the taps of these NICs; ones already gone are fine. */
  unplug(vmId: string, nics: readonly NicSpec[]): Promise<void> {
    return this.inOrder(vmId, async () => {
      for (const nic of nics) {
        const tap = this.tapOf(vmId, nic.id);
        if (!interfaceExists(tap)) continue;
        try {
          await ip(['link', 'del', 'dev', tap]);
          this.options.logger.debug({ vmId, nicId: nic.id, tap }, 'tap removed');
        } catch (e) {
          // Gone meanwhile is what we wanted.
          if (interfaceExists(tap)) throw e;
        }
      }
    });
  }

  /** Counters of the NICs whose tap exists, from the guest's point of view. */
  counters(vmId: string, nics: readonly NicSpec[]): NicCounters[] {
    const out: NicCounters[] = [];
    for (const nic of nics) {
      const tap = interfaceCounters(this.tapOf(vmId, nic.id));
      if (tap) out.push(nicCountersFromTap(nic.id, tap));
    }
    return out;
  }

  private async plugOne(tap: string, bridge: string): Promise<void> {
    await this.ensureBridge(bridge);
    if (!interfaceExists(tap)) await ip(['tuntap', 'add', 'dev', tap, 'mode', 'tap']);
    else if (!existsSync(join(SYS_NET, tap, 'tun_flags')))
      throw errors.precondition(`network interface ${tap} exists and is not a tap device`);
    await ip(['link', 'set', 'dev', tap, 'master', bridge]);
    await ip(['link', 'set', 'dev', tap, 'up']);
  }

  private async ensureBridge(bridge: string): Promise<void> {
    if (!interfaceExists(bridge)) {
      try {
        await ip(['link', 'add', 'name', bridge, 'type', 'bridge']);
        this.options.logger.info({ bridge }, 'bridge created');
      } catch (e) {
        // Another domain's start may have made it a moment ago.
        if (!interfaceExists(bridge)) throw e;
      }
    }
    if (!existsSync(join(SYS_NET, bridge, 'bridge')))
      throw errors.precondition(`network interface ${bridge} exists and is not a bridge`);
    await ip(['link', 'set', 'dev', bridge, 'up']);
  }

  private inOrder<T>(vmId: string, body: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(vmId) ?? Promise.resolve()).then(body, body);
    const tail = next.catch(() => {});
    this.queues.set(vmId, tail);
    void tail.then(() => {
      if (this.queues.get(vmId) === tail) this.queues.delete(vmId);
    });
    return next;
  }
}
