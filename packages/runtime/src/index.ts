export * from './errors.js';
export * from './grpc/types.js';
export * from './grpc/status.js';
export * from './grpc/server.js';
export * from './grpc/client.js';
export * from './log/logger.js';
export * from './store/sql-database.js';
export * from './store/open-database.js';
