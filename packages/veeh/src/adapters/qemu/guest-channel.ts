// The tiny guest's line channel on its second serial port (ping, write, read, dirty), as the
// host reaches it through QEMU's unix socket chardev.

import { connect, type Socket } from 'node:net';

export class GuestChannel {
  private buffer = '';
  private waiters: Array<(line: string) => void> = [];
  private lines: string[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    // A dying guest closes the socket; a pending ask() then times out with a clear message.
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).replace(/\r$/, '');
        this.buffer = this.buffer.slice(nl + 1);
        const waiter = this.waiters.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
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

  /** Sends one command line and resolves with the guest's answer line. */
  async ask(command: string, timeoutMs = 10_000): Promise<string> {
    const answer = new Promise<string>((resolve, reject) => {
      const queued = this.lines.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(command)}`)), timeoutMs);
      this.waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
    this.socket.write(`${command}\n`);
    return answer;
  }

  close(): void {
    this.socket.destroy();
  }
}
