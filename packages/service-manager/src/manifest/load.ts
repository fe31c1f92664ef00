// One entry point for a manifest file of either form: parse, validate, refuse on any error.
import type { ServiceManifest } from './model.js';
import { readOvfManifest, type ReadManifest } from './ovf-read.js';
import { refuseOnErrors } from './problem.js';
import { validateManifest, type ValidateOptions } from './validate.js';
import { readYamlManifest } from './yaml-read.js';

/** XML (first non-blank character '<') is OVF; anything else is the YAML form. */
export function manifestFormat(text: string): 'ovf' | 'yaml' {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
    ? 'ovf'
    : 'yaml';
}

/** Reads either form without validating it; throws located INVALID_ARGUMENT when it cannot be read. */
export function readManifest(text: string, file: string): ReadManifest {
  return manifestFormat(text) === 'ovf' ? readOvfManifest(text, file) : readYamlManifest(text, file);
}

/**
 * Reads and validates: every error, one located line each, in one INVALID_ARGUMENT; warnings
 * do not refuse (readManifest + validateManifest to see them).
 */
export function loadManifest(text: string, file: string, options: ValidateOptions = {}): ServiceManifest {
  const { manifest, source } = readManifest(text, file);
  refuseOnErrors(validateManifest(manifest, source, options), file);
  return manifest;
}
