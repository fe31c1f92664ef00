import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type Platform } from './platform-up.js';

describe('reservoir up --driver qemu: real guests under the platform', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform({ sites: 1, extraArgs: ['--driver', 'qemu'] });
  }, 200_000);
  afterAll(() => p?.stop());

  const json = async (...args: string[]) => {
    const r = await p.cli([...args, '--json']);
    expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(0);
    return JSON.parse(r.out);
  };

  it('runs a VM as a QEMU guest: it boots, suspends to disk, resumes and is deleted with its process', async () => {
    const [host] = await json('host', 'list');
    expect(host.profile).toMatchObject({
      driver: 'qemu',
      hypervisor: expect.stringMatching(/^(kvm|qemu-tcg)$/),
    });
    const vm = await json('vm', 'create', '--name', 'real-1', '--cpu', '1', '--memory', '256M', '--wait');
    expect(vm.state).toBe('running');
    const consoleLog = join(p.dir, 'site-a', 'qemu', vm.id, 'console.log');
    const until = Date.now() + 120_000;
    while (!(
      existsSync(consoleLog) && readFileSync(consoleLog, 'utf8').includes(`RESERVOIR-GUEST-READY ${vm.id}`)
    )) {
      if (Date.now() > until) throw new Error(`the guest never became ready: ${consoleLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await json('vm', 'suspend', vm.id, '--wait')).state).toBe('suspended');
    expect((await json('vm', 'resume', vm.id, '--wait')).state).toBe('running');
    const pid = Number(readFileSync(join(p.dir, 'site-a', 'qemu', vm.id, 'pid'), 'utf8'));
    expect(() => process.kill(pid, 0)).not.toThrow();
    expect((await json('vm', 'delete', vm.id, '--wait')).state).toBe('done');
    expect(existsSync(join(p.dir, 'site-a', 'qemu', vm.id))).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});
