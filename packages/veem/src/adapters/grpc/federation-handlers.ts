import type { FederationServiceDefinition, reservoir } from '@reservoir/contracts';
import { errors, taskToPb, visible, type CallContext, type Handlers } from '@reservoir/runtime';
import type { Federation } from '../../app/federation/federation.js';
import type { InteropTests } from '../../app/federation/interop-test.js';
import { transferResource } from './access.js';
import { descriptorFromPb, offerToPb, replyToPb, transferToPb } from './federation-mapping.js';
import { FEDERATION_SITE_HEADER, FEDERATION_TOKEN_HEADER } from './grpc-partner.js';

const MODES: Record<number, 'copy' | 'move'> = { 1: 'copy', 2: 'move' };

/** The federation service: partner-facing steps need an agreement's token; the rest serve people. */
export function federationHandlers(
  fed: Federation,
  tests: InteropTests,
): Handlers<typeof FederationServiceDefinition> {
  // The calling partner, authenticated by the token of its agreement.
  const partner = (ctx: CallContext): string => {
    const site = ctx.metadata[FEDERATION_SITE_HEADER] ?? '';
    fed.authenticate(site, ctx.metadata[FEDERATION_TOKEN_HEADER] ?? '');
    return site;
  };
  const transferId = (id: string | undefined | null): string => {
    if (!id) throw errors.invalid('transfer_id', 'required');
    return id;
  };
  return {
    getOffer: async (_req, ctx) => offerToPb(await fed.offer(partner(ctx))),
    configure: async (req, ctx) => {
      const fromSite = partner(ctx);
      return replyToPb(
        await fed.incoming.configure({
          transferId: transferId(req.transferId),
          vm: descriptorFromPb(req.vm),
          targetHost: req.targetHost ?? '',
          fromSite,
        }),
      );
    },
    reserve: async (req, ctx) => {
      const fromSite = partner(ctx);
      return replyToPb(
        await fed.incoming.reserve({
          transferId: transferId(req.transferId),
          vm: descriptorFromPb(req.vm),
          targetHost: req.targetHost ?? '',
          targetFormat: req.targetFormat ?? '',
          diskBytes: Number(req.diskBytes ?? 0),
          fromSite,
        }),
      );
    },
    writeDisk: async (req, ctx) => {
      partner(ctx);
      const written = await fed.incoming.writeDisk(
        transferId(req.transferId),
        Number(req.offset ?? 0),
        Buffer.from(req.data ?? new Uint8Array()),
      );
      return { writtenBytes: written };
    },
    initialize: async (req, ctx) => {
      partner(ctx);
      const diskless = !req.sha256 && !Number(req.totalBytes ?? 0);
      if (!diskless && !/^sha256:[0-9a-f]{64}$/.test(req.sha256 ?? ''))
        throw errors.invalid('sha256', `"${req.sha256 ?? ''}" must be sha256:<64 hex digits>`);
      return replyToPb(
        await fed.incoming.initialize({
          transferId: transferId(req.transferId),
          sha256: req.sha256 ?? '',
          totalBytes: Number(req.totalBytes ?? 0),
          format: req.format ?? '',
        }),
      );
    },
    start: async (req, ctx) => {
      partner(ctx);
      return replyToPb(await fed.incoming.start(transferId(req.transferId), req.timeoutMs ?? 0));
    },
    release: async (req, ctx) => {
      partner(ctx);
      return replyToPb(await fed.incoming.release(transferId(req.transferId)));
    },
    getIncoming: async (req, ctx) => {
      const fromSite = partner(ctx);
      const s = await fed.incoming.status(transferId(req.transferId));
      return { transferId: req.transferId, ...s, fromSite };
    },
    listPartners: async () => ({
      partners: (await fed.partners()).map((p) => ({
        site: p.site,
        endpoint: p.endpoint,
        reachable: !!p.offer,
        error: p.error,
        ...(p.offer ? { offer: offerToPb(p.offer) } : {}),
      })),
    }),
    checkInterop: async (req) => {
      const r = await fed.check({
        ...(req.vmId ? { vmId: req.vmId } : {}),
        ...(req.ovf ? { ovf: req.ovf } : {}),
        target: req.target ?? '',
      });
      return { ...r, differences: r.differences.map((d) => ({ ...d })) };
    },
    transferVm: async (req) => {
      const mode = MODES[req.mode ?? 0];
      if (!mode) throw errors.invalid('mode', 'must be COPY or MOVE');
      if (!req.vmId) throw errors.invalid('vm_id', 'required');
      const { transfer, task } = await fed.transfer({
        vmId: req.vmId,
        target: req.target ?? '',
        mode,
        ...(req.requestId ? { requestId: req.requestId } : {}),
      });
      return { transfer: transferToPb(transfer), task: taskToPb(task) };
    },
    getTransfer: async (req) => transferToPb(await fed.getTransfer(req.id ?? '')),
    listTransfers: async (req, ctx) => ({
      transfers: visible(
        ctx,
        'transfer.read',
        await fed.listTransfers(req.vmId || undefined),
        transferResource,
      ).map(transferToPb),
    }),
    runInteropTest: async (req) => {
      if (!req.vmId) throw errors.invalid('vm_id', 'required');
      const r = await tests.run({
        vmId: req.vmId,
        target: req.target ?? '',
        keep: !!req.keep,
        strictFacts: req.strictFacts ?? [],
      });
      return r as reservoir.veem.v1.IInteropTestResult;
    },
  };
}
