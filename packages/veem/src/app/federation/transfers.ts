import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { checkOvfConsistent, vmOvf } from './ovf-export.js';
import { errors, newId, toReservoirError, type ErrorCode, type Task } from '@reservoir/runtime';
import type { DiskFormat } from '../../domain/image.js';
import type { DiskTool, ImageFiles } from '../disk-tool.js';
import type { Veem } from '../veem.js';
import { describeVm } from './descriptor.js';
import type { FederationStore, PartnerGateway } from './ports.js';
import type { FederationSettings } from './settings.js';
import type { StepReply, Transfer, TransferLogEntry, TransferMode, TransferStepName } from './types.js';
import { waitForVm } from './wait-vm.js';

export interface TransferDeps {
  veem: Veem;
  store: FederationStore;
  settings: FederationSettings;
  files: ImageFiles;
  disks: DiskTool;
  partner: (site: string) => PartnerGateway;
}

/** Why a transfer ended without success: the task's error code and the process's own code. */
class TransferFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly grpc: ErrorCode = 'ABORTED',
  ) {
    super(message);
  }
}

const PROGRESS: Record<TransferStepName, number> = {
  configure: 5,
  reserve: 10,
  export: 20,
  initialize: 50,
  start: 80,
  'stop-source': 90,
  'delete-source': 95,
  done: 100,
};

const TRANSIENT = new Set<ErrorCode>(['UNAVAILABLE', 'DEADLINE_EXCEEDED']);

/**
 * The source's side of a copy or move (seed 000's message process). The transfer record holds the
 * step to run next, written before the step runs; every step is idempotent at both ends, so a
 * restart simply drives the record again from where it stands.
 */
export class TransferRunner {
  private readonly driving = new Map<string, Promise<Transfer>>();
  // The newest record of each transfer being driven: every save builds on it, never on a stale copy.
  private readonly latest = new Map<string, Transfer>();
  private readonly provisioning = new Map<string, Promise<Transfer>>();
  private stopped = false;

  constructor(private readonly d: TransferDeps) {}

  private get site(): string {
    return this.d.veem.ctx.settings.site;
  }

  async begin(req: {
    vmId: string;
    targetSite: string;
    targetHost: string;
    mode: TransferMode;
    requestId: string;
  }): Promise<{
    transfer: Transfer;
    task: Task;
  }> {
    if (req.requestId) {
      const seen = await this.d.store.transferByRequest(req.requestId);
      if (seen) return { transfer: seen, task: await this.d.veem.tasks.get(seen.taskId) };
    }
    const vm = await this.d.veem.vms.find(req.vmId);
    if (vm.op) throw errors.precondition(`VM ${vm.id} is busy with ${vm.op.kind}; wait for it`);
    if (vm.state !== 'running' && vm.state !== 'poweroff')
      throw errors.precondition(`VM ${vm.id} is ${vm.state}; a copy or move needs it running or powered off`);
    if (!vm.imageId) throw errors.precondition(`VM ${vm.id} has no disk image to transfer`);
    const image = this.d.veem.catalog.image(vm.imageId);
    if (!this.d.settings.imageDir)
      throw errors.precondition(`site ${this.site} has no image repository (federation.imageDir)`);
    if (!(await exists(this.d.files.pathOf(image.id, image.format))))
      throw errors.precondition(
        `image ${image.name} (${image.id}) has no content in the image repository; register it from a file`,
      );
    const active = await this.d.store.transfers({ vmId: vm.id, active: true });
    if (active.length)
      throw errors.precondition(`VM ${vm.id} is already being transferred (${active[0]!.id})`);
    this.d.partner(req.targetSite); // an unknown partner fails here, before anything is recorded
    const now = this.d.veem.ctx.now();
    const id = newId('xfer', now);
    const task = await this.d.veem.tasks.create({
      id: newId('task', now),
      operation: `vm.${req.mode}`,
      targetKind: 'vm',
      targetId: vm.id,
      organization: vm.organization,
      owner: vm.owner,
      site: this.site,
    });
    const transfer: Transfer = {
      id,
      vmId: vm.id,
      mode: req.mode,
      sourceSite: this.site,
      targetSite: req.targetSite,
      targetHost: req.targetHost,
      state: 'running',
      step: 'configure',
      targetVmId: '',
      sourceFormat: image.format,
      targetFormat: '',
      sha256: '',
      diskBytes: 0,
      level: 0,
      errorCode: '',
      errorMessage: '',
      log: [],
      taskId: task.id,
      requestId: req.requestId,
      organization: vm.organization,
      owner: vm.owner,
      sourceWasRunning: vm.state === 'running',
      differences: [],
      createdAtMs: now,
      version: 0,
    };
    await this.d.store.saveTransfer(transfer);
    void this.drive(transfer.id);
    return { transfer, task };
  }

