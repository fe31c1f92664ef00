// Durations and sizes as people write them ("5 minute" in XML like Claudia, "5m" or "100GiB" in
// YAML), always normalized to seconds and bytes in the model. Writers pick the largest unit that
// divides the value exactly, so reading back gives the same number.

const TIME_UNITS: ReadonlyArray<readonly [xml: string, yaml: string, seconds: number]> = [
  ['day', 'd', 86_400],
  ['hour', 'h', 3_600],
  ['minute', 'm', 60],
  ['second', 's', 1],
];

/** Seconds per Claudia unit name ("second", "minutes", …); null for an unknown unit. */
export function secondsPerUnit(unit: string): number | null {
  const singular = unit.trim().toLowerCase().replace(/s$/, '');
  return TIME_UNITS.find(([xml]) => xml === singular)?.[2] ?? null;
}

/** The largest unit that expresses `seconds` as a whole number (second for fractions). */
export function largestTimeUnit(seconds: number): { value: number; unit: string; suffix: string } {
  for (const [xml, yaml, per] of TIME_UNITS) {
    if (seconds !== 0 && Number.isInteger(seconds / per))
      return { value: seconds / per, unit: xml, suffix: yaml };
  }
  return { value: seconds, unit: 'second', suffix: 's' };
}

const DURATION = /^(-?\d+(?:\.\d+)?)\s*(d|h|m|s)$/;

/** "90s", "5m", "1h", "2d" or a number of seconds → seconds; null when not a duration. */
export function parseDuration(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const m = DURATION.exec(raw.trim());
  if (m === null) return null;
  const per = TIME_UNITS.find(([, yaml]) => yaml === m[2])?.[2] ?? 1;
  return Number(m[1]) * per;
}

/** "5m" for 300; plain seconds when no unit divides them ("0s" for zero). */
export function formatDuration(seconds: number): string {
  const { value, suffix } = largestTimeUnit(seconds);
  return `${value}${suffix}`;
}

const SIZE_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['TiB', 2 ** 40],
  ['GiB', 2 ** 30],
  ['MiB', 2 ** 20],
  ['KiB', 2 ** 10],
];

const SIZE = /^(-?\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB)?$/;

/** "100GiB", "512MiB", "4096B" or a number of bytes → bytes; null when not a size. */
export function parseSize(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const m = SIZE.exec(raw.trim());
  if (m === null) return null;
  const per = SIZE_UNITS.find(([unit]) => unit === m[2])?.[1] ?? 1;
  return Number(m[1]) * per;
}

/** "100GiB" when a binary unit divides the bytes exactly; the plain number otherwise. */
export function formatSize(bytes: number): string | number {
  for (const [unit, per] of SIZE_UNITS) {
    if (bytes !== 0 && Number.isInteger(bytes / per)) return `${bytes / per}${unit}`;
  }
  return bytes;
}
