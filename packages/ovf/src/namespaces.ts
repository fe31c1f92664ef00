import type { OvfEdition } from './model.js';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** What writeOvf writes: OVF 1.x with the CIM schemas its hardware Items use. */
export const OVF_1_NS = 'http://schemas.dmtf.org/ovf/envelope/1';
export const RASD_NS = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData';
export const VSSD_NS = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData';

const ENVELOPE_NAMESPACES: ReadonlyArray<readonly [string, OvfEdition]> = [
  ['http://www.vmware.com/schema/ovf/1/envelope', '0.9'],
  [OVF_1_NS, '1.x'],
  ['http://schemas.dmtf.org/ovf/envelope/2', '2.x'],
];

function trimSlash(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

/** Namespace URI → edition; a document uses a handful of URIs, asked about for every element. */
const editions = new Map<string, OvfEdition | null>();
// The parser gives every element of a namespace the same string, and documents alternate between
// two namespaces (OVF and CIM): two slots compared by identity answer nearly every call.
let lastUri: string | null = null;
let lastEdition: OvfEdition | null = null;
let otherUri: string | null = null;
let otherEdition: OvfEdition | null = null;

/** The edition an envelope namespace URI denotes (oVirt's trailing slash accepted), or null. */
export function editionOf(namespaceUri: string | null): OvfEdition | null {
  if (namespaceUri === null) return null;
  if (namespaceUri === lastUri) return lastEdition;
  if (namespaceUri === otherUri) return otherEdition;
  let edition = editions.get(namespaceUri);
  if (edition === undefined) {
    const uri = trimSlash(namespaceUri);
    edition = ENVELOPE_NAMESPACES.find(([ns]) => ns === uri)?.[1] ?? null;
    // Bounded: a process reading arbitrary documents must not grow it without end.
    if (editions.size < 1024) editions.set(namespaceUri, edition);
  }
  otherUri = lastUri;
  otherEdition = lastEdition;
  lastUri = namespaceUri;
  lastEdition = edition;
  return edition;
}

/** True for any OVF envelope namespace of any edition. */
export function isOvfNamespace(namespaceUri: string | null): boolean {
  return editionOf(namespaceUri) !== null;
}
