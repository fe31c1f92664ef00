// DSP0004 programmatic units, read leniently: "byte * 2^20", "byte*2^30", "byte * 2 ^ 20",
// "MegaBytes", "GigaBytes", "1024 * byte", "kibibyte * 2^10 * 1024". Producers mean binary
// multiples by "MegaBytes" (VirtualBox, VMware Studio), so kilo/mega/giga/tera are 1024-based.

const UNIT_WORDS: Record<string, number> = {
  byte: 1,
  kilobyte: 2 ** 10,
  kibibyte: 2 ** 10,
  megabyte: 2 ** 20,
  mebibyte: 2 ** 20,
  gigabyte: 2 ** 30,
  gibibyte: 2 ** 30,
  terabyte: 2 ** 40,
  tebibyte: 2 ** 40,
  kb: 2 ** 10,
  mb: 2 ** 20,
  gb: 2 ** 30,
  tb: 2 ** 40,
};

/** Units strings already read: a descriptor repeats a few of them for every disk and memory Item. */
const perUnitCache = new Map<string, number | null>();

/** Bytes per unit for an allocation-units string; null when it is not a byte unit we understand. */
export function bytesPerUnit(units: string | null | undefined): number | null {
  if (units === null || units === undefined) return 1;
  let perUnit = perUnitCache.get(units);
  if (perUnit === undefined) {
    perUnit = readUnits(units);
    // Bounded: a process reading arbitrary documents must not grow it without end.
    if (perUnitCache.size < 256) perUnitCache.set(units, perUnit);
  }
  return perUnit;
}

function readUnits(units: string): number | null {
  if (units.trim() === '') return 1;
  const factors = units
    .replace(/\s*\^\s*/g, '^')
    .split('*')
    .map((f) => f.trim());
  let result = 1;
  let sawByte = false;
  for (const factor of factors) {
    if (factor === '') return null;
    const power = /^(\d+)\^(-?\d+)$/.exec(factor);
    if (power) {
      result *= Number(power[1]) ** Number(power[2]);
      continue;
    }
    if (/^\d+$/.test(factor)) {
      result *= Number(factor);
      continue;
    }
    let word = factor.toLowerCase();
    if (word.endsWith('s')) word = word.slice(0, -1);
    const mult = UNIT_WORDS[word];
    if (mult === undefined || sawByte) return null;
    sawByte = true;
    result *= mult;
  }
  return sawByte ? result : null;
}

/** A strictly numeric decimal string as a number, else null. */
export function parseNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
