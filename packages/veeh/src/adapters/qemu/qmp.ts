import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { ReservoirError, type ErrorCode } from '@reservoir/runtime';

/** An asynchronous QMP event, e.g. SHUTDOWN, STOP, RESUME, MIGRATION, BLOCK_JOB_READY. */
export interface QmpEvent {
  event: string;
  data: Record<string, unknown>;
  timestamp: { seconds: number; microseconds: number };
}

export interface QmpGreeting {
  version: { qemu: { major: number; minor: number; micro: number }; package: string };
  capabilities: string[];
}

export interface QmpConnectOptions {
  /** For connecting, the greeting and capability negotiation together; default 5 s. */
  timeoutMs?: number;
  /** Default for execute(); default 30 s. */
  commandTimeoutMs?: number;
}

/** A QMP error reply; `qmpClass` is QEMU's error class (GenericError, DeviceNotFound, ...). */
export class QmpError extends ReservoirError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly qmpClass: string,
  ) {
    super(code, message);
  }
}

// QEMU has few error classes; most failures are GenericError, which means the request does not
// fit the machine's current state.
function codeOf(qmpClass: string): ErrorCode {
  switch (qmpClass) {
    case 'CommandNotFound':
      return 'UNIMPLEMENTED';
    case 'DeviceNotFound':
      return 'NOT_FOUND';
    default:
      return 'FAILED_PRECONDITION';
  }
}

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type Listener = Parameters<EventEmitter['on']>[1];

interface QmpClientEvents {
  event: [QmpEvent];
  close: [Error | undefined];
}

/**
 * A client of one QEMU monitor over its unix socket. Replies are matched to commands by id;
 * events are emitted as 'event' (every one) and by name (e.g. 'SHUTDOWN'); 'close' fires once
 * when the socket ends, which for a QEMU process means it exited unless close() was called.
 */
export class QmpClient extends EventEmitter {
  private readonly pending = new Map<string, Pending>();
  private buffer = '';
  private nextId = 1;
  private closedBy: 'us' | 'peer' | undefined;
  /** Settles when the socket has closed, for whatever reason. */
  readonly closed: Promise<void>;
  private markClosed!: () => void;

  private constructor(
    private readonly socket: Socket,
    readonly greeting: QmpGreeting,
    private readonly commandTimeoutMs: number,
    leftover: string,
  ) {
    super();
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    socket.on('data', (chunk: Buffer) => this.receive(chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => this.onClose());
    if (leftover) this.receive(leftover);
  }

  /** Connects, reads the greeting and leaves capability negotiation mode. */
  static async connect(path: string, options: QmpConnectOptions = {}): Promise<QmpClient> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const socket = connect(path);
    try {
      const { greeting, rest } = await withTimeout(readGreeting(socket), timeoutMs, () => {
        socket.destroy();
        return new ReservoirError('DEADLINE_EXCEEDED', `QMP ${path}: no greeting within ${timeoutMs} ms`);
      });
      const client = new QmpClient(socket, greeting, options.commandTimeoutMs ?? 30_000, rest);
      await client.execute('qmp_capabilities', undefined, timeoutMs);
      return client;
    } catch (e) {
      socket.destroy();
      if (e instanceof ReservoirError) throw e;
      throw new ReservoirError('UNAVAILABLE', `QMP ${path}: ${(e as Error).message}`, { cause: e });
    }
  }

  get isClosed(): boolean {
    return this.closedBy !== undefined;
  }

  /** True when the peer ended the connection (QEMU exited or closed the monitor). */
  get lostPeer(): boolean {
    return this.closedBy === 'peer';
  }

  override on<K extends keyof QmpClientEvents>(
    name: K,
    listener: (...args: QmpClientEvents[K]) => void,
  ): this;
  override on(name: string, listener: (event: QmpEvent) => void): this;
  override on(name: string, listener: Listener): this {
    return super.on(name, listener);
  }

  override once<K extends keyof QmpClientEvents>(
    name: K,
    listener: (...args: QmpClientEvents[K]) => void,
  ): this;
  override once(name: string, listener: (event: QmpEvent) => void): this;
  override once(name: string, listener: Listener): this {
    return super.once(name, listener);
  }

