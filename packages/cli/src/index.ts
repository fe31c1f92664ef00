export { vmiClient, type VmiClient } from './client.js';
export { resolveEndpoint, readEndpoints, type Endpoints } from './endpoints.js';
export { startService, REPO_ROOT, type ServiceProcess } from './launcher/child-process.js';
