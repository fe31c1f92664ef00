export { resolveEndpoint, readEndpoints, type Endpoints } from './endpoints.js';
