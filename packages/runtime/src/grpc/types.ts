import type { Rpc } from '@reservoir/contracts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyRpc = Rpc<any, any, any, any, boolean>;
export type ServiceDef = Record<string, AnyRpc>;

export interface CallContext {
  /** Request metadata, lower-case keys, first value only. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly method: string;
  readonly peer: string;
  /** Aborted when the client cancels or the deadline passes. */
  readonly signal: AbortSignal;
}

export type UnaryHandler<ReqD, ResP> = (req: ReqD, ctx: CallContext) => Promise<ResP> | ResP;
export type StreamHandler<ReqD, ResP> = (
  req: ReqD,
  send: (m: ResP) => void,
  ctx: CallContext,
) => Promise<void>;

export type Handlers<D extends ServiceDef> = {
  [K in keyof D]: D[K] extends Rpc<any, infer ReqD, infer ResP, any, infer S>
    ? S extends true
      ? StreamHandler<ReqD, ResP>
      : UnaryHandler<ReqD, ResP>
    : never;
};

export interface CallOptions {
  deadlineMs?: number;
  metadata?: Record<string, string>;
  signal?: AbortSignal;
}

export type Client<D extends ServiceDef> = {
  [K in keyof D]: D[K] extends Rpc<infer ReqP, any, any, infer ResD, infer S>
    ? S extends true
      ? (req: ReqP, options?: CallOptions) => AsyncIterable<ResD>
      : (req: ReqP, options?: CallOptions) => Promise<ResD>
    : never;
};