  /** Runs one command; QMP errors reject as QmpError, a timeout as DEADLINE_EXCEEDED. */
  execute<T = unknown>(
    command: string,
    args?: Record<string, unknown>,
    timeoutMs = this.commandTimeoutMs,
  ): Promise<T> {
    if (this.closedBy)
      return Promise.reject(new ReservoirError('UNAVAILABLE', `QMP ${command}: the monitor is closed`));
    const id = `r${this.nextId++}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ReservoirError('DEADLINE_EXCEEDED', `QMP ${command}: no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { command, resolve: resolve as (v: unknown) => void, reject, timer });
      const message =
        args === undefined ? { execute: command, id } : { execute: command, arguments: args, id };
      this.socket.write(`${JSON.stringify(message)}\n`);
    });
  }

  /** An HMP command through QMP; its printed output. */
  async hmp(commandLine: string, timeoutMs?: number): Promise<string> {
    const out = await this.execute<string>(
      'human-monitor-command',
      { 'command-line': commandLine },
      timeoutMs,
    );
    return out.trim();
  }

  /** An HMP command that prints nothing on success (savevm, loadvm, delvm): any output is its error. */
  async hmpQuiet(commandLine: string, timeoutMs?: number): Promise<void> {
    const text = await this.hmp(commandLine, timeoutMs);
    if (text) throw new QmpError('FAILED_PRECONDITION', `HMP ${commandLine}: ${text}`, 'HmpError');
  }

  /** Resolves with the first event named `name` that `match` accepts, or rejects on timeout or close. */
  waitFor(name: string, timeoutMs: number, match: (e: QmpEvent) => boolean = () => true): Promise<QmpEvent> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.off(name, onEvent);
        this.off('close', onClose);
      };
      const onEvent = (e: QmpEvent): void => {
        if (!match(e)) return;
        done();
        resolve(e);
      };
      const onClose = (): void => {
        done();
        reject(new ReservoirError('UNAVAILABLE', `QMP closed while waiting for ${name}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new ReservoirError('DEADLINE_EXCEEDED', `no ${name} event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on(name, onEvent);
      this.on('close', onClose);
    });
  }

  close(): Promise<void> {
    this.closedBy ??= 'us';
    this.socket.end();
    this.socket.destroy();
    return this.closed;
  }

  private receive(text: string): void {
    this.buffer += text;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) this.dispatch(line);
    }
  }

  private dispatch(line: string): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    if (typeof msg.event === 'string') {
      const event: QmpEvent = {
        event: msg.event,
        data: (msg.data as Record<string, unknown> | undefined) ?? {},
        timestamp: msg.timestamp as QmpEvent['timestamp'],
      };
      this.emit('event', event);
      this.emit(event.event, event);
      return;
    }
    const id = typeof msg.id === 'string' ? msg.id : undefined;
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending || id === undefined) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if ('error' in msg) {
      const err = msg.error as { class?: string; desc?: string };
      const cls = err.class ?? 'GenericError';
      pending.reject(new QmpError(codeOf(cls), `QMP ${pending.command}: ${err.desc ?? cls}`, cls));
    } else {
      pending.resolve(msg.return);
    }
  }

  private onClose(): void {
    const byPeer = this.closedBy === undefined;
    this.closedBy ??= 'peer';
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new ReservoirError('UNAVAILABLE', `QMP ${p.command}: the monitor closed before replying`));
    }
    this.markClosed();
    this.emit('close', byPeer ? new ReservoirError('UNAVAILABLE', 'QEMU closed the monitor') : undefined);
  }
}

function readGreeting(socket: Socket): Promise<{ greeting: QmpGreeting; rest: string }> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onEnd);
    };
    const onData = (chunk: Buffer): void => {
      buf += chunk.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      cleanup();
      try {
        const msg = JSON.parse(buf.slice(0, nl)) as { QMP?: QmpGreeting };
        if (!msg.QMP) throw new Error('the first message is not a QMP greeting');
        resolve({ greeting: msg.QMP, rest: buf.slice(nl + 1) });
      } catch (e) {
        reject(e as Error);
      }
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const onEnd = (): void => {
      cleanup();
      reject(new Error('closed before the greeting'));
    };
    socket.on('data', onData);
    socket.on('error', onError);
    socket.on('close', onEnd);
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e as Error);
      },
    );
  });
}
