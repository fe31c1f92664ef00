import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { reservoir } from '@reservoir/contracts';
import { ReservoirError } from '@reservoir/runtime';
import { parseCount, parseMib, withClient } from '../command-context.js';
import { mib, plain, printJson, table } from '../output.js';

const pb = reservoir.veem.v1;

async function sha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return `sha256:${h.digest('hex')}`;
}

export function registerCatalogCommands(program: Command): void {
  const image = program.command('image').description('disk images');
  image
    .command('register <name>')
    .description(
      'register an image: from a local file (size and checksum are computed) or by its size and checksum',
    )
    .requiredOption('--format <format>', 'qcow2, raw, vmdk, vhdx, vdi or vpc')
    .option('--file <path>', 'the image file')
    .option('--size <size>', 'virtual size (e.g. 10G)')
    .option('--checksum <sha256:hex>', 'expected checksum; verified against --file when both are given')
    .option('--org <organization>', 'organization')
    .action(async (name: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        let checksum: string = o.checksum ?? '';
        let sizeMib = o.size ? parseMib('--size', o.size) : 0;
        if (o.file) {
          const actual = await sha256(o.file);
          if (checksum && checksum !== actual)
            throw new ReservoirError(
              'INVALID_ARGUMENT',
              `--checksum: ${o.file} has ${actual}, not ${checksum}`,
            );
          checksum = actual;
          sizeMib = sizeMib || Math.max(1, Math.ceil(statSync(o.file).size / (1024 * 1024)));
        }
        const i = await c.images.registerImage({
          name,
          format: o.format,
          sizeMib,
          checksum,
          // An absolute path lets a VEEM on this machine copy the file into its image repository.
          source: o.file ? resolvePath(o.file) : '',
          organization: o.org ?? '',
        });
        if (g.json) printJson(plain(i, pb.Image));
        else process.stdout.write(`${i.id} ${i.name} ${i.format} ${mib(i.sizeMib)} ${i.checksum}\n`);
      }),
    );
  image.command('list').action(async (_o, cmd: Command) =>
    withClient(cmd, async (c, g) => {
      const { images } = await c.images.listImages({});
      if (g.json) return printJson(images.map((i) => plain(i as reservoir.veem.v1.Image, pb.Image)));
      process.stdout.write(
        `${table(
          ['ID', 'NAME', 'FORMAT', 'SIZE', 'STATE', 'VMS', 'ORG'],
          images.map((i) => [
            i.id!,
            i.name!,
            i.format!,
            mib(i.sizeMib),
            i.state!,
            i.runningVms ?? 0,
            i.organization!,
          ]),
        )}\n`,
      );
    }),
  );
  image
    .command('show <id>')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.images.getImage({ id }), pb.Image))),
    );
  image
    .command('clone <id> <name>')
    .action(async (id: string, name: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.images.cloneImage({ id, name }), pb.Image))),
    );
  image
    .command('delete <id>')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.images.deleteImage({ id }), pb.Image))),
    );

  const net = program.command('network').description('virtual networks and their address leases');
  net
    .command('create <name>')
    .requiredOption('--cidr <cidr>', 'IPv4 network, e.g. 10.1.0.0/24')
    .option('--range <first-last>', 'addresses to lease, e.g. 10.1.0.10-10.1.0.200')
    .option('--scope <scope>', 'vapp, organization or external', 'organization')
    .option('--vlan <id>', 'VLAN id')
    .option('--org <organization>', 'organization')
    .action(async (name: string, o, cmd: Command) =>
      withClient(cmd, async (c, g) => {
        const [rangeStart, rangeEnd] = o.range ? String(o.range).split('-') : ['', ''];
        const n = await c.networks.createNetwork({
          name,
          cidr: o.cidr,
          rangeStart: rangeStart ?? '',
          rangeEnd: rangeEnd ?? '',
          scope: o.scope,
          vlan: o.vlan ? parseCount('--vlan', o.vlan) : 0,
          organization: o.org ?? '',
        });
        if (g.json) printJson(plain(n, pb.Network));
        else
          process.stdout.write(
            `${n.id} ${n.name} ${n.cidr} ${n.rangeStart}-${n.rangeEnd} (${n.size} addresses)\n`,
          );
      }),
    );
  net.command('list').action(async (_o, cmd: Command) =>
    withClient(cmd, async (c, g) => {
      const { networks } = await c.networks.listNetworks({});
      if (g.json) return printJson(networks.map((n) => plain(n as reservoir.veem.v1.Network, pb.Network)));
      process.stdout.write(
        `${table(
          ['ID', 'NAME', 'CIDR', 'RANGE', 'USED', 'SCOPE'],
          networks.map((n) => [
            n.id!,
            n.name!,
            n.cidr!,
            `${n.rangeStart}-${n.rangeEnd}`,
            `${n.used}/${n.size}`,
            n.scope!,
          ]),
        )}\n`,
      );
    }),
  );
  net
    .command('show <id>')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.networks.getNetwork({ id }), pb.Network))),
    );
  net
    .command('delete <id>')
    .action(async (id: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.networks.deleteNetwork({ id }), pb.Network))),
    );
  net.command('leases <id>').action(async (id: string, _o, cmd: Command) =>
    withClient(cmd, async (c, g) => {
      const { leases } = await c.networks.listLeases({ networkId: id });
      if (g.json) return printJson(leases);
      process.stdout.write(
        `${table(
          ['IP', 'MAC', 'VM'],
          leases.map((l) => [l.ip!, l.mac!, l.vmId!]),
        )}\n`,
      );
    }),
  );

  const quota = program.command('quota').description('quotas per organization (0 = unlimited)');
  quota
    .command('show <organization>')
    .action(async (organization: string, _o, cmd: Command) =>
      withClient(cmd, async (c) => printJson(plain(await c.quotas.getQuota({ organization }), pb.Quota))),
    );
  quota
    .command('set <organization>')
    .option('--vms <n>', 'VMs')
    .option('--cpu <n>', 'vCPUs')
    .option('--memory <size>', 'memory')
    .option('--disk <size>', 'disk')
    .action(async (organization: string, o, cmd: Command) =>
      withClient(cmd, async (c) => {
        const cur = await c.quotas.getQuota({ organization });
        const q = await c.quotas.setQuota({
          quota: {
            organization,
            maxVms: o.vms !== undefined ? parseCount('--vms', o.vms) : cur.maxVms,
            maxVcpus: o.cpu !== undefined ? parseCount('--cpu', o.cpu) : cur.maxVcpus,
            maxMemoryMib: o.memory !== undefined ? parseMib('--memory', o.memory) : cur.maxMemoryMib,
            maxDiskMib: o.disk !== undefined ? parseMib('--disk', o.disk) : cur.maxDiskMib,
          },
        });
        printJson(plain(q, pb.Quota));
      }),
    );
}
