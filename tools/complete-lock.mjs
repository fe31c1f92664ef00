#!/usr/bin/env node
// Adds lock entries for platform-specific optional packages (other OSes and CPUs) that the
// package registry this project installs from does not serve, so `npm ci` accepts the lock.
// npm never installs them here: their os/cpu fields do not match this platform.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'openbsd',
  'android',
  'openharmony',
  'netbsd',
  'sunos',
  'aix',
];
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  arm: 'arm',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts
    .map((p) => (p === 'arm' && parts.includes('gnueabihf') ? 'arm' : p))
    .find((p) => p in CPU);
  const libc = parts.some((p) => p.startsWith('musl'))
    ? 'musl'
    : parts.some((p) => p === 'gnu' || p.startsWith('gnueabi'))
      ? 'glibc'
      : undefined;
  return { os, cpu, libc };
}

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const pkg of Object.values(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !cpu) continue;
    if (os === process.platform && cpu === process.arch && libc !== 'musl') {
      throw new Error(`${dep} is for this platform but missing from the lock: run npm install again`);
    }
    lock.packages[key] = { version, optional: true, os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${file}: ${added} platform entries added`);
