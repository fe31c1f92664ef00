// What each RPC of the monitoring service means to the site's decision point. Data sources and
// their control are site infrastructure, of no organization; a service's KPIs and probes belong
// to the service's organization, when the Service Managers know the service.
import { MonitoringServiceDefinition } from '@reservoir/contracts';
import type { ResourceAttributes } from '@reservoir/runtime';
import { accessMap, serviceAccess, type AccessMap } from '@reservoir/security';
import type { ServiceOrganizations } from './service-organizations.js';

const INFRASTRUCTURE: ResourceAttributes = { type: 'monitoring', organization: null };

export function monitoringAccess(organizations: ServiceOrganizations | undefined): AccessMap {
  const organizationOf = async (serviceId: string, fallback: string): Promise<string> =>
    (serviceId ? await organizations?.of(serviceId) : undefined) ?? fallback;
  return accessMap(
    serviceAccess(MonitoringServiceDefinition, {
      listSources: { action: 'monitoring.list', resource: () => INFRASTRUCTURE },
      // The caller's organization (or that of the service asked about); the handler keeps only
      // the probes the caller may see.
      listProbes: {
        action: 'monitoring.list',
        resource: async (req, caller) => ({
          type: 'monitoring',
          organization: await organizationOf(req.serviceId, caller.organization),
        }),
      },
      controlProbe: {
        action: 'monitoring.update',
        resource: (req) => ({ ...INFRASTRUCTURE, id: req.dataSourceId }),
      },
      // A report changes what the service's consumers see: it is judged as an action on the service.
      pushKpi: {
        action: 'kpi.report',
        resource: async (req, caller) => ({
          type: 'service',
          id: req.serviceId,
          organization: await organizationOf(req.serviceId, caller.organization),
        }),
      },
    }),
  );
}
