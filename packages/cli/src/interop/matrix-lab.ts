import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, startEmbeddedBroker, toReservoirError } from '@reservoir/runtime';
import {
  createVeeh,
  familyProfile,
  HYPERVISOR_FAMILIES,
  type HypervisorFamily,
  type Veeh,
} from '@reservoir/veeh';
import {
  ACTION_TO_PB,
  createVeem,
  InteropTests,
  sourceDiskFormat,
  stepResult,
  summarizeCell,
  completeSteps,
  vmiClient,
  type GuestProfile,
  type InteropMatrix,
  type MatrixCell,
  type PartnerAgreement,
  type RunningVeem,
  type VmiClient,
} from '@reservoir/veem';

// Seed 001's test bed, run for real: a source and a target site, each with one host per
// hypervisor family, federated with each other; every cell is the seven-step test of one guest
// profile from a source family to a target family, with a real qemu-img conversion of its disk.

const SRC = 'lab-src';
const DST = 'lab-dst';
const TOKEN = 'interop-lab-federation-token';
const GIB = 1024;
// Hyper-V's hosts have another processor, as in seed 001's laboratory.
const CPU_MODELS: Partial<Record<HypervisorFamily, string>> = {
  hyperv: 'Intel(R) Xeon(R) CPU E5-2680 0 @ 2.70GHz',
};

interface LabSite {
  veem: RunningVeem;
  agent: Veeh;
  vmi: VmiClient;
}

export interface LabOptions {
  profiles: readonly GuestProfile[];
  families?: readonly HypervisorFamily[];
  /** Virtual size of each guest's disk. */
  diskMib?: number;
  log?: (line: string) => void;
}

async function startLabSite(
  name: string,
  index: number,
  families: readonly HypervisorFamily[],
  broker: string,
  dir: string,
  partners: PartnerAgreement[],
): Promise<LabSite> {
  const hosts = families.map((family) => ({
    id: `${name}-${family}`,
    family,
    cores: 64,
    memoryMib: 512 * GIB,
    diskMib: 1_000_000,
    labels: (CPU_MODELS[family] ? { 'cpu-model': CPU_MODELS[family] } : {}) as Record<string, string>,
  }));
  const agent = await createVeeh({ hosts, listen: '127.0.0.1:0' });
  const veem = await createVeem({
    site: name,
    database: `sqlite:${join(dir, `${name}.db`)}`,
    mqtt: broker,
    logger: silentLogger(),
    settings: {
      scheduler: {
        policy: 'packing',
        intervalMs: 50,
        maxDispatch: 64,
        maxCandidates: 0,
        policyEngine: '',
        policyEngineTimeoutMs: 2000,
      },
      monitor: { intervalMs: 200, failureTimeoutMs: 5000, callTimeoutMs: 1000 },
    },
    federation: {
      imageDir: join(dir, name, 'images'),
      partners,
      licences: ['windows-server', 'sql-server'],
      startTimeoutMs: 20_000,
      sourceOpTimeoutMs: 20_000,
    },
  });
  const vmi = vmiClient(veem.address);
  for (const h of hosts)
    await vmi.hosts.registerHost({
      name: h.id,
      agentEndpoint: agent.address!,
      agentHostId: h.id,
      labels: h.labels,
    });
  await vmi.networks.createNetwork({ name: 'public', cidr: `10.${80 + index}.0.0/22` });
  return { veem, agent, vmi };
}

/** A disk with some guest data, in `format`, made by qemu-img from raw bytes. */
function guestDisk(dir: string, format: string, mib: number): string {
  const raw = join(dir, `guest-${format}.raw`);
  const buf = Buffer.alloc(mib * 2 ** 20);
  for (let i = 0; i < buf.length; i += 4096) buf.write(`guest block ${i}`, i);
  writeFileSync(raw, buf);
  const out = join(dir, `guest.${format}`);
  execFileSync('qemu-img', [
    'convert',
    '-f',
    'raw',
    '-O',
    format,
    ...(format === 'vpc' ? ['-o', 'force_size=on'] : []),
    raw,
    out,
  ]);
  rmSync(raw);
  return out;
}

