export * from './registry.js';
export * from './server.js';
export * from './grpc-metrics.js';
