import type { Command } from 'commander';
import { ReservoirError } from '@reservoir/runtime';
import { vmiClient, type VmiClient } from '@reservoir/veem';
import { resolveEndpoint } from './endpoints.js';

export interface GlobalOptions {
  endpoint?: string;
  dataDir?: string;
  site?: string;
  json?: boolean;
}

/** Runs a client command with a connected VMI client, closing it afterwards. */
export async function withClient<T>(
  cmd: Command,
  fn: (client: VmiClient, g: GlobalOptions) => Promise<T>,
): Promise<T> {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const client = vmiClient(resolveEndpoint(g));
  try {
    return await fn(client, g);
  } finally {
    client.close();
  }
}

/** "4096", "4096M", "4G", "4GiB" → MiB. */
export function parseMib(field: string, raw: string): number {
  const m = /^(\d+)\s*(m|mb|mi|mib|g|gb|gi|gib|t|tb|ti|tib)?$/i.exec(raw.trim());
  if (!m)
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `${field}: "${raw}" is not a size such as 4096, 512M or 4G`,
      { field },
    );
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0];
  return unit === 't' ? n * 1024 * 1024 : unit === 'g' ? n * 1024 : n;
}

export function parseCount(field: string, raw: string): number {
  if (!/^-?\d+$/.test(raw.trim()))
    throw new ReservoirError('INVALID_ARGUMENT', `${field}: "${raw}" is not a whole number`, { field });
  return Number(raw);
}

/** Collects repeated `--label k=v` options into a map. */
export function keyValue(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const i = value.indexOf('=');
  if (i <= 0) throw new ReservoirError('INVALID_ARGUMENT', `"${value}" must be key=value`);
  return { ...previous, [value.slice(0, i)]: value.slice(i + 1) };
}

export function repeatable(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
