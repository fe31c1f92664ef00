import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { errors, toReservoirError } from '@reservoir/runtime';
import { DISK_FORMATS, type DiskFormat } from '../../domain/image.js';
import type { Vm } from '../../domain/vm.js';
import type { DiskTool, ImageFiles } from '../disk-tool.js';
import type { Veem } from '../veem.js';
import { checkAgainstOffer } from './interop-input.js';
import { siteOffer } from './offer.js';
import type { DifferenceLike, FederationStore } from './ports.js';
import type { FederationSettings } from './settings.js';
import type { Incoming, StepReply, VmDescriptor } from './types.js';
import { waitForVm } from './wait-vm.js';
import { guestView } from './guest.js';

/** The label on a VM run for a partner: "<site>/<its VM id there>". */
export const FEDERATED_FROM = 'reservoir.federation.from';

const EMPTY: StepReply = {
  confirmed: true,
  code: '',
  message: '',
  targetVmId: '',
  targetHost: '',
  targetFormat: '',
  targetImageId: '',
  state: '',
};

function deny(code: string, message: string, extra: Partial<StepReply> = {}): StepReply {
  return { ...EMPTY, ...extra, confirmed: false, code, message };
}

function confirm(message: string, i: Incoming, state = ''): StepReply {
  return {
    ...EMPTY,
    message,
    targetVmId: i.targetVmId,
    targetHost: i.targetHost,
    targetFormat: i.targetFormat,
    targetImageId: i.targetImageId,
    state,
  };
}

export interface IncomingDeps {
  veem: Veem;
  store: FederationStore;
  settings: FederationSettings;
  files: ImageFiles;
  disks: DiskTool;
}

/**
 * The target's side of the message process. Every step is keyed by the transfer id and answers
 * the same when repeated, so a source that lost an answer (or restarted) simply asks again.
 */
export class IncomingTransfers {
  // One step at a time per transfer: a retried call waits for the first instead of racing it.
  private readonly locks = new Map<string, Promise<unknown>>();
  // The partial disk of each transfer being received stays open between chunks.
  private readonly parts = new Map<string, { fh: FileHandle; size: number }>();

  constructor(private readonly d: IncomingDeps) {}

  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(id) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    this.locks.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  private get site(): string {
    return this.d.veem.ctx.settings.site;
  }

  private partPath(transferId: string): string {
    return join(this.d.settings.imageDir, 'incoming', `${transferId}.part`);
  }

  private async get(transferId: string): Promise<Incoming> {
    const i = await this.d.store.incoming(transferId);
    if (!i) throw errors.notFound('transfer', transferId);
    return i;
  }

  async configure(req: {
    transferId: string;
    vm: VmDescriptor;
    targetHost: string;
    fromSite: string;
  }): Promise<StepReply & { differences: DifferenceLike[] }> {
    checkTransferId(req.transferId);
    return this.serial(req.transferId, async () => {
      const seen = await this.d.store.incoming(req.transferId);
      if (seen && seen.step !== 'configured')
        return { ...confirm(`already ${seen.step}`, seen), differences: [] };
      const offer = siteOffer(this.d.veem.ctx, this.d.settings, req.fromSite, await this.d.store.incomings());
      const report = checkAgainstOffer(req.vm, undefined, offer, req.targetHost);
      if (!report.interoperable) {
        const blocking = report.differences.filter((x) => x.severity === 'blocking');
        return {
          ...deny(
            blocking.some((x) => x.code === 'RESERVATION_IMPOSSIBLE') && blocking.length === 1
              ? 'RESERVATION_IMPOSSIBLE'
              : 'INTEROP_BLOCKED',
            blocking.map((x) => x.message).join('; '),
          ),
          differences: report.differences,
        };
      }
      const capped = overCap(offer.agreementCap, offer.agreementUsed, req.vm);
      if (capped) return { ...deny('AGREEMENT_CAP', capped), differences: report.differences };
      const incoming: Incoming = {
        transferId: req.transferId,
        fromSite: req.fromSite,
        step: 'configured',
        vm: req.vm,
        targetHost: report.targetHost,
        targetFormat: report.targetFormat,
        targetVmId: '',
        targetImageId: '',
        diskBytes: 0,
        sha256: '',
        createdAtMs: this.d.veem.ctx.now(),
      };
      await this.d.store.saveIncoming(incoming);
      return {
        ...confirm(
          `level ${report.level ?? '-'} to ${report.targetHost} as ${report.targetFormat}`,
          incoming,
        ),
        differences: report.differences,
      };
    });
  }

