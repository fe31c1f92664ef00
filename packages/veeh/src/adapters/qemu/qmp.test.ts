import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QmpClient, QmpError, type QmpEvent } from './qmp.js';

type Handler = (
  cmd: { execute: string; arguments?: Record<string, unknown>; id?: unknown },
  s: Socket,
) => void;

const GREETING = {
  QMP: { version: { qemu: { major: 7, minor: 2, micro: 0 }, package: 'fake' }, capabilities: ['oob'] },
};

function reply(s: Socket, msg: unknown): void {
  s.write(`${JSON.stringify(msg)}\r\n`);
}

describe('QmpClient against a fake QMP server', () => {
  let dir: string;
  let path: string;
  let server: Server;
  let sockets: Socket[];
  let handler: Handler;
  let negotiated: boolean;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qmp-test-'));
    path = join(dir, 'qmp.sock');
    sockets = [];
    negotiated = false;
    handler = (cmd, s) => reply(s, { return: {}, id: cmd.id });
    server = createServer((s) => {
      sockets.push(s);
      reply(s, GREETING);
      let buf = '';
      s.on('data', (chunk) => {
        buf += chunk.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const cmd = JSON.parse(buf.slice(0, nl)) as Parameters<Handler>[0];
          buf = buf.slice(nl + 1);
          if (cmd.execute === 'qmp_capabilities') {
            negotiated = true;
            reply(s, { return: {}, id: cmd.id });
          } else if (!negotiated) {
            reply(s, { error: { class: 'CommandNotFound', desc: 'negotiate first' }, id: cmd.id });
          } else handler(cmd, s);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
  });

  afterEach(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the greeting, negotiates capabilities and runs commands by id', async () => {
    handler = (cmd, s) => {
      if (cmd.execute === 'query-status')
        reply(s, { return: { status: 'running', running: true }, id: cmd.id });
    };
    const qmp = await QmpClient.connect(path);
    expect(qmp.greeting.version.qemu.major).toBe(7);
    expect(negotiated).toBe(true);
    await expect(qmp.execute('query-status')).resolves.toEqual({ status: 'running', running: true });
    await qmp.close();
    expect(qmp.lostPeer).toBe(false);
  });

  it('matches out-of-order replies to their commands', async () => {
    const held: Array<Parameters<Handler>[0]> = [];
    handler = (cmd, s) => {
      held.push(cmd);
      if (held.length === 2)
        for (const c of [...held].reverse()) reply(s, { return: { echo: c.arguments?.n }, id: c.id });
    };
    const qmp = await QmpClient.connect(path);
    const [a, b] = await Promise.all([qmp.execute('echo', { n: 1 }), qmp.execute('echo', { n: 2 })]);
    expect(a).toEqual({ echo: 1 });
    expect(b).toEqual({ echo: 2 });
    await qmp.close();
  });

  it('turns error replies into QmpError with the class and description', async () => {
    handler = (cmd, s) =>
      reply(s, {
        error: { class: cmd.execute === 'nope' ? 'CommandNotFound' : 'GenericError', desc: 'bad thing' },
        id: cmd.id,
      });
    const qmp = await QmpClient.connect(path);
    const e1 = await qmp.execute('device_add', { driver: 'x' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(QmpError);
    expect(e1).toMatchObject({ code: 'FAILED_PRECONDITION', qmpClass: 'GenericError' });
    expect((e1 as Error).message).toContain('device_add: bad thing');
    await expect(qmp.execute('nope')).rejects.toMatchObject({
      code: 'UNIMPLEMENTED',
      qmpClass: 'CommandNotFound',
    });
    await qmp.close();
  });

  it('times out a command that gets no reply, and keeps working after', async () => {
    handler = (cmd, s) => {
      if (cmd.execute !== 'hang') reply(s, { return: 'ok', id: cmd.id });
    };
    const qmp = await QmpClient.connect(path);
    await expect(qmp.execute('hang', undefined, 50)).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
    await expect(qmp.execute('fine')).resolves.toBe('ok');
    await qmp.close();
  });

  it('emits asynchronous events, also between a command and its reply', async () => {
    handler = (cmd, s) => {
      reply(s, { event: 'STOP', data: {}, timestamp: { seconds: 1, microseconds: 0 } });
      reply(s, { return: {}, id: cmd.id });
      reply(s, {
        event: 'SHUTDOWN',
        data: { guest: true, reason: 'guest-shutdown' },
        timestamp: { seconds: 2, microseconds: 0 },
      });
    };
    const qmp = await QmpClient.connect(path);
    const all: string[] = [];
    qmp.on('event', (e) => all.push(e.event));
    const shutdown = qmp.waitFor('SHUTDOWN', 1_000);
    await qmp.execute('stop');
    const ev: QmpEvent = await shutdown;
    expect(ev.data).toEqual({ guest: true, reason: 'guest-shutdown' });
    expect(all).toEqual(['STOP', 'SHUTDOWN']);
    await qmp.close();
  });

  it('runs HMP commands and treats output of a quiet one as its error', async () => {
    handler = (cmd, s) => {
      const line = String(cmd.arguments?.['command-line']);
      reply(s, { return: line.startsWith('loadvm') ? 'Snapshot x not found\r\n' : '', id: cmd.id });
    };
    const qmp = await QmpClient.connect(path);
    await expect(qmp.hmpQuiet('savevm x')).resolves.toBeUndefined();
    await expect(qmp.hmpQuiet('loadvm x')).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: 'HMP loadvm x: Snapshot x not found',
    });
    await qmp.close();
  });

  it('notices the peer closing: pending commands fail UNAVAILABLE and close fires once', async () => {
    handler = (_cmd, s) => setTimeout(() => s.destroy(), 10);
    const qmp = await QmpClient.connect(path);
    const closes: Array<Error | undefined> = [];
    qmp.on('close', (e) => closes.push(e));
    const waiting = qmp.waitFor('SHUTDOWN', 5_000);
    await expect(qmp.execute('query-status')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(waiting).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await qmp.closed;
    expect(qmp.lostPeer).toBe(true);
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ code: 'UNAVAILABLE' });
    await expect(qmp.execute('query-status')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('fails to connect to a socket nobody serves with UNAVAILABLE', async () => {
    await expect(QmpClient.connect(join(dir, 'missing.sock'))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('gives up on a server that never greets', async () => {
    const silent = createServer(() => {});
    const quiet = join(dir, 'quiet.sock');
    await new Promise<void>((resolve) => silent.listen(quiet, resolve));
    try {
      await expect(QmpClient.connect(quiet, { timeoutMs: 100 })).rejects.toMatchObject({
        code: 'DEADLINE_EXCEEDED',
      });
    } finally {
      silent.close();
    }
  });
});
