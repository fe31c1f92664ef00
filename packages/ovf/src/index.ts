export type { OvfDisk, OvfEdition, OvfModel, OvfProperty, OvfReference, OvfVirtualSystem } from './model.js';
export { parseOvf } from './parse.js';
export { verifyManifest, type ManifestProblem } from './manifest.js';
export { bytesPerUnit } from './units.js';
export { editionOf } from './namespaces.js';
