import { FederationServiceDefinition } from '@reservoir/contracts';
import { createClient, type ClosableClient } from '@reservoir/runtime';
import type { PartnerGateway } from '../../app/federation/ports.js';
import type { PartnerAgreement } from '../../app/federation/settings.js';
import type { SiteOffer, StepReply } from '../../app/federation/types.js';
import { descriptorToPb, offerFromPb, replyFromPb } from './federation-mapping.js';

export const FEDERATION_SITE_HEADER = 'x-reservoir-federation-site';
export const FEDERATION_TOKEN_HEADER = 'x-reservoir-federation-token';

/** An agreement as configured: peerAuth presents this site's peer token to a partner on another platform. */
export type ConfiguredPartner = PartnerAgreement & { peerAuth?: boolean };

/** What issues this site's federation peer tokens (Identities of its security store). */
export interface PeerTokenIssuer {
  issuePeerToken(localSite: string): Promise<{ token: { reveal(): string }; expiresAt: number }>;
}

/**
 * This site's peer token, issued once and reused until less than a quarter of its lifetime is
 * left, so partners see one credential (and cache its authentication) rather than one per call.
 */
export class PeerTokenSource {
  private current: { bearer: string; issuedAt: number; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly issuer: PeerTokenIssuer,
    private readonly localSite: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async authorization(): Promise<string> {
    const c = this.current;
    if (c && c.expiresAt - this.clock() > (c.expiresAt - c.issuedAt) / 4) return c.bearer;
    // Concurrent calls share one issuance; a failed one is not remembered.
    this.pending ??= this.issue().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async issue(): Promise<string> {
    const issuedAt = this.clock();
    const issued = await this.issuer.issuePeerToken(this.localSite);
    const bearer = `Bearer ${issued.token.reveal()}`;
    this.current = { bearer, issuedAt, expiresAt: issued.expiresAt };
    return bearer;
  }
}

/**
 * A partner's federation service over gRPC, presenting this site's name and the agreement's token;
 * with a peer token source, also this site's peer token in place of the process credential.
 */
export class GrpcPartner implements PartnerGateway {
  private readonly client: ClosableClient<typeof FederationServiceDefinition>;
  private readonly metadata: Record<string, string>;

  constructor(
    agreement: PartnerAgreement,
    ownSite: string,
    private readonly deadlineMs = 30_000,
    private readonly peerToken?: PeerTokenSource,
  ) {
    this.site = agreement.site;
    this.client = createClient(FederationServiceDefinition, agreement.endpoint, { deadlineMs });
    this.metadata = { [FEDERATION_SITE_HEADER]: ownSite, [FEDERATION_TOKEN_HEADER]: agreement.token };
  }

  readonly site: string;

  private async opts(): Promise<{ metadata: Record<string, string> }> {
    if (!this.peerToken) return { metadata: this.metadata };
    return { metadata: { ...this.metadata, authorization: await this.peerToken.authorization() } };
  }

  async offer(): Promise<SiteOffer> {
    return offerFromPb(await this.client.getOffer({}, await this.opts()));
  }

  async configure(req: Parameters<PartnerGateway['configure']>[0]): ReturnType<PartnerGateway['configure']> {
    return replyFromPb(
      await this.client.configure({ ...req, vm: descriptorToPb(req.vm) }, await this.opts()),
    );
  }

  async reserve(req: Parameters<PartnerGateway['reserve']>[0]): Promise<StepReply> {
    return replyFromPb(await this.client.reserve({ ...req, vm: descriptorToPb(req.vm) }, await this.opts()));
  }

  async writeDisk(transferId: string, offset: number, data: Buffer): Promise<number> {
    const r = await this.client.writeDisk({ transferId, offset, data }, await this.opts());
    return Number(r.writtenBytes ?? 0);
  }

  async initialize(req: Parameters<PartnerGateway['initialize']>[0]): Promise<StepReply> {
    return replyFromPb(await this.client.initialize(req, await this.opts()));
  }

  async start(transferId: string, timeoutMs: number): Promise<StepReply> {
    return replyFromPb(
      await this.client.start(
        { transferId, timeoutMs },
        { ...(await this.opts()), deadlineMs: timeoutMs + this.deadlineMs },
      ),
    );
  }

  async release(transferId: string): Promise<StepReply> {
    return replyFromPb(
      await this.client.release(
        { transferId },
        { ...(await this.opts()), deadlineMs: 2 * this.deadlineMs + 60_000 },
      ),
    );
  }

  async incoming(transferId: string) {
    const s = await this.client.getIncoming({ transferId }, await this.opts());
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