  /**
   * Provisions a VM of this site on a partner (the partner seen as a large host): configure,
   * reserve, send its image and initialize there; starting is the host's own operation. Answers
   * the transfer once initialized, or throws why not. A repeated call finds the same transfer.
   */
  provision(vmId: string, site: string): Promise<Transfer> {
    // One provisioning per VM at a time: a retried host call joins the one under way.
    const running = this.provisioning.get(vmId);
    if (running) return running;
    const p = this.provisionOnce(vmId, site).finally(() => this.provisioning.delete(vmId));
    this.provisioning.set(vmId, p);
    return p;
  }

  private async provisionOnce(vmId: string, site: string): Promise<Transfer> {
    const seen = (await this.d.store.transfers({ vmId })).filter((t) => t.mode === 'provision').at(-1);
    if (seen && seen.state !== 'failed') {
      const t = seen.state === 'running' ? await this.drive(seen.id) : seen;
      if (t.state === 'succeeded') return t;
    }
    const vm = await this.d.veem.vms.find(vmId);
    // A VM without an image (a diskless or network-booted guest) is provisioned without a disk.
    const image = vm.imageId ? this.d.veem.catalog.image(vm.imageId) : undefined;
    if (image && !(await exists(this.d.files.pathOf(image.id, image.format))))
      throw errors.precondition(`image ${image.name} has no content in the image repository of ${this.site}`);
    const now = this.d.veem.ctx.now();
    const t: Transfer = {
      id: newId('xfer', now),
      vmId,
      mode: 'provision',
      sourceSite: this.site,
      targetSite: site,
      targetHost: '',
      state: 'running',
      step: 'configure',
      targetVmId: '',
      sourceFormat: image?.format ?? '',
      targetFormat: '',
      sha256: '',
      diskBytes: 0,
      level: 0,
      errorCode: '',
      errorMessage: '',
      log: [],
      taskId: '',
      requestId: '',
      organization: vm.organization,
      owner: vm.owner,
      sourceWasRunning: false,
      differences: [],
      createdAtMs: now,
      version: 0,
    };
    await this.d.store.saveTransfer(t);
    const end = await this.drive(t.id);
    if (end.state !== 'succeeded')
      throw errors.precondition(`${site} did not take VM ${vmId}: ${end.errorCode}: ${end.errorMessage}`);
    return end;
  }

  /** Drives a transfer to its end (one driver per transfer; a second call joins the first). */
  drive(id: string): Promise<Transfer> {
    const running = this.driving.get(id);
    if (running) return running;
    const p = this.run(id).finally(() => this.driving.delete(id));
    this.driving.set(id, p);
    return p;
  }

  /** Resumes every transfer that was under way when the VEEM stopped. */
  async resume(): Promise<number> {
    const active = await this.d.store.transfers({ active: true });
    for (const t of active) void this.drive(t.id);
    return active.length;
  }

  stop(): void {
    this.stopped = true;
  }

  private async save(
    t: Transfer,
    patch: Partial<Transfer>,
    entry?: Omit<TransferLogEntry, 'atMs'>,
  ): Promise<Transfer> {
    const base = this.latest.get(t.id) ?? t;
    const next: Transfer = {
      ...base,
      ...patch,
      log: entry ? [...base.log, { ...entry, atMs: this.d.veem.ctx.now() }] : base.log,
      version: base.version + 1,
    };
    await this.d.store.saveTransfer(next);
    if (next.state === 'running') this.latest.set(next.id, next);
    else this.latest.delete(next.id);
    return next;
  }

