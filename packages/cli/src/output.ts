import Table from 'cli-table3';
import { reservoir } from '@reservoir/contracts';
import { taskFromPb, type Task } from '@reservoir/runtime';

export interface Printer {
  json: boolean;
}

type Obj = Record<string, unknown>;

/** A protobuf message as plain JSON: every field present, 64-bit numbers as numbers. */
export function plain<T extends { toJSON?: () => Obj }>(m: T, type: { toObject(m: T, o: object): Obj }): Obj {
  return type.toObject(m, { defaults: true, longs: Number, enums: String, arrays: true, objects: true });
}

export function vmJson(vm: reservoir.veem.v1.Vm): Obj {
  return plain(vm, reservoir.veem.v1.Vm);
}

export function hostJson(h: reservoir.veem.v1.Host): Obj {
  return plain(h, reservoir.veem.v1.Host);
}

export function taskJson(t: reservoir.common.v1.Task.$Properties): Task {
  return taskFromPb(t);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push(r.map(String));
  return t.toString();
}

export function details(pairs: [string, unknown][]): string {
  const t = new Table({ style: { head: [], border: [] } });
  for (const [k, v] of pairs) t.push({ [k]: typeof v === 'object' ? JSON.stringify(v) : String(v ?? '') });
  return t.toString();
}

export function mib(n: number | null | undefined): string {
  const v = n ?? 0;
  return v >= 1024 ? `${(v / 1024).toFixed(v % 1024 === 0 ? 0 : 1)} GiB` : `${v} MiB`;
}

export function ago(ms: number | null | undefined): string {
  if (!ms) return '';
  const s = Math.max(0, Math.round((Date.now() - Number(ms)) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h`;
}
