// Where each part of a manifest came from, so problems found on the model can point back into
// the document a person wrote: the element of an OVF descriptor, or the line and column of YAML.

export interface SourcePlace {
  line: number;
  /** 1-based; YAML only. */
  col?: number;
  /** What a person looks for at that line: an element path in OVF, a key path in YAML. */
  label: string;
}

export interface ManifestSource {
  file: string;
  format: 'ovf' | 'yaml';
  /** Keyed by model path, e.g. "components[2].instances.max". */
  places: Map<string, SourcePlace>;
}

/** Drops the last step of a model path: "a[1].b" → "a[1]" → "a" → "". */
export function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

/** The place of a model path, or of its nearest recorded ancestor (a default has no place of its own). */
export function placeOf(source: ManifestSource | undefined, path: string): SourcePlace | null {
  if (source === undefined) return null;
  for (let p = path; ; p = parentPath(p)) {
    const place = source.places.get(p);
    if (place !== undefined) return place;
    if (p === '') return null;
  }
}