  private async run(id: string): Promise<Transfer> {
    let t = await this.d.store.transfer(id);
    if (!t) throw errors.notFound('transfer', id);
    const partner = this.d.partner(t.targetSite);
    while (t.state === 'running' && !this.stopped) {
      const step = t.step;
      const began = Date.now();
      if (t.taskId)
        await this.d.veem.tasks.progress(t.taskId, PROGRESS[step], `${step}`).catch(() => undefined);
      try {
        t = await this.runStep(t, partner);
      } catch (e) {
        const ms = Date.now() - began;
        const f =
          e instanceof TransferFailure
            ? e
            : new TransferFailure(
                `${step.toUpperCase().replace(/-/g, '_')}_FAILED`,
                toReservoirError(e).message,
                toReservoirError(e).code,
              );
        const last = this.latest.get(id)?.log.at(-1);
        const logged = last?.step === step && last.outcome === 'denied';
        t = await this.save(
          t,
          { state: 'failed', errorCode: f.code, errorMessage: f.message },
          logged ? undefined : { step, outcome: 'failed', code: f.code, message: f.message, ms },
        );
        if (t.taskId)
          await this.d.veem.tasks
            .fail(t.taskId, errors.aborted(`${f.code}: ${f.message}`))
            .catch(() => undefined);
        await this.removeExport(t);
        break;
      }
      if (t.step === 'done' && t.state === 'running') {
        t = await this.save(t, { state: 'succeeded' });
        if (t.taskId)
          await this.d.veem.tasks
            .succeed(t.taskId, `${t.mode} of ${t.vmId} to ${t.targetSite}: ${t.targetVmId} runs there`)
            .catch(() => undefined);
        await this.removeExport(t);
      }
    }
    return t;
  }

