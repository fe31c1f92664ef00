import { readFileSync, existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ReservoirError } from '../errors.js';

export interface LoadConfigOptions {
  /** A YAML or JSON file; missing file is an error when named explicitly. */
  file?: string;
  /** Environment variables with this prefix override the file: PREFIX_GRPC__LISTEN → grpc.listen. */
  envPrefix?: string;
  env?: NodeJS.ProcessEnv;
  /** Highest precedence, e.g. command-line flags. Undefined values are ignored. */
  overrides?: Record<string, unknown>;
}

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Tree;
  }
  node[path[path.length - 1]!] = value;
}

function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = out[k];
    out[k] =
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      typeof b === 'object' &&
      b !== null &&
      !Array.isArray(b)
        ? merge(b as Tree, v as Tree)
        : v;
  }
  return out;
}

/** Env values are strings; numbers, booleans and JSON arrays/objects are parsed so the schema sees types. */
function envValue(raw: string): unknown {
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (/^[[{]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}

function readFile(file: string): Tree {
  if (!existsSync(file))
    throw new ReservoirError('INVALID_ARGUMENT', `config file ${file} does not exist`, { field: file });
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true });
  } catch (e) {
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `config file ${file} is not valid YAML/JSON: ${(e as Error).message}`,
      { field: file },
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ReservoirError('INVALID_ARGUMENT', `config file ${file} must hold a mapping at the top level`, {
      field: file,
    });
  }
  return parsed as Tree;
}

/**
 * Layers a config file, prefixed environment variables and overrides, then validates the
 * result with a zod schema. Every problem is reported with its path and source, all at once.
 */
export function loadConfig<S extends z.ZodType>(schema: S, options: LoadConfigOptions = {}): z.infer<S> {
  let tree: Tree = options.file ? readFile(options.file) : {};
  if (options.envPrefix) {
    const env = options.env ?? process.env;
    const prefix = `${options.envPrefix}_`;
    const fromEnv: Tree = {};
    for (const [k, v] of Object.entries(env)) {
      if (!k.startsWith(prefix) || v === undefined) continue;
      const path = k
        .slice(prefix.length)
        .split('__')
        .map((p) => p.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()));
      setPath(fromEnv, path, envValue(v));
    }
    tree = merge(tree, fromEnv);
  }
  if (options.overrides) tree = merge(tree, options.overrides);
  const result = schema.safeParse(tree);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`,
    );
    const where = options.file
      ? ` (file ${options.file}${options.envPrefix ? `, env ${options.envPrefix}_*` : ''})`
      : '';
    throw new ReservoirError(
      'INVALID_ARGUMENT',
      `invalid configuration${where}:\n  ${problems.join('\n  ')}`,
      {
        field: result.error.issues[0]?.path.join('.'),
      },
    );
  }
  return result.data;
}
