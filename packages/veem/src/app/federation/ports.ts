import type { Incoming, SiteOffer, StepReply, Transfer, VmDescriptor } from './types.js';

/** Where transfers (source side) and incoming VMs (target side) are kept. */
export interface FederationStore {
  migrate(): Promise<void>;
  saveTransfer(t: Transfer): Promise<void>;
  transfers(filter?: { vmId?: string; active?: boolean }): Promise<Transfer[]>;
  transfer(id: string): Promise<Transfer | undefined>;
  transferByRequest(requestId: string): Promise<Transfer | undefined>;
  saveIncoming(i: Incoming): Promise<void>;
  incoming(transferId: string): Promise<Incoming | undefined>;
  incomings(): Promise<Incoming[]>;
}

/**
 * A site the message process talks to: a partner over its federation gRPC service, or this site
 * itself (a move between hypervisor kinds of one site runs the same process).
 */
export interface PartnerGateway {
  readonly site: string;
  offer(): Promise<SiteOffer>;
  configure(req: {
    transferId: string;
    vm: VmDescriptor;
    targetHost: string;
    fromSite: string;
  }): Promise<StepReply & { differences: DifferenceLike[] }>;
  reserve(req: {
    transferId: string;
    vm: VmDescriptor;
    targetHost: string;
    targetFormat: string;
    diskBytes: number;
    fromSite: string;
  }): Promise<StepReply>;
  writeDisk(transferId: string, offset: number, data: Buffer): Promise<number>;
  initialize(req: {
    transferId: string;
    sha256: string;
    totalBytes: number;
    format: string;
  }): Promise<StepReply>;
  start(transferId: string, timeoutMs: number): Promise<StepReply>;
  release(transferId: string): Promise<StepReply>;
  incoming(
    transferId: string,
  ): Promise<{ step: string; targetVmId: string; vmState: string; writtenBytes: number }>;
  close(): void;
}

/** A difference as it crosses the wire (the interop domain's Difference has the same shape). */
export interface DifferenceLike {
  code: string;
  severity: string;
  field: string;
  message: string;
  source?: string;
  target?: string;
}
