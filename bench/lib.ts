import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summary(samples: number[]): {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
} {
  const s = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p90: round(percentile(s, 90)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1] ?? NaN),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

/** Peak and current resident memory of a process, from /proc (Linux). */
export function memoryOf(pid: number): { peakRssMib: number; rssMib: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssMib: Math.round(kb('VmHWM') / 1024), rssMib: Math.round(kb('VmRSS') / 1024) };
}

export interface Check {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

export function writeResult(name: string, result: object, checks: Check[]): string {
  const file = resolve(BENCH_DIR, 'results', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), ...result, checks }, null, 2)}\n`,
  );
  const t = new Table({ head: ['figure', 'value', 'target', 'met'], style: { head: [], border: [] } });
  for (const c of checks) t.push([c.name, `${c.value} ${c.unit}`, c.target, c.pass ? 'yes' : 'NO']);
  process.stdout.write(`${t.toString()}\nwritten to ${join('bench', 'results', `${name}.json`)}\n`);
  return file;
}

function machine(): object {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? 0;
  const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
  const mem = Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return { cpus, model, memoryGib: Math.round(mem / 1024 / 1024), node: process.version };
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line; 12 and 13 after the command name.
  return Math.round(((Number(fields[11]) + Number(fields[12])) / 100) * 100) / 100;
}
