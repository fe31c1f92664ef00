import { ReservoirError } from '@reservoir/runtime';
import { placeOf, type ManifestSource, type SourcePlace } from './source.js';

/** One finding of validation. Errors refuse the manifest; warnings are told and let pass. */
export interface ManifestProblem {
  severity: 'error' | 'warning';
  /** Model path of what is wrong, e.g. "components[2].instances.max" ("" for the whole service). */
  path: string;
  message: string;
  /** The nearest part of the document holding it; null without a source or for a default. */
  place: SourcePlace | null;
}

/** Collects problems, placing each in the source document when there is one. */
export class Findings {
  readonly problems: ManifestProblem[] = [];

  constructor(private readonly source?: ManifestSource) {}

  error(path: string, message: string): void {
    this.problems.push({ severity: 'error', path, message, place: placeOf(this.source, path) });
  }

  warn(path: string, message: string): void {
    this.problems.push({ severity: 'warning', path, message, place: placeOf(this.source, path) });
  }
}

/**
 * "file:line[:col]: place: message", the place being the element path (OVF) or key path (YAML)
 * of the nearest part of the document that holds the problem; "path: message" without a place.
 */
export function formatProblem(p: ManifestProblem, file?: string): string {
  const message = p.severity === 'warning' ? `warning: ${p.message}` : p.message;
  const path = p.path || '(service)';
  if (p.place === null) return file === undefined ? `${path}: ${message}` : `${file}: ${path}: ${message}`;
  const col = p.place.col === undefined ? '' : `:${p.place.col}`;
  return `${file ?? ''}:${p.place.line}${col}: ${p.place.label}: ${message}`;
}

/** Throws INVALID_ARGUMENT listing every error, one per line; returns the warnings otherwise. */
export function refuseOnErrors(problems: ManifestProblem[], file?: string): ManifestProblem[] {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ReservoirError('INVALID_ARGUMENT', errors.map((p) => formatProblem(p, file)).join('\n'));
  }
  return problems.filter((p) => p.severity === 'warning');
}
