// Typed, located reading of a parsed YAML tree: each value read records its line and column under
// its model path, and each problem becomes "file:line:col: yaml.path: message" without stopping.
import { ReservoirError } from '@reservoir/runtime';
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ManifestSource } from './source.js';
import { parseDuration, parseSize } from './units.js';

/** A value to read: its node (undefined when the key is absent), its YAML path, and where to report absence. */
export interface Slot {
  node: Node | undefined;
  path: string;
  holder: Node | undefined;
}

export class YamlReader {
  readonly errors: string[] = [];
  readonly source: ManifestSource;

  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {
    this.source = { file, format: 'yaml', places: new Map() };
  }

  error(slot: Slot, message: string): void {
    const { line, col } = this.position(slot.node ?? slot.holder);
    this.errors.push(`${this.file}:${line}:${col}: ${slot.path || '(top)'}: ${message}`);
  }

  throwIfErrors(): void {
    if (this.errors.length > 0) throw new ReservoirError('INVALID_ARGUMENT', this.errors.join('\n'));
  }

  /** Records that the model path was read from the slot (no place of its own when absent). */
  place(modelPath: string, slot: Slot): void {
    if (slot.node === undefined) return;
    this.source.places.set(modelPath, { ...this.position(slot.node), label: slot.path || '(top)' });
  }

  /** The slot's mapping as one slot per allowed key; unknown keys are errors (typos would silently default). */
  object<K extends string>(slot: Slot, modelPath: string, keys: readonly K[]): Record<K, Slot> {
    const node = this.deref(slot.node);
    const fields = {} as Record<K, Slot>;
    for (const key of keys)
      fields[key] = { node: undefined, path: join(slot.path, key), holder: node ?? slot.holder };
    if (node === undefined) return fields;
    this.place(modelPath, slot);
    if (!isMap(node)) {
      this.error(slot, 'must be a mapping of keys to values');
      return fields;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const field = (fields as Record<string, Slot | undefined>)[key];
      if (field === undefined) {
        this.error(
          { node: pair.key as Node, path: join(slot.path, key), holder: node },
          `unknown key (known: ${keys.join(', ')})`,
        );
      } else field.node = (pair.value as Node | null) ?? undefined;
    }
    return fields;
  }

  /** A mapping whose keys are names (component ids): one slot per entry, in document order. */
  entries(slot: Slot, modelPath: string): [string, Slot][] {
    const node = this.deref(slot.node);
    if (node === undefined) return [];
    this.place(modelPath, slot);
    if (!isMap(node)) {
      this.error(slot, 'must be a mapping of names to values');
      return [];
    }
    return node.items.map((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      return [
        key,
        { node: (pair.value as Node | null) ?? undefined, path: join(slot.path, key), holder: node },
      ];
    });
  }

  /** One key of a mapping, unchecked (to choose how to read the rest). */
  child(slot: Slot, key: string): Slot {
    const node = this.deref(slot.node);
    const value = isMap(node) ? (node.get(key, true) as Node | undefined) : undefined;
    return { node: value ?? undefined, path: join(slot.path, key), holder: node ?? slot.holder };
  }

  /** The slot's sequence as one slot per item; absent is empty. */
  list(slot: Slot, modelPath: string): Slot[] {
    const node = this.deref(slot.node);
    if (node === undefined) return [];
    this.place(modelPath, slot);
    if (!isSeq(node)) {
      this.error(slot, 'must be a list');
      return [];
    }
    return node.items.map((item, i) => ({
      node: (item as Node | null) ?? undefined,
      path: `${slot.path}[${i}]`,
      holder: node,
    }));
  }

  /** A scalar's value, undefined when absent or null (an error when required). */
  private scalar(slot: Slot, modelPath: string, required: boolean): unknown {
    const node = this.deref(slot.node);
    if (node === undefined || (isScalar(node) && node.value === null)) {
      if (required) this.error(slot, 'is required');
      return undefined;
    }
    this.place(modelPath, slot);
    if (isScalar(node)) return node.value;
    this.error(slot, 'must be a single value, not a list or mapping');
    return undefined;
  }

  string(slot: Slot, modelPath: string, fallback?: string, trim = true): string {
    const v = this.scalar(slot, modelPath, fallback === undefined);
    if (typeof v === 'string') return trim ? v.trim() : v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return fallback ?? '';
  }

  number(slot: Slot, modelPath: string, fallback?: number, integer = false): number {
    const v = this.scalar(slot, modelPath, fallback === undefined);
    if (v === undefined) return fallback ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.error(slot, `"${String(v)}" is not a number`);
    else if (integer && !Number.isInteger(v)) this.error(slot, `${v} is not a whole number`);
    else return v;
    return fallback ?? 0;
  }

  /** True when the key is present with a non-null value. */
  has(slot: Slot): boolean {
    const node = this.deref(slot.node);
    return node !== undefined && !(isScalar(node) && node.value === null);
  }

  boolean(slot: Slot, modelPath: string, fallback: boolean): boolean {
    const v = this.scalar(slot, modelPath, false);
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    this.error(slot, `"${String(v)}" is not true or false`);
    return fallback;
  }

  choice<T extends string>(slot: Slot, modelPath: string, allowed: readonly T[], fallback?: T): T {
    const v = this.scalar(slot, modelPath, fallback === undefined);
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    if (v !== undefined) this.error(slot, `"${String(v)}" is not one of ${allowed.join(', ')}`);
    return fallback ?? (allowed[0] as T);
  }

  /** "5m", "90s", "1h" or seconds. */
  duration(slot: Slot, modelPath: string, fallback?: number): number {
    return this.withUnits(slot, modelPath, fallback, parseDuration, 'a duration such as 30s, 5m or 1h');
  }

  /** "100GiB", "512MiB" or bytes. */
  size(slot: Slot, modelPath: string): number {
    return this.withUnits(
      slot,
      modelPath,
      undefined,
      parseSize,
      'a size such as 512MiB, 100GiB or a number of bytes',
    );
  }

  strings(slot: Slot, modelPath: string): string[] {
    return this.list(slot, modelPath).map((s, i) => this.string(s, `${modelPath}[${i}]`));
  }

  private withUnits(
    slot: Slot,
    modelPath: string,
    fallback: number | undefined,
    parse: (raw: string | number) => number | null,
    what: string,
  ): number {
    const v = this.scalar(slot, modelPath, fallback === undefined);
    if (v === undefined) return fallback ?? 0;
    const n = typeof v === 'string' || typeof v === 'number' ? parse(v) : null;
    if (n === null) this.error(slot, `"${String(v)}" is not ${what}`);
    return n ?? fallback ?? 0;
  }

  private deref(node: Node | undefined): Node | undefined {
    return isAlias(node) ? (node.resolve(this.doc) ?? undefined) : node;
  }

  private position(node: Node | undefined): { line: number; col: number } {
    const offset = node?.range?.[0];
    return offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
