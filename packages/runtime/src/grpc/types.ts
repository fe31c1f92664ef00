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
  /** Who is calling, once a guard has authenticated the call; absent on a server that checks nothing. */
  principal?: CallPrincipal;
  /**
   * Whether the caller may perform an action on a resource, asked by list handlers of each item
   * so that a listing holds only what the caller may see. Absent on a server that checks nothing.
   */
  may?: (action: string, resource: ResourceAttributes) => boolean;
}

/** The caller as handlers see it (the security package fills in the rest). */
export interface CallPrincipal {
  /** "user:<id>@<org>", "service:<name>@<site>", "peer:<site>". */
  readonly id: string;
  readonly organization: string;
}

/** What a decision needs to know of a resource. */
export interface ResourceAttributes {
  type: string;
  id?: string;
  organization?: string | null;
  owner?: string | null;
  sharedWith?: readonly string[];
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
