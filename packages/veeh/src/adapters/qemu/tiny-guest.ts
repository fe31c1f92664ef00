import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The line the guest prints on its console (ttyS0) once it answers on its reservoir.health port. */
export const TINY_GUEST_READY = 'RESERVOIR-GUEST-READY';

export interface TinyGuest {
  kernel: string;
  initrd: string;
}

const SCRIPT_DIR = fileURLToPath(new URL('../../../../../scripts/tiny-guest/', import.meta.url));
const LOCK_STALE_MS = 120_000;
/**
 * Part of the cache key beside the scripts' content and the kernel version: bump it when what the
 * host expects of the guest changes without the scripts changing (v2: virtio-net and `net`).
 */
const GUEST_VERSION = 'v2';
const BUILD_TIMEOUT_MS = 120_000;

const inFlight = new Map<string, Promise<TinyGuest>>();

/**
 * Kernel command line for the tiny guest. `panic=-1` reboots at once on a panic,
 * so with QEMU's `-no-reboot` a broken guest ends the process instead of hanging.
 */
export function tinyGuestAppend(id: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(id))
    throw new Error(`tiny guest id must be [A-Za-z0-9._-]+, got ${JSON.stringify(id)}`);
  return `console=ttyS0 reservoir.id=${id} quiet panic=-1`;
}

/** Newest installed Debian kernel, the one build.sh picks by default. */
async function kernelVersion(): Promise<string> {
  const versions = (await readdir('/boot'))
    .filter((f) => f.startsWith('vmlinuz-'))
    .map((f) => f.slice('vmlinuz-'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = versions.at(-1);
  if (!newest) throw new Error('no kernel in /boot: install linux-image-amd64');
  return newest;
}

function guestFiles(dir: string): TinyGuest {
  return { kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.img') };
}

/**
 * Builds the tiny guest (scripts/tiny-guest/build.sh) once per script content and
 * kernel version, and returns its kernel and initrd paths. Callers in one process
 * share a build; a lock file keeps other processes from building the same one.
 */
export function ensureTinyGuest(
  cacheDir: string = join(tmpdir(), 'reservoir-tiny-guest'),
): Promise<TinyGuest> {
  const pending = inFlight.get(cacheDir);
  if (pending) return pending;
  const build = buildOnce(cacheDir);
  inFlight.set(cacheDir, build);
  // A failed build should be retried by the next caller, not cached.
  build.catch(() => inFlight.delete(cacheDir));
  return build;
}

async function buildOnce(cacheDir: string): Promise<TinyGuest> {
  const kver = await kernelVersion();
  const hash = createHash('sha256');
  for (const file of ['build.sh', 'init.sh']) hash.update(await readFile(join(SCRIPT_DIR, file)));
  hash.update(kver);
  hash.update(GUEST_VERSION);
  const dir = join(cacheDir, `${kver}-${hash.digest('hex').slice(0, 16)}`);
  const files = guestFiles(dir);
  if (existsSync(files.kernel) && existsSync(files.initrd)) return files;

  await mkdir(cacheDir, { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    if (await tryLock(lock)) break;
    if (existsSync(files.kernel) && existsSync(files.initrd)) return files;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the tiny guest build lock ${lock}`);
    await sleep(100);
  }
  try {
    // Another process may have finished between our check and taking the lock.
    if (existsSync(files.kernel) && existsSync(files.initrd)) return files;
    const tmp = `${dir}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    try {
      await run('bash', [join(SCRIPT_DIR, 'build.sh'), tmp], {
        env: { ...process.env, KVER: kver },
        timeout: BUILD_TIMEOUT_MS,
      });
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      const stderr = (err as { stderr?: string }).stderr?.trim();
      throw new Error(`tiny guest build failed${stderr ? `: ${stderr}` : ''}`, { cause: err });
    }
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return files;
  } finally {
    await rm(lock, { force: true });
  }
}

/** Takes the lock file, clearing it first if its owner died or it is too old. */
async function tryLock(lock: string): Promise<boolean> {
  try {
    const handle = await open(lock, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (await isStale(lock)) await rm(lock, { force: true });
  return false;
}

async function isStale(lock: string): Promise<boolean> {
  try {
    const [info, owner] = await Promise.all([stat(lock), readFile(lock, 'utf8')]);
    if (Date.now() - info.mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(owner);
    // An empty file is a lock being written right now.
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false;
  }
}