  /** A partner call retried while the partner is unreachable, up to the configured time. */
  private async call<T>(t: Transfer, step: string, fn: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.d.settings.partnerRetryMs;
    let delay = 200;
    for (;;) {
      try {
        return await fn();
      } catch (e) {
        const err = toReservoirError(e);
        if (!TRANSIENT.has(err.code) || Date.now() + delay > deadline || this.stopped) {
          throw new TransferFailure(
            TRANSIENT.has(err.code)
              ? 'PARTNER_UNAVAILABLE'
              : `${step.toUpperCase().replace(/-/g, '_')}_FAILED`,
            `${t.targetSite} during ${step}: ${err.message}`,
            err.code,
          );
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private async denied(t: Transfer, step: TransferStepName, reply: StepReply, ms: number): Promise<never> {
    await this.save(t, {}, { step, outcome: 'denied', code: reply.code, message: reply.message, ms });
    throw new TransferFailure(reply.code || 'DENIED', `${t.targetSite} denied ${step}: ${reply.message}`);
  }

  /** Gives back what the target holds; the source is left as it was. */
  private async undoTarget(t: Transfer, partner: PartnerGateway): Promise<void> {
    try {
      const r = await this.call(t, 'release', () => partner.release(t.id));
      await this.save(
        t,
        {},
        {
          step: 'release',
          outcome: r.confirmed ? 'done' : 'denied',
          code: r.code,
          message: r.message,
          ms: 0,
        },
      );
    } catch (e) {
      this.d.veem.ctx.logger.warn(
        { transfer: t.id, err: toReservoirError(e).message },
        'target release failed',
      );
    }
  }

  private async runStep(t: Transfer, partner: PartnerGateway): Promise<Transfer> {
    const began = Date.now();
    const ms = () => Date.now() - began;
    const vm = this.d.veem.ctx.inv.vms.get(t.vmId);
    switch (t.step) {
      case 'configure': {
        if (!vm) throw new TransferFailure('SOURCE_GONE', `VM ${t.vmId} no longer exists here`);
        const desc = describeVm(this.d.veem.ctx, vm, this.d.settings.country);
        const r = await this.call(t, 'configure', () =>
          partner.configure({ transferId: t.id, vm: desc, targetHost: t.targetHost, fromSite: this.site }),
        );
        if (!r.confirmed) return this.denied(t, 'configure', r, ms());
        const differences = (r.differences ?? []).map(({ code, severity, field, message }) => ({
          code,
          severity,
          field,
          message,
        }));
        return this.save(
          t,
          { step: 'reserve', targetHost: r.targetHost, targetFormat: r.targetFormat, differences },
          {
            step: 'configure',
            outcome: 'confirmed',
            code: '',
            message: r.message,
            ms: ms(),
          },
        );
      }
      case 'reserve': {
        if (!vm) throw new TransferFailure('SOURCE_GONE', `VM ${t.vmId} no longer exists here`);
        const desc = describeVm(this.d.veem.ctx, vm, this.d.settings.country);
        const r = await this.call(t, 'reserve', () =>
          partner.reserve({
            transferId: t.id,
            vm: desc,
            targetHost: t.targetHost,
            targetFormat: t.targetFormat,
            diskBytes: 0,
            fromSite: this.site,
          }),
        );
        if (!r.confirmed) {
          await this.undoTarget(t, partner);
          return this.denied(t, 'reserve', r, ms());
        }
        return this.save(
          t,
          { step: 'export', targetVmId: r.targetVmId },
          {
            step: 'reserve',
            outcome: 'confirmed',
            code: '',
            message: r.message,
            ms: ms(),
          },
        );
      }
      case 'export': {
        if (t.mode === 'provision' && !vm?.imageId)
          return this.save(
            t,
            { step: 'initialize' },
            { step: 'export', outcome: 'done', code: '', message: 'no disk', ms: ms() },
          );
        try {
          const { bytes, sha256 } = await this.exportDisk(t);
          return this.save(
            t,
            { step: 'initialize', sha256, diskBytes: bytes },
            {
              step: 'export',
              outcome: 'done',
              code: '',
              message: `${t.sourceFormat} → ${t.targetFormat}, ${bytes} bytes, ${sha256.slice(0, 19)}…; qemu-img compare and check passed; OVF descriptor written and read back`,
              ms: ms(),
            },
          );
        } catch (e) {
          await this.undoTarget(t, partner);
          throw new TransferFailure('EXPORT_FAILED', toReservoirError(e).message, toReservoirError(e).code);
        }
      }
      case 'initialize': {
        try {
          if (t.sha256) await this.sendDisk(t, partner);
        } catch (e) {
          await this.undoTarget(t, partner);
          throw e;
        }
        const r = await this.call(t, 'initialize', () =>
          partner.initialize({
            transferId: t.id,
            sha256: t.sha256,
            totalBytes: t.diskBytes,
            format: t.targetFormat,
          }),
        );
        if (!r.confirmed) {
          await this.undoTarget(t, partner);
          return this.denied(t, 'initialize', r, ms());
        }
        return this.save(
          t,
          { step: t.mode === 'provision' ? 'done' : 'start' },
          { step: 'initialize', outcome: 'confirmed', code: '', message: r.message, ms: ms() },
        );
      }
      case 'start': {
        const r = await this.call(t, 'start', () => partner.start(t.id, this.d.settings.startTimeoutMs));
        if (!r.confirmed) {
          // Failure conditions 1 and 2: the target never runs; the source was not touched.
          await this.undoTarget(t, partner);
          return this.denied(t, 'start', r, ms());
        }
        return this.save(
          t,
          { step: t.mode === 'move' ? 'stop-source' : 'done', ...(r.guest ? { targetGuest: r.guest } : {}) },
          {
            step: 'start',
            outcome: 'confirmed',
            code: '',
            message: r.message,
            ms: ms(),
          },
        );
      }
      case 'stop-source': {
        if (vm && vm.state !== 'poweroff') {
          const stopped = await this.stopSource(t.vmId);
          if (stopped !== true) {
            // Failure condition 3: the source keeps running, so the target is not put in service.
            await this.undoTarget(t, partner);
            await this.save(
              t,
              {},
              {
                step: 'stop-source',
                outcome: 'denied',
                code: 'SOURCE_STOP_FAILED',
                message: stopped,
                ms: ms(),
              },
            );
            throw new TransferFailure(
              'SOURCE_STOP_FAILED',
              `the source VM ${t.vmId} could not be stopped (${stopped}); the target VM was taken out of service`,
              'FAILED_PRECONDITION',
            );
          }
        }
        return this.save(
          t,
          { step: 'delete-source' },
          { step: 'stop-source', outcome: 'confirmed', code: '', message: 'source powered off', ms: ms() },
        );
      }
      case 'delete-source': {
        if (vm) {
          const settled = await waitForVm(
            this.d.veem,
            vm.id,
            (v) => !v.op,
            this.d.settings.sourceOpTimeoutMs,
          );
          if (settled) await this.d.veem.vms.act(vm.id, 'delete');
          const left = await waitForVm(this.d.veem, vm.id, () => false, this.d.settings.sourceOpTimeoutMs);
          if (left)
            throw new TransferFailure(
              'SOURCE_DELETE_FAILED',
              `the source VM ${vm.id} is ${left.state} and powered off, but could not be deleted; the target runs`,
              'FAILED_PRECONDITION',
            );
        }
        return this.save(
          t,
          { step: 'done' },
          { step: 'delete-source', outcome: 'confirmed', code: '', message: 'source deleted', ms: ms() },
        );
      }
      case 'done':
        return t;
    }
  }

  /** Shuts the source down and waits; answers true, or why it did not stop. */
  private async stopSource(vmId: string): Promise<true | string> {
    const timeout = this.d.settings.sourceOpTimeoutMs;
    const idle = await waitForVm(this.d.veem, vmId, (v) => !v.op, timeout);
    if (!idle) return 'it is gone';
    if (idle.state === 'poweroff') return true;
    try {
      await this.d.veem.vms.act(vmId, 'stop');
    } catch (e) {
      return toReservoirError(e).message;
    }
    const end = await waitForVm(this.d.veem, vmId, (v) => !v.op, timeout);
    if (end?.state === 'poweroff') return true;
    return end ? `it is ${end.state}${end.reason ? `: ${end.reason}` : ''}` : 'it vanished';
  }

  private exportPath(t: Transfer): string {
    return join(this.d.settings.imageDir, 'exports', `${t.id}.${t.targetFormat}`);
  }

  /** The VM's disk in the target's format, converted by qemu-img and compared with its source. */
  private async exportDisk(t: Transfer): Promise<{ bytes: number; sha256: string }> {
    const vm = this.d.veem.ctx.inv.vms.get(t.vmId);
    if (!vm) throw new TransferFailure('SOURCE_GONE', `VM ${t.vmId} no longer exists here`);
    const image = this.d.veem.catalog.image(vm.imageId);
    const src = { path: this.d.files.pathOf(image.id, image.format), format: image.format };
    let path = src.path;
    await mkdir(join(this.d.settings.imageDir, 'exports'), { recursive: true });
    if (t.targetFormat !== image.format) {
      const dst = { path: this.exportPath(t), format: t.targetFormat as DiskFormat };
      await this.d.disks.convert(src, dst);
      const same = await this.d.disks.compare(src, dst);
      if (!same.identical)
        throw new TransferFailure(
          'CONVERSION_MISMATCH',
          `${image.format} → ${t.targetFormat}: ${same.detail}`,
        );
      path = dst.path;
    }
    const check = await this.d.disks.check({ path, format: t.targetFormat as DiskFormat });
    if (!check.ok) throw new TransferFailure('DISK_INCONSISTENT', `${path}: ${check.detail}`);
    const bytes = (await stat(path)).size;
    const info = await this.d.disks.info({ path, format: t.targetFormat as DiskFormat });
    // The OVF package of the export: the descriptor beside the converted disk, read back to be sure.
    const desc = describeVm(this.d.veem.ctx, vm, this.d.settings.country);
    const ovf = vmOvf(desc, basename(path), t.targetFormat, bytes, info.virtualSizeBytes);
    checkOvfConsistent(ovf, desc);
    await writeFile(join(this.d.settings.imageDir, 'exports', `${t.id}.ovf`), ovf);
    return { bytes, sha256: await this.d.files.sha256(path) };
  }

  private diskPath(t: Transfer): string {
    const vm = this.d.veem.ctx.inv.vms.get(t.vmId);
    const image = vm ? this.d.veem.ctx.inv.images.get(vm.imageId) : undefined;
    if (!image) throw new TransferFailure('SOURCE_GONE', `the disk of VM ${t.vmId} is gone`);
    return t.targetFormat === image.format ? this.d.files.pathOf(image.id, image.format) : this.exportPath(t);
  }

  /** Sends the disk from where the target's copy ends, so a resumed transfer sends only the rest. */
  private async sendDisk(t: Transfer, partner: PartnerGateway): Promise<void> {
    const path = this.diskPath(t);
    if (!(await exists(path))) throw new TransferFailure('EXPORT_LOST', `${path} is gone; export again`);
    const status = await this.call(t, 'initialize', () => partner.incoming(t.id));
    if (status.step !== 'reserved') return; // already initialized there
    let offset = Math.min(status.writtenBytes, t.diskBytes);
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(this.d.settings.chunkBytes);
      while (offset < t.diskBytes) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        if (bytesRead === 0) break;
        const chunk = Buffer.from(buf.subarray(0, bytesRead));
        const at = offset;
        offset = await this.call(t, 'initialize', () => partner.writeDisk(t.id, at, chunk));
        const pct = 20 + Math.floor((30 * offset) / Math.max(1, t.diskBytes));
        if (t.taskId)
          void this.d.veem.tasks
            .progress(t.taskId, pct, `initialize: ${offset} of ${t.diskBytes} bytes`)
            .catch(() => undefined);
      }
    } finally {
      await fh.close();
    }
  }

  private async removeExport(t: Transfer): Promise<void> {
    if (!t.targetFormat) return;
    await rm(this.exportPath(t), { force: true });
    await rm(join(this.d.settings.imageDir, 'exports', `${t.id}.ovf`), { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