  async reserve(req: {
    transferId: string;
    vm: VmDescriptor;
    targetHost: string;
    targetFormat: string;
    diskBytes: number;
    fromSite: string;
  }): Promise<StepReply> {
    return this.serial(req.transferId, async () => {
      const i = await this.d.store.incoming(req.transferId);
      if (!i) return deny('NOT_CONFIGURED', `transfer ${req.transferId} was not configured here`);
      if (i.step === 'released') return deny('RELEASED', `transfer ${req.transferId} was released`);
      if (i.step !== 'configured') return confirm(`already ${i.step}`, i);
      const host = req.targetHost || i.targetHost;
      const format = req.targetFormat || i.targetFormat;
      if (format !== '' && !(DISK_FORMATS as readonly string[]).includes(format))
        return deny('FORMAT_UNSUPPORTED', `disk format ${format} is not one of ${DISK_FORMATS.join(', ')}`);
      const view = this.d.veem.ctx.inv.hostViews().find((v) => v.host.id === host);
      if (!view) return deny('RESERVATION_IMPOSSIBLE', `host ${host} is not a host of ${this.site}`);
      const lim = view.limit ?? view.host.capacity;
      const need = req.vm.resources;
      const free = {
        vcpus: lim.vcpus - view.used.vcpus,
        memoryMib: lim.memoryMib - view.used.memoryMib,
        diskMib: lim.diskMib - view.used.diskMib,
      };
      if (need.vcpus > free.vcpus || need.memoryMib > free.memoryMib || need.diskMib > free.diskMib) {
        return deny(
          'RESERVATION_IMPOSSIBLE',
          `${view.host.name} has ${free.vcpus} vCPUs, ${free.memoryMib} MiB, ${free.diskMib} MiB disk free; the VM needs ${need.vcpus}, ${need.memoryMib}, ${need.diskMib}`,
        );
      }
      let vm: Vm;
      try {
        const created = await this.d.veem.vms.create({
          name: req.vm.name,
          resources: { ...need },
          networkIds: this.networksFor(req.vm),
          labels: { ...req.vm.labels, [FEDERATED_FROM]: `${i.fromSite}/${req.vm.id}` },
          hold: true,
          host,
          requestId: `fed:${req.transferId}`,
          ...(req.vm.organization ? { organization: req.vm.organization } : {}),
          ...(req.vm.owner ? { owner: req.vm.owner } : {}),
          context: req.vm.context,
        });
        vm = created.vm;
        if (vm.reservedHost !== host)
          vm = await this.d.veem.writer.update(vm, {
            reservedHost: host,
            reason: `reserved for ${i.fromSite}`,
          });
      } catch (e) {
        const err = toReservoirError(e);
        return deny('RESERVATION_IMPOSSIBLE', err.message);
      }
      const next: Incoming = {
        ...i,
        step: 'reserved',
        targetHost: host,
        targetFormat: format,
        targetVmId: vm.id,
        diskBytes: req.diskBytes,
      };
      await this.d.store.saveIncoming(next);
      await mkdir(join(this.d.settings.imageDir, 'incoming'), { recursive: true });
      return confirm(`${need.vcpus} vCPUs, ${need.memoryMib} MiB reserved on ${view.host.name}`, next);
    });
  }

  /** The target network of each NIC: one with the same address range, else one of the same name. */
  private networksFor(vm: VmDescriptor): string[] {
    const nets = this.d.veem.ctx.inv.networks();
    return vm.nics.flatMap((nic) => {
      const same =
        nets.find((n) => nic.cidr && n.cidr === nic.cidr) ??
        nets.find((n) => nic.networkName && n.name === nic.networkName) ??
        nets.find((n) => n.name === 'public') ??
        nets[0];
      return same ? [same.id] : [];
    });
  }

  /** Writes a chunk at its offset; a chunk before the end rewinds the partial file (a resend). */
  async writeDisk(transferId: string, offset: number, data: Buffer): Promise<number> {
    return this.serial(transferId, async () => {
      let part = this.parts.get(transferId);
      if (!part) {
        const i = await this.get(transferId);
        if (i.step !== 'reserved')
          throw errors.precondition(
            `transfer ${transferId} is ${i.step}; disk data goes only to a reservation`,
          );
        const path = this.partPath(transferId);
        await (await open(path, 'a')).close();
        const fh = await open(path, 'r+');
        part = { fh, size: (await fh.stat()).size };
        this.parts.set(transferId, part);
      }
      if (offset > part.size)
        throw errors.precondition(
          `chunk at ${offset} leaves a gap: the target holds ${part.size} bytes of transfer ${transferId}`,
        );
      if (offset < part.size) await part.fh.truncate(offset);
      await part.fh.write(data, 0, data.length, offset);
      part.size = offset + data.length;
      return part.size;
    });
  }

