import type { reservoir } from '@reservoir/contracts';
import { ReservoirError } from '@reservoir/runtime';
import { parseCount, parseMib } from '../command-context.js';

// Options of `vm create` and `vm resize` turned into requests; pure, so tested without a VEEM.

export interface BurstOptions {
  burstVcpus?: string;
  burstMemoryMib?: string;
  operationalRequirement?: Record<string, string>;
}

/** The burst and operational-requirement fields of a CreateVmRequest. */
export function createTerms(
  o: BurstOptions,
): Pick<reservoir.veem.v1.CreateVmRequest.$Properties, 'burst' | 'operationalRequirements'> {
  const burst =
    o.burstVcpus || o.burstMemoryMib
      ? {
          vcpus: o.burstVcpus ? parseCount('--burst-vcpus', o.burstVcpus) : 0,
          memoryMib: o.burstMemoryMib ? parseMib('--burst-memory-mib', o.burstMemoryMib) : 0,
        }
      : undefined;
  return {
    ...(burst ? { burst } : {}),
    operationalRequirements: o.operationalRequirement ?? {},
  };
}

export interface ResizeOptions {
  vcpus?: string;
  memoryMib?: string;
  /** Older spellings of --vcpus and --memory-mib. */
  cpu?: string;
  memory?: string;
  allowReboot?: boolean;
}

export function resizeRequest(id: string, o: ResizeOptions): reservoir.veem.v1.ResizeVmRequest.$Properties {
  const vcpus = o.vcpus ?? o.cpu;
  const memory = o.memoryMib ?? o.memory;
  if (!vcpus && !memory) throw new ReservoirError('INVALID_ARGUMENT', 'give --vcpus, --memory-mib or both');
  return {
    id,
    vcpus: vcpus ? parseCount('--vcpus', vcpus) : 0,
    memoryMib: memory ? parseMib('--memory-mib', memory) : 0,
    allowReboot: !!o.allowReboot,
  };
}
