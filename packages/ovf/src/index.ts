export type { OvfDisk, OvfEdition, OvfModel, OvfProperty, OvfReference, OvfVirtualSystem } from './model.js';
export type {
  OvfCollection,
  OvfDocument,
  OvfNetwork,
  OvfPropertyDetail,
  OvfStartupItem,
  OvfSystemDetail,
  OvfWriteCollection,
  OvfWriteSpec,
  OvfWriteSystem,
  XmlAttribute,
  XmlNode,
} from './document.js';
export { ovfModelOf, parseOvf } from './parse.js';
export { parseOvfDocument } from './parse-document.js';
export { writeOvf } from './write.js';
export { oneDiskDescriptor } from './one-disk-descriptor.js';
export { toWriteSpec } from './write-spec.js';
export { foreignAttributesOf, xmlNodeOf } from './foreign.js';
export type { XmlAttr, XmlElement, XmlName } from './xml-tree.js';
export { verifyManifest, type ManifestProblem } from './manifest.js';
export { bytesPerUnit } from './units.js';
export { editionOf } from './namespaces.js';
export { checkManifest, parseManifest, type ManifestAlgorithm, type ManifestEntry } from './manifest.js';
export type { OvfManifestCheck, OvfPackage, OvfPackageFile } from './package.js';
export { readOvaPackage } from './ova-read.js';
export { readOvfPackage } from './ovf-dir-read.js';
export {
  writeOvaPackage,
  type OvaFile,
  type OvaFileRange,
  type OvaWriteOptions,
  type StrongManifestAlgorithm,
} from './ova-write.js';
export {
  packageFingerprint,
  packageSigningFiles,
  signPackage,
  verifyPackage,
  type DigestStatus,
  type FileDigestCheck,
  type PackageMember,
  type PackageVerification,
  type SignatureCheck,
  type SignOptions,
  type SignResult,
  type VerifyOptions,
} from './signature.js';
export {
  assessCertificate,
  loadTrustStore,
  parsePemCertificates,
  type CertificateReport,
  type CertificateStatus,
  type CertificateSummary,
  type ChainTrust,
  type ChainValidity,
  type SigningWarning,
  type SigningWarningType,
  type TrustStoreInput,
} from './trust-store.js';
export {
  descriptorDigestOf,
  verifySignedDescriptor,
  type DescriptorSigner,
  type SignedDescriptorInput,
  type SignedDescriptorVerification,
} from './signed-descriptor.js';