  /** Closes every partial file (the VEEM stops; a restarted one reopens them). */
  async close(): Promise<void> {
    for (const id of [...this.parts.keys()]) await this.closePart(id).catch(() => undefined);
  }

  /** Closes the partial file of a transfer (before it is verified, moved or removed). */
  private async closePart(transferId: string): Promise<void> {
    const part = this.parts.get(transferId);
    if (!part) return;
    this.parts.delete(transferId);
    await part.fh.sync();
    await part.fh.close();
  }

  /** Verifies the whole disk (size, digest, format) and defines the reserved VM on it. */
  async initialize(req: {
    transferId: string;
    sha256: string;
    totalBytes: number;
    format: string;
  }): Promise<StepReply> {
    return this.serial(req.transferId, async () => {
      const i = await this.d.store.incoming(req.transferId);
      if (!i) return deny('NOT_CONFIGURED', `transfer ${req.transferId} is unknown here`);
      if (i.step === 'initialized' || i.step === 'started') return confirm(`already ${i.step}`, i);
      if (i.step !== 'reserved') return deny('NOT_RESERVED', `transfer ${req.transferId} is ${i.step}`);
      if (!req.sha256 && req.totalBytes === 0) {
        // A guest without a disk: the reservation is defined as it is.
        const next: Incoming = { ...i, step: 'initialized' };
        await this.d.store.saveIncoming(next);
        return confirm('no disk to verify', next);
      }
      const format = (req.format || i.targetFormat) as DiskFormat;
      await this.closePart(req.transferId);
      const part = this.partPath(req.transferId);
      let imageId = i.targetImageId;
      if (!imageId) {
        const size = await stat(part).then(
          (s) => s.size,
          () => -1,
        );
        if (size !== req.totalBytes)
          return deny('SIZE_MISMATCH', `the target holds ${Math.max(0, size)} of ${req.totalBytes} bytes`);
        const digest = await this.d.files.sha256(part);
        if (digest !== req.sha256) {
          // The data is wrong, not merely short: drop it so the source resends from zero.
          await rm(part, { force: true });
          return deny('DIGEST_MISMATCH', `received disk has ${digest}, the source sent ${req.sha256}`);
        }
        try {
          await this.d.disks.check({ path: part, format }).then((c) => {
            if (!c.ok) throw errors.invalid('disk', c.detail);
          });
          const info = await this.d.disks.info({ path: part, format });
          const image = await this.d.veem.catalog.registerImage({
            name: `${i.vm.name}-${req.transferId}`,
            format,
            sizeMib: Math.max(1, Math.ceil(info.virtualSizeBytes / 2 ** 20)),
            checksum: digest,
            source: `federation:${i.fromSite}/${i.vm.id}`,
            ...(i.vm.organization ? { organization: i.vm.organization } : {}),
            ...(i.vm.owner ? { owner: i.vm.owner } : {}),
          });
          imageId = image.id;
        } catch (e) {
          return deny('DISK_INVALID', toReservoirError(e).message);
        }
        await this.d.store.saveIncoming({
          ...i,
          targetImageId: imageId,
          sha256: digest,
          diskBytes: req.totalBytes,
        });
      }
      const final = this.d.files.pathOf(imageId, format);
      if (await exists(part)) await rename(part, final);
      const vm = this.d.veem.ctx.inv.vms.get(i.targetVmId);
      if (!vm || vm.state !== 'hold')
        return deny('RESERVATION_LOST', `VM ${i.targetVmId} is no longer held here`);
      const image = this.d.veem.catalog.image(imageId);
      await this.d.veem.writer.update(vm, {
        imageId,
        diskFormat: image.format,
        resources: { ...vm.resources, diskMib: Math.max(vm.resources.diskMib, image.sizeMib) },
      });
      const next: Incoming = { ...i, step: 'initialized', targetImageId: imageId, sha256: req.sha256 };
      await this.d.store.saveIncoming(next);
      return confirm(`disk verified (${req.sha256.slice(0, 19)}…) and defined as image ${imageId}`, next);
    });
  }

