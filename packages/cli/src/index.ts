export { resolveEndpoint, readEndpoints, type Endpoints } from './endpoints.js';
export {
  cliCredential,
  configDir,
  credentialsFile,
  loadCredentials,
  saveCredentials,
  clearCredentials,
  type StoredCredentials,
} from './credentials.js';
