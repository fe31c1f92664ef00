// State shared while reading a descriptor: located errors ("file:line: <path>: message"), the
// model-path → element map for later validation, and typed readers of attribute and text values.
import { ReservoirError } from '@reservoir/runtime';
import { ElementPaths, lineOf, plainAttr, textOf, type XmlElement } from './dom.js';
import type { ManifestSource } from './source.js';
import { secondsPerUnit } from './units.js';

export class OvfReadContext {
  readonly errors: string[] = [];
  readonly source: ManifestSource;
  private readonly paths = new ElementPaths();

  constructor(readonly file: string) {
    this.source = { file, format: 'ovf', places: new Map() };
  }

  /** Records that the model path `path` was read from `el`. */
  place(path: string, el: XmlElement): void {
    this.source.places.set(path, { line: lineOf(el), label: this.paths.of(el) });
  }

  error(el: XmlElement, message: string): void {
    this.errors.push(`${this.file}:${lineOf(el)}: ${this.paths.of(el)}: ${message}`);
  }

  throwIfErrors(): void {
    if (this.errors.length > 0) throw new ReservoirError('INVALID_ARGUMENT', this.errors.join('\n'));
  }

  /** A number from an attribute or text; null when absent, an error when not a number. */
  number(el: XmlElement, raw: string | null, what: string): number | null {
    if (raw === null) return null;
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(n)) return n;
    this.error(el, `${what} "${raw}" is not a number`);
    return null;
  }

  integer(el: XmlElement, raw: string | null, what: string): number | null {
    const n = this.number(el, raw, what);
    if (n === null || Number.isInteger(n)) return n;
    this.error(el, `${what} ${n} is not a whole number`);
    return null;
  }

  /** A Claudia-style duration element, `<rsv:Window unit="minute">5</rsv:Window>`, in seconds. */
  duration(el: XmlElement | undefined, defaultUnit: string): number | null {
    if (el === undefined) return null;
    const unit = plainAttr(el, 'unit') ?? defaultUnit;
    const per = secondsPerUnit(unit);
    if (per === null) {
      this.error(el, `unit "${unit}" is not second, minute, hour or day`);
      return null;
    }
    const n = this.number(el, textOf(el), el.localName ?? 'value');
    return n === null ? null : n * per;
  }

  /** One of `allowed`, or the default when absent. */
  choice<T extends string>(
    el: XmlElement,
    raw: string | null,
    allowed: readonly T[],
    what: string,
    fallback: T,
  ): T {
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.error(el, `${what} "${raw}" is not one of ${allowed.join(', ')}`);
    return fallback;
  }

  boolean(el: XmlElement, raw: string | null, what: string, fallback: boolean): boolean {
    if (raw === null) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.error(el, `${what} "${raw}" is not true or false`);
    return fallback;
  }
}
