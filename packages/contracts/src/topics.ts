// MQTT topic builders: reservoir/v1/<site>/<domain>/<entity>/<id>/<event>.
// Every topic the platform publishes or subscribes to is built here.

const ROOT = 'reservoir/v1';
const SEGMENT = /^[A-Za-z0-9._:-]+$/;

function segment(kind: string, value: string): string {
  if (!SEGMENT.test(value)) {
    throw new Error(`invalid MQTT topic ${kind} "${value}": use letters, digits, '.', '_', ':' or '-'`);
  }
  return value;
}

export function topic(site: string, domain: string, entity: string, id: string, event: string): string {
  return [
    ROOT,
    segment('site', site),
    segment('domain', domain),
    segment('entity', entity),
    segment('id', id),
    segment('event', event),
  ].join('/');
}

/** A subscription filter; '+' stands for any one segment. */
export function topicFilter(
  site: string | '+',
  domain: string,
  entity: string | '+',
  id: string | '+',
  event: string | '+',
): string {
  const part = (kind: string, v: string) => (v === '+' ? v : segment(kind, v));
  return [
    ROOT,
    part('site', site),
    part('domain', domain),
    part('entity', entity),
    part('id', id),
    part('event', event),
  ].join('/');
}

export const topics = {
  vmState: (site: string, vmId: string) => topic(site, 'veem', 'vm', vmId, 'state'),
  hostState: (site: string, hostId: string) => topic(site, 'veem', 'host', hostId, 'state'),
  taskUpdate: (site: string, taskId: string) => topic(site, 'veem', 'task', taskId, 'update'),
  allVmStates: (site: string | '+') => topicFilter(site, 'veem', 'vm', '+', 'state'),
  allHostStates: (site: string | '+') => topicFilter(site, 'veem', 'host', '+', 'state'),
  allTaskUpdates: (site: string | '+') => topicFilter(site, 'veem', 'task', '+', 'update'),
  /** A data source's measurement batches (MeasurementBatch). */
  monitoringData: (site: string, dataSourceId: string) =>
    topic(site, 'monitoring', 'datasource', dataSourceId, 'data'),
  /** A data source's description (DataSourceInfo), retained; an empty payload clears it. */
  monitoringInfo: (site: string, dataSourceId: string) =>
    topic(site, 'monitoring', 'datasource', dataSourceId, 'info'),
  /** Requests to a data source (ProbeControl). */
  monitoringControl: (site: string, dataSourceId: string) =>
    topic(site, 'monitoring', 'datasource', dataSourceId, 'control'),
  /** A data source's answers to control requests (ProbeControlAck), matched by correlation id. */
  monitoringControlAck: (site: string, dataSourceId: string) =>
    topic(site, 'monitoring', 'datasource', dataSourceId, 'ack'),
  allMonitoringData: (site: string | '+', dataSourceId: string | '+' = '+') =>
    topicFilter(site, 'monitoring', 'datasource', dataSourceId, 'data'),
  allMonitoringInfo: (site: string | '+') => topicFilter(site, 'monitoring', 'datasource', '+', 'info'),
  /** A service's life-cycle and scaling events (JSON ServiceEvent with the service state). */
  serviceEvent: (site: string, serviceId: string) => topic(site, 'sm', 'service', serviceId, 'event'),
  allServiceEvents: (site: string | '+') => topicFilter(site, 'sm', 'service', '+', 'event'),
};

export interface ParsedTopic {
  site: string;
  domain: string;
  entity: string;
  id: string;
  event: string;
}

export function parseTopic(t: string): ParsedTopic | undefined {
  const parts = t.split('/');
  if (parts.length !== 7 || `${parts[0]}/${parts[1]}` !== ROOT) return undefined;
  const [, , site, domain, entity, id, event] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { site, domain, entity, id, event };
}
