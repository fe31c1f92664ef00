import type { DiskFormat } from '../domain/image.js';

// Ports for disk images: a tool that reads, writes and converts disk formats (qemu-img in
// production) and the site's image repository. Errors are ReservoirErrors naming the file.

export interface DiskRef {
  path: string;
  format: DiskFormat;
}

export interface DiskInfo {
  format: DiskFormat;
  /** The size the guest sees. */
  virtualSizeBytes: number;
  /** Bytes the file takes on the host's disk (sparse files take less). */
  actualSizeBytes: number;
}

export interface ConvertResult {
  /** Virtual size of the converted disk, equal to the source's. */
  bytes: number;
  ms: number;
}

export interface CompareResult {
  identical: boolean;
  detail: string;
}

export interface ConvertOptions {
  /** Aborting stops the conversion and removes its partial output: CANCELLED. */
  signal?: AbortSignal;
  /** Called with 0..1 as the conversion goes. */
  onProgress?: (fraction: number) => void;
  /** Also compare the output with the source before it takes the destination's name. */
  verify?: boolean;
  /** Flush the output to disk before it takes its name (default true); false for scratch copies. */
  durable?: boolean;
}

export interface DiskTool {
  /** The tool's version, such as "7.2.22". */
  version(): Promise<string>;
  /** Never probes the format: the file is read as ref.format. */
  info(ref: DiskRef): Promise<DiskInfo>;
  /** A new empty disk; an existing file at ref.path is ALREADY_EXISTS. */
  create(ref: DiskRef, virtualSizeBytes: number): Promise<void>;
  /**
   * Converts src into dst keeping the exact virtual size and content. The source must pass
   * check() and be one self-contained file (no backing file, no external extents or data
   * file). The output appears under dst.path only when complete (and flushed, unless
   * durable is false), replacing any file there, so a retried conversion is idempotent.
   */
  convert(src: DiskRef, dst: DiskRef, opts?: ConvertOptions): Promise<ConvertResult>;
  /** Guest-visible content and virtual size; images in different formats compare fine. */
  compare(a: DiskRef, b: DiskRef): Promise<CompareResult>;
  /** The format's consistency check; formats without one answer ok with a detail saying so. */
  check(ref: DiskRef): Promise<{ ok: boolean; detail: string }>;
}

/** A file stored in the image repository. */
export interface StoredImage {
  /** "sha256:<64 hex>" of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** Receives one image in chunks (a disk streamed over gRPC) into a temporary file. */
export interface ImageWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Verifies the digest, makes the file durable and gives it its final name. */
  commit(): Promise<StoredImage>;
  /** Drops what was written; harmless after commit or a failed commit. */
  abort(): Promise<void>;
}

/** The site's image repository: one file per image id and format. */
export interface ImageFiles {
  pathOf(imageId: string, format: DiskFormat): string;
  has(imageId: string, format: DiskFormat): Promise<boolean>;
  /** Copies srcPath in; a given expectedSha256 ("sha256:<hex>") must match the copied bytes. */
  importFile(
    imageId: string,
    format: DiskFormat,
    srcPath: string,
    expectedSha256?: string,
  ): Promise<StoredImage>;
  openWriter(imageId: string, format: DiskFormat, expectedSha256: string): Promise<ImageWriter>;
  /** The stored file in chunks of chunkBytes (the last may be shorter). */
  readChunks(imageId: string, format: DiskFormat, chunkBytes: number): AsyncIterable<Buffer>;
  /** "sha256:<hex>" of any file. */
  sha256(path: string): Promise<string>;
  /** Idempotent. */
  remove(imageId: string, format: DiskFormat): Promise<void>;
  /**
   * Removes temporary files left by a crash and answers their names. Call it at start, before
   * conversions write into the directory: it spares only this repository's open writers.
   */
  sweepTemp(): Promise<string[]>;
}
