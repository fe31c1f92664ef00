// What each VHI call means to the security decision point. A host agent drives the site's own
// machines: its hosts and domains belong to no organization, so under the default policy only the
// platform's services (system-admin) call it, a VEEM above all.

import { HostAgentDefinition } from '@reservoir/contracts';
import type { ResourceAttributes } from '@reservoir/runtime';
import { accessMap, serviceAccess, type AccessMap, type AccessRule } from '@reservoir/security';

const host = (id?: string | null): ResourceAttributes => ({
  type: 'host',
  ...(id ? { id } : {}),
  organization: null,
});

const onHost = (action: string): AccessRule<{ hostId?: string | null }> => ({
  action,
  resource: (req) => host(req.hostId),
});

const onDomain = (action: string): AccessRule<{ hostId?: string | null; vmId?: string | null }> => ({
  action,
  resource: (req) => ({ type: 'domain', ...(req.vmId ? { id: req.vmId } : {}), organization: null }),
});

/** Every method of the host agent with its action on a host or a domain. */
export function veehAccess(): AccessMap {
  return accessMap(
    serviceAccess(HostAgentDefinition, {
      listAgentHosts: { action: 'host.list', resource: () => host() },
      describeHost: onHost('host.read'),
      monitor: { action: 'host.read', resource: () => host() },
      createDomain: {
        action: 'domain.create',
        resource: (req) => ({
          type: 'domain',
          ...(req.spec?.vmId ? { id: req.spec.vmId } : {}),
          organization: null,
        }),
      },
      getDomain: onDomain('domain.read'),
      startDomain: onDomain('domain.start'),
      shutdownDomain: onDomain('domain.stop'),
      destroyDomain: onDomain('domain.delete'),
      suspendDomain: onDomain('domain.suspend'),
      resumeDomain: onDomain('domain.resume'),
      rebootDomain: onDomain('domain.reboot'),
      snapshotDomain: onDomain('domain.snapshot'),
      revertDomain: onDomain('domain.revert'),
      deleteSnapshot: onDomain('domain.snapshot'),
      resizeDomain: onDomain('domain.resize'),
      attachDisk: onDomain('domain.update'),
      detachDisk: onDomain('domain.update'),
      attachNic: onDomain('domain.update'),
      detachNic: onDomain('domain.update'),
      prepareIncoming: {
        action: 'domain.migrate',
        resource: (req) => ({
          type: 'domain',
          ...(req.spec?.vmId ? { id: req.spec.vmId } : {}),
          organization: null,
        }),
      },
      migrateDomain: onDomain('domain.migrate'),
      receiveMigration: onDomain('domain.migrate'),
      abortIncoming: onDomain('domain.migrate'),
      cancelMigration: onDomain('domain.migrate'),
      // A batch mixes life-cycle operations of many domains: one decision for all of them.
      batch: { action: 'domain.batch', resource: () => ({ type: 'domain', organization: null }) },
    }),
  );
}