  /** Releases the held VM to its reserved host and waits until it runs or fails. */
  async start(transferId: string, timeoutMs: number): Promise<StepReply> {
    return this.serial(transferId, async () => {
      const i = await this.d.store.incoming(transferId);
      if (!i) return deny('NOT_CONFIGURED', `transfer ${transferId} is unknown here`);
      if (i.step !== 'initialized' && i.step !== 'started')
        return deny('NOT_INITIALIZED', `transfer ${transferId} is ${i.step}`);
      const vm = this.d.veem.ctx.inv.vms.get(i.targetVmId);
      if (!vm) return deny('START_FAILED', `VM ${i.targetVmId} is gone`);
      if (vm.state === 'hold') await this.d.veem.vms.act(vm.id, 'release');
      if (i.step !== 'started') await this.d.store.saveIncoming({ ...i, step: 'started' });
      const end = await waitForVm(
        this.d.veem,
        vm.id,
        (v) => v.state === 'running' || v.state === 'failed' || v.state === 'done' || v.state === 'poweroff',
        timeoutMs || this.d.settings.startTimeoutMs,
      );
      if (end?.state === 'running')
        return {
          ...confirm(`running on ${end.host}`, { ...i, step: 'started' }, 'running'),
          guest: guestView(this.d.veem.ctx, end),
        };
      return deny(
        'START_FAILED',
        end
          ? `VM ${vm.id} is ${end.state}${end.reason ? `: ${end.reason}` : ''}`
          : `VM ${vm.id} did not run within ${timeoutMs || this.d.settings.startTimeoutMs} ms`,
        { targetVmId: vm.id, state: end?.state ?? '' },
      );
    });
  }

  /** Undoes whatever the transfer holds here: the VM, its image and any partial disk. */
  async release(transferId: string): Promise<StepReply> {
    return this.serial(transferId, async () => {
      const i = await this.d.store.incoming(transferId);
      if (!i) return { ...EMPTY, message: 'nothing held' };
      if (i.step === 'released') return confirm('already released', i);
      const vm = i.targetVmId ? this.d.veem.ctx.inv.vms.get(i.targetVmId) : undefined;
      if (vm) {
        const { startTimeoutMs } = this.d.settings;
        const settled = await waitForVm(this.d.veem, vm.id, (v) => !v.op, startTimeoutMs);
        if (settled) await this.d.veem.vms.act(vm.id, 'delete');
        // Deleted VMs leave the inventory: waiting answers undefined once it is gone.
        const left = await waitForVm(this.d.veem, vm.id, () => false, startTimeoutMs);
        if (left) return deny('RELEASE_FAILED', `VM ${vm.id} is ${left.state}; it could not be deleted`);
      }
      if (i.targetImageId) {
        const image = this.d.veem.ctx.inv.images.get(i.targetImageId);
        if (image) {
          await this.d.veem.catalog.deleteImage(image.id);
          await this.d.files.remove(image.id, image.format);
        }
      }
      await this.closePart(transferId);
      await rm(this.partPath(transferId), { force: true });
      const next: Incoming = { ...i, step: 'released' };
      await this.d.store.saveIncoming(next);
      return confirm('released', next);
    });
  }

  async status(
    transferId: string,
  ): Promise<{ step: string; targetVmId: string; vmState: string; writtenBytes: number }> {
    const i = await this.get(transferId);
    const size = await stat(this.partPath(transferId)).then(
      (s) => s.size,
      () => 0,
    );
    return {
      step: i.step,
      targetVmId: i.targetVmId,
      vmState: this.d.veem.ctx.inv.vms.get(i.targetVmId)?.state ?? '',
      writtenBytes: i.step === 'reserved' ? size : i.diskBytes,
    };
  }
}

function checkTransferId(id: string): void {
  if (!/^[A-Za-z0-9._-]{1,80}$/.test(id))
    throw errors.invalid('transfer_id', `"${id}" must be 1-80 characters of letters, digits, . _ -`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function overCap(
  cap: { vcpus: number; memoryMib: number; diskMib: number },
  used: { vcpus: number; memoryMib: number; diskMib: number },
  vm: VmDescriptor,
): string {
  const r = vm.resources;
  if (cap.vcpus && used.vcpus + r.vcpus > cap.vcpus)
    return `the agreement caps vCPUs at ${cap.vcpus}; ${used.vcpus} held, ${r.vcpus} asked`;
  if (cap.memoryMib && used.memoryMib + r.memoryMib > cap.memoryMib)
    return `the agreement caps memory at ${cap.memoryMib} MiB; ${used.memoryMib} held, ${r.memoryMib} asked`;
  if (cap.diskMib && used.diskMib + r.diskMib > cap.diskMib)
    return `the agreement caps disk at ${cap.diskMib} MiB; ${used.diskMib} held, ${r.diskMib} asked`;
  return '';
}
