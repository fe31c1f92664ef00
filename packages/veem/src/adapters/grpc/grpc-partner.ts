import { FederationServiceDefinition } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import type { PartnerGateway } from '../../app/federation/ports.js';
import type { PartnerAgreement } from '../../app/federation/settings.js';
import type { SiteOffer, StepReply } from '../../app/federation/types.js';
import { descriptorToPb, offerFromPb, replyFromPb } from './federation-mapping.js';

export const FEDERATION_SITE_HEADER = 'x-reservoir-federation-site';
export const FEDERATION_TOKEN_HEADER = 'x-reservoir-federation-token';

/** A partner's federation service over gRPC, presenting this site's name and the agreement's token. */
export class GrpcPartner implements PartnerGateway {
  private readonly client: ClosableClient<typeof FederationServiceDefinition>;
  private readonly metadata: Record<string, string>;

  constructor(
    agreement: PartnerAgreement,
    ownSite: string,
    private readonly deadlineMs = 30_000,
  ) {
    this.site = agreement.site;
    this.client = createClient(FederationServiceDefinition, agreement.endpoint, { deadlineMs });
    this.metadata = { [FEDERATION_SITE_HEADER]: ownSite, [FEDERATION_TOKEN_HEADER]: agreement.token };
  }

  readonly site: string;

  private get opts() {
    return { metadata: this.metadata };
  }

  async offer(): Promise<SiteOffer> {
    return offerFromPb(await this.client.getOffer({}, this.opts));
  }

  async configure(req: Parameters<PartnerGateway['configure']>[0]): ReturnType<PartnerGateway['configure']> {
    return replyFromPb(await this.client.configure({ ...req, vm: descriptorToPb(req.vm) }, this.opts));
  }

  async reserve(req: Parameters<PartnerGateway['reserve']>[0]): Promise<StepReply> {
    return replyFromPb(await this.client.reserve({ ...req, vm: descriptorToPb(req.vm) }, this.opts));
  }

  async writeDisk(transferId: string, offset: number, data: Buffer): Promise<number> {
    const r = await this.client.writeDisk({ transferId, offset, data }, this.opts);
    return Number(r.writtenBytes ?? 0);
  }

  async initialize(req: Parameters<PartnerGateway['initialize']>[0]): Promise<StepReply> {
    return replyFromPb(await this.client.initialize(req, this.opts));
  }

  async start(transferId: string, timeoutMs: number): Promise<StepReply> {
    return replyFromPb(
      await this.client.start(
        { transferId, timeoutMs },
        { ...this.opts, deadlineMs: timeoutMs + this.deadlineMs },
      ),
    );
  }

  async release(transferId: string): Promise<StepReply> {
    return replyFromPb(
      await this.client.release({ transferId }, { ...this.opts, deadlineMs: 2 * this.deadlineMs + 60_000 }),
    );
  }

  async incoming(transferId: string) {
    const s = await this.client.getIncoming({ transferId }, this.opts);
    return {
      step: s.step ?? '',
      targetVmId: s.targetVmId ?? '',
      vmState: s.vmState ?? '',
      writtenBytes: Number(s.writtenBytes ?? 0),
    };
  }

  close(): void {
    this.client.close();
  }
}
