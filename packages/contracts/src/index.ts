import $protobuf from 'protobufjs/minimal.js';

// 64-bit fields are epoch milliseconds and counters, far below 2^53: decode them as plain
// numbers everywhere instead of Long objects.
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export { grpc, reservoir } from './gen/pb.js';
export * from './gen/services.js';
export * from './topics.js';
