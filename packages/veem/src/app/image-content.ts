import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errors } from '@reservoir/runtime';
import { DISK_FORMATS, type DiskFormat, type Image } from '../domain/image.js';
import type { RegisterImage } from './catalog.js';
import type { DiskTool, ImageFiles } from './disk-tool.js';
import type { Veem } from './veem.js';

/** A source that names a file on this machine: an absolute path or a file: URL. */
function localFile(source: string | undefined): string | undefined {
  if (!source) return undefined;
  if (source.startsWith('file:')) return fileURLToPath(source);
  return isAbsolute(source) ? source : undefined;
}

/**
 * Images with content: a registration whose source is a local file copies it into the site's
 * repository, after qemu-img has confirmed the format and the digest matched, so what a VM boots
 * (and what a transfer sends) is exactly what was registered.
 */
export class ImageContent {
  constructor(
    private readonly veem: Veem,
    private readonly files: ImageFiles,
    private readonly disks: DiskTool,
  ) {}

  async register(req: RegisterImage): Promise<Image> {
    const path = localFile(req.source);
    if (!path) return this.veem.catalog.registerImage(req);
    if (!(DISK_FORMATS as readonly string[]).includes(req.format))
      throw errors.invalid('format', `"${req.format}" is not one of ${DISK_FORMATS.join(', ')}`);
    const format = req.format as DiskFormat;
    await stat(path).catch(() => {
      throw errors.invalid('source', `${path} does not exist or cannot be read`);
    });
    const digest = await this.files.sha256(path);
    if (req.checksum && req.checksum !== digest)
      throw errors.invalid('checksum', `${path} has ${digest}, the registration says ${req.checksum}`);
    const info = await this.disks.info({ path, format });
    const image = await this.veem.catalog.registerImage({
      ...req,
      checksum: digest,
      sizeMib: Math.max(req.sizeMib || 0, Math.ceil(info.virtualSizeBytes / 2 ** 20)),
      source: `file:${path}`,
    });
    try {
      await this.files.importFile(image.id, format, path, digest);
    } catch (e) {
      await this.veem.catalog.deleteImage(image.id);
      throw e;
    }
    return image;
  }

  async delete(id: string): Promise<Image> {
    const image = await this.veem.catalog.deleteImage(id);
    await this.files.remove(image.id, image.format);
    return image;
  }
}
