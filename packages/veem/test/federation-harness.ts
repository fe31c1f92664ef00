import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '@reservoir/runtime';
import { createVeeh, type SimHostConfig, type Veeh } from '@reservoir/veeh';
import { createVeem, type RunningVeem } from '../src/create-veem.js';
import { vmiClient, type VmiClient } from '../src/client.js';
import { federationClient, type FederationClient } from '../src/federation-client.js';
import type { PartnerAgreement } from '../src/app/federation/settings.js';
import { FAST } from './harness.js';

export interface FedSite {
  name: string;
  veem: RunningVeem;
  vmi: VmiClient;
  fed: FederationClient;
  agent: Veeh;
  imageDir: string;
}

export interface Federation {
  sites: FedSite[];
  dir: string;
  stop(): Promise<void>;
}

export const host = (
  id: string,
  family: SimHostConfig['family'],
  extra: Partial<SimHostConfig> = {},
): SimHostConfig => ({
  id,
  family,
  cores: 64,
  memoryMib: 262_144,
  diskMib: 400_000,
  ...extra,
});

/**
 * Sites that federate with each other, each a VEEM with its own agent of simulated hosts, its own
 * image repository and its own public network (different address ranges, as separate providers have).
 */
export async function startFederation(o: {
  mqttUrl: string;
  sites: { name: string; hosts: SimHostConfig[]; country?: string }[];
  startTimeoutMs?: number;
  /** Agreements let each site burst onto the others (partners registered as large hosts). */
  burst?: boolean;
}): Promise<Federation> {
  const dir = mkdtempSync(join(tmpdir(), 'fed-it-'));
  const token = 'test-federation-token-0123456789';
  // Each site's agreements, filled in once every site listens (the endpoints are free ports).
  const partners = new Map<string, PartnerAgreement[]>();
  const sites: FedSite[] = [];
  for (const [i, s] of o.sites.entries()) {
    const agent = await createVeeh({ hosts: s.hosts, listen: '127.0.0.1:0' });
    const list: PartnerAgreement[] = [];
    partners.set(s.name, list);
    const imageDir = join(dir, s.name, 'images');
    const veem = await createVeem({
      site: s.name,
      database: `sqlite:${join(dir, `${s.name}.db`)}`,
      mqtt: o.mqttUrl,
      logger: silentLogger(),
      settings: FAST,
      federation: {
        country: s.country ?? 'DE',
        imageDir,
        partners: list,
        partnerRetryMs: 2000,
        startTimeoutMs: o.startTimeoutMs ?? 10_000,
        sourceOpTimeoutMs: 10_000,
        chunkBytes: 256 * 1024,
      },
    });
    const vmi = vmiClient(veem.address);
    for (const h of s.hosts)
      await vmi.hosts.registerHost({ name: h.id, agentEndpoint: agent.address!, agentHostId: h.id });
    await vmi.networks.createNetwork({ name: 'public', cidr: `10.${10 + i}.0.0/24` });
    sites.push({ name: s.name, veem, vmi, fed: federationClient(veem.address), agent, imageDir });
  }
  for (const s of sites)
    for (const p of sites)
      if (p !== s)
        partners.get(s.name)!.push({
          site: p.name,
          endpoint: p.veem.address,
          token,
          cap: { vcpus: 0, memoryMib: 0, diskMib: 0 },
          burst: !!o.burst,
        });
  return {
    sites,
    dir,
    stop: async () => {
      for (const s of sites) {
        s.vmi.close();
        s.fed.close();
        await s.veem.stop();
        await s.agent.stop();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A disk image with content: deterministic bytes in some regions and holes elsewhere, written raw
 * and converted by qemu-img to the format asked.
 */
export function makeDisk(dir: string, name: string, format: string, mib = 8): string {
  const raw = join(dir, `${name}.raw`);
  const buf = Buffer.alloc(mib * 2 ** 20);
  let x = 0x9e3779b9;
  for (let off = 0; off < buf.length; off += 2 ** 20) {
    if ((off / 2 ** 20) % 3 === 1) continue; // a hole every third MiB
    for (let i = off; i < off + 2 ** 19; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      buf[i] = x & 0xff;
    }
  }
  writeFileSync(raw, buf);
  if (format === 'raw') return raw;
  const out = join(dir, `${name}.${format}`);
  const opts = format === 'vpc' ? ['-o', 'force_size=on'] : [];
  execFileSync('qemu-img', ['convert', '-f', 'raw', '-O', format, ...opts, raw, out]);
  rmSync(raw);
  return out;
}
