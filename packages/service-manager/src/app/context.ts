import type { Logger, TaskRegistry } from '@reservoir/runtime';
import type { AdmissionPort, ServiceEventSink, SmStore, VeemPort } from './ports.js';
import type { SmSettings } from './settings.js';

/** What the SM's use cases share. */
export interface SmContext {
  settings: SmSettings;
  store: SmStore;
  veem: VeemPort;
  admission?: AdmissionPort;
  tasks: TaskRegistry;
  events?: ServiceEventSink;
  logger: Logger;
  now(): number;
}
