import type { Resources } from '../../domain/resources.js';

/** A federation agreement with one partner site, as both sides configure it. */
export interface PartnerAgreement {
  site: string;
  /** host:port of the partner VEEM's gRPC services. */
  endpoint: string;
  /** The shared secret each side presents to the other. */
  token: string;
  /** What this site lets the partner hold here; zero fields mean no cap. */
  cap: Resources;
  /**
   * Use the partner as a large host (hybrid cloud): VMs no host of this site can take burst there.
   * Absent: false.
   */
  burst?: boolean;
}

export interface FederationSettings {
  /** ISO 3166-1 alpha-2 code of the site, for geography constraints. */
  country: string;
  currency: string;
  /** Prices quoted to partners, integer minor units per hour. */
  pricePerVcpuHour: number;
  pricePerGibHour: number;
  /** Guest licences this site can honour. */
  licences: string[];
  /** Countries the site exchanges VMs with; empty means any. */
  allowedCountries: string[];
  partners: PartnerAgreement[];
  /** The site's image repository: one file per image, and the transfers' working files. */
  imageDir: string;
  /** Bytes per WriteDisk call. */
  chunkBytes: number;
  /** How long a step keeps retrying a partner that does not answer before the transfer is undone. */
  partnerRetryMs: number;
  /** How long the target waits for a started VM to run. */
  startTimeoutMs: number;
  /** How long the source waits for its own VM to stop or go. */
  sourceOpTimeoutMs: number;
}

export const DEFAULT_FEDERATION: FederationSettings = {
  country: 'DE',
  currency: 'EUR',
  pricePerVcpuHour: 2,
  pricePerGibHour: 1,
  licences: [],
  allowedCountries: [],
  partners: [],
  imageDir: '',
  chunkBytes: 4 * 1024 * 1024,
  partnerRetryMs: 120_000,
  startTimeoutMs: 60_000,
  sourceOpTimeoutMs: 60_000,
};
