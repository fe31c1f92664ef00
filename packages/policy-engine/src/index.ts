export * from './domain/model.js';
export { parseInstance, fieldPath } from './domain/instance.js';
export { parseOrLibraryBinPacking, parseVbp, type NamedInstance } from './domain/benchmark-formats.js';