/** Runs the seven-step test for every profile × source × target family; answers the matrix. */
export async function runMatrixLab(o: LabOptions): Promise<InteropMatrix> {
  const families = o.families ?? HYPERVISOR_FAMILIES;
  const log = o.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'reservoir-interop-lab-'));
  const broker = await startEmbeddedBroker();
  const srcPartners: PartnerAgreement[] = [];
  const dstPartners: PartnerAgreement[] = [];
  const sites: LabSite[] = [];
  try {
    const src = await startLabSite(SRC, 0, families, broker.url, dir, srcPartners);
    sites.push(src);
    const dst = await startLabSite(DST, 1, families, broker.url, dir, dstPartners);
    sites.push(dst);
    const none = { vcpus: 0, memoryMib: 0, diskMib: 0 };
    srcPartners.push({ site: DST, endpoint: dst.veem.address, token: TOKEN, cap: none });
    dstPartners.push({ site: SRC, endpoint: src.veem.address, token: TOKEN, cap: none });
    const tests = new InteropTests(src.veem.federation);
    const net = (await src.vmi.networks.listNetworks({})).networks[0]!;
    const images = new Map<string, string>();
    const imageFor = async (format: string): Promise<string> => {
      const known = images.get(format);
      if (known) return known;
      const path = guestDisk(dir, format, o.diskMib ?? 8);
      const img = await src.vmi.images.registerImage({
        name: `guest-${format}`,
        format,
        sizeMib: 0,
        checksum: '',
        source: path,
      });
      images.set(format, img.id!);
      return img.id!;
    };
    const cells: MatrixCell[] = [];
    for (const p of o.profiles) {
      for (const s of families) {
        const format = sourceDiskFormat(familyProfile(s, 'sim'));
        let vmId = '';
        let refused = '';
        try {
          const r = await src.vmi.vms.createVm({
            name: `${p.id}-on-${s}`,
            resources: { vcpus: p.vcpus, memoryMib: p.memoryMib, diskMib: p.diskMib },
            imageId: await imageFor(format),
            networkIds: [net.id!],
            host: `${SRC}-${s}`,
            operationalRequirements: { ...p.requirements },
          });
          vmId = r.vm!.id!;
          for (let i = 0; i < 400; i++) {
            const vm = await src.vmi.vms.getVm({ id: vmId });
            if (vm.state === 'running') break;
            if (vm.state === 'failed' || (vm.state === 'pending' && vm.reason)) {
              refused = vm.reason || `the VM is ${vm.state}`;
              break;
            }
            await new Promise((res) => setTimeout(res, 50));
          }
        } catch (e) {
          refused = toReservoirError(e).message;
        }
        for (const t of families) {
          let cell: MatrixCell;
          if (refused) {
            const steps = completeSteps([
              stepResult('sanity-check-source', 'FAILURE', `the VM cannot run on ${s}: ${refused}`),
            ]);
            cell = { profile: p.id, source: s, target: t, level: null, ...summarizeCell(steps, []), steps };
          } else {
            const r = await tests.run({
              vmId,
              target: `${DST}/${DST}-${t}`,
              keep: false,
              checks: p.guestChecks,
            });
            cell = {
              profile: p.id,
              source: s,
              target: t,
              level: r.report.level,
              ...summarizeCell(r.steps, []),
              steps: r.steps,
            };
          }
          cells.push(cell);
          log(`${p.id}: ${s} → ${t}: ${cell.score}`);
        }
        if (vmId) await src.vmi.vms.actOnVm({ id: vmId, action: ACTION_TO_PB.delete }).catch(() => undefined);
      }
    }
    return {
      generatedAt: new Date().toISOString(),
      families: [...families],
      profiles: o.profiles.map((p) => ({ id: p.id, title: p.title })),
      cells,
    };
  } finally {
    for (const s of sites) {
      s.vmi.close();
      await s.veem.stop();
      await s.agent.stop();
    }
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
