import type { OvfDocument } from './document.js';
import type { OvfModel } from './model.js';
import { parseOvfDocument } from './parse-document.js';

/**
 * Parses an OVF descriptor (0.9, 1.x or 2.x) into the normalized model. Malformed XML, a non-OVF
 * root or a non-numeric quantity throws `ReservoirError('INVALID_ARGUMENT')` with one
 * "file:line: <Element>: problem" per line; softer issues become `warnings`.
 */
export function parseOvf(xmlText: string, file = 'descriptor.ovf'): OvfModel {
  return ovfModelOf(parseOvfDocument(xmlText, file));
}

/** The normalized model of a parsed document: exactly the shape `ovf inspect --json` prints. */
export function ovfModelOf(doc: OvfDocument): OvfModel {
  return {
    edition: doc.edition,
    references: doc.references.map(({ id, href, size }) => ({ id, href, size })),
    networks: doc.networks.map((n) => n.name),
    virtualSystems: doc.virtualSystems.map((vs) => ({
      id: vs.id,
      name: vs.name,
      osType: vs.osType,
      cpus: vs.cpus,
      memoryMiB: vs.memoryMiB,
      disks: vs.disks.map(({ diskId, capacityBytes, format, fileRef }) => ({
        diskId,
        capacityBytes,
        format,
        fileRef,
      })),
      nics: vs.nics,
      properties: vs.properties.map(({ key, type, value }) => ({ key, type, value })),
    })),
    warnings: [...doc.warnings],
  };
}
