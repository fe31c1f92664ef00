export const DISK_FORMATS = ['qcow2', 'raw', 'vmdk', 'vhdx', 'vdi', 'vpc'] as const;
export type DiskFormat = (typeof DISK_FORMATS)[number];

export interface Image {
  id: string;
  name: string;
  format: DiskFormat;
  sizeMib: number;
  /** "sha256:<64 hex>" */
  checksum: string;
  organization: string;
  owner: string;
  state: 'ready' | 'disabled';
  source: string;
  createdAtMs: number;
}

export const CHECKSUM = /^sha256:[0-9a-f]{64}$/;
