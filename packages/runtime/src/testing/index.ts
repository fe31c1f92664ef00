export * from './databases.js';
export * from './brokers.js';
