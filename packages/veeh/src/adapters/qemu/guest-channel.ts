// The tiny guest's line channel on its virtio-serial port (ping, write, read, dirty, ...), as the
// host reaches it through QEMU's unix socket chardev.

import { connect, type Socket } from 'node:net';

export class GuestChannel {
  private buffer = '';
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    // A dying guest closes the socket; a pending ask() then times out with a clear message.
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.wake?.();
    });
  }

  static async open(path: string, timeoutMs = 5_000): Promise<GuestChannel> {
    const socket = connect(path);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`guest channel ${path}: no connection in ${timeoutMs} ms`)),
        timeoutMs,
      );
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    return new GuestChannel(socket);
  }

  /**
   * Sends one command line and resolves with the first answer line `accept` takes; lines it
   * refuses (stale answers, e.g. after a snapshot is reverted) are dropped.
   */
  async ask(
    command: string,
    timeoutMs = 10_000,
    accept: (line: string) => boolean = () => true,
  ): Promise<string> {
    this.socket.write(`${command}\n`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.lines.length > 0) {
        const line = this.lines.shift()!;
        if (accept(line)) return line;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no answer to ${JSON.stringify(command)} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  ping(timeoutMs?: number): Promise<string> {
    return this.ask('ping', timeoutMs, (l) => l.startsWith('pong '));
  }

  close(): void {
    this.socket.destroy();
  }
}
