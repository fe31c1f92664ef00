import { PolicyServiceDefinition } from '@reservoir/contracts';
import { createClient, ReservoirError, toReservoirError, type ClosableClient } from '@reservoir/runtime';
import type { PlacementOutcome, PlacementPass, Placer } from '../../app/ports.js';
import { placeOutcome, placeRequest } from './place-request.js';

export interface PolicyEnginePlacerOptions {
  /** Deadline of one Place call. */
  timeoutMs: number;
  /** VMs per Place call. */
  maxBatch?: number;
}

const UNREACHABLE = new Set(['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'CANCELLED']);

/**
 * Placement by the Policy Engine: one PolicyService.Place call per pass. It never falls back to
 * another policy; when the engine cannot answer, the call fails and the VMs wait for the next pass.
 */
export class PolicyEnginePlacer implements Placer {
  readonly maxBatch: number;
  private readonly client: ClosableClient<typeof PolicyServiceDefinition>;

  constructor(
    readonly address: string,
    private readonly options: PolicyEnginePlacerOptions,
  ) {
    this.maxBatch = options.maxBatch ?? 512;
    this.client = createClient(PolicyServiceDefinition, address, { deadlineMs: options.timeoutMs });
  }

  async place(pass: PlacementPass): Promise<PlacementOutcome> {
    if (pass.vms.length === 0) return { assignment: new Map(), unplaced: new Map() };
    try {
      const res = await this.client.place(placeRequest(pass), { deadlineMs: this.options.timeoutMs });
      return placeOutcome(pass, res);
    } catch (e) {
      const err = toReservoirError(e);
      if (UNREACHABLE.has(err.code))
        throw new ReservoirError('UNAVAILABLE', `policy engine unavailable: ${err.message}`, { cause: e });
      throw new ReservoirError('INTERNAL', `policy engine refused to place: ${err.code}: ${err.message}`, {
        cause: e,
      });
    }
  }

  close(): void {
    this.client.close();
  }
}
