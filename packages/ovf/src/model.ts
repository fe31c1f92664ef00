// The normalized OVF model: what `reservoir ovf inspect --json` prints.

export type OvfEdition = '0.9' | '1.x' | '2.x';

export interface OvfReference {
  id: string;
  href: string;
  size: number | null;
}

export interface OvfDisk {
  diskId: string;
  capacityBytes: number | null;
  format: string;
  fileRef: string | null;
}

export interface OvfProperty {
  key: string;
  type: string;
  value: string;
}

export interface OvfVirtualSystem {
  id: string;
  name: string;
  osType: string;
  cpus: number | null;
  memoryMiB: number | null;
  disks: OvfDisk[];
  nics: number;
  properties: OvfProperty[];
}

export interface OvfModel {
  edition: OvfEdition;
  references: OvfReference[];
  networks: string[];
  virtualSystems: OvfVirtualSystem[];
  warnings: string[];
}
