// Number and time formatting for decision reasons: measured values with one decimal, configured
// values as written (without float noise), times as ISO-8601 UTC.

export function measured(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : String(n);
}

export function configured(n: number): string {
  return String(Number(n.toFixed(6)));
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function signed(n: number): string {
  return n > 0 ? `+${configured(n)}` : configured(n);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
