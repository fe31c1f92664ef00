export { grpc, reservoir } from './gen/pb.js';
export * from './gen/services.js';
export * from './topics.js';
