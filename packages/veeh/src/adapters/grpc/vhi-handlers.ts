import type { HostAgentDefinition, reservoir } from '@reservoir/contracts';
import { errors, toReservoirError, type CallContext, type Handlers } from '@reservoir/runtime';
import type { HostAgent } from '../../app/agent.js';
import {
  diskFromPb,
  domainToPb,
  hostDescriptionToPb,
  hostStatusToPb,
  nicFromPb,
  specFromPb,
  stateFromPb,
} from './mapping.js';

/** The VHI service: each RPC decoded, handed to the agent, and its answer encoded. */
export function vhiHandlers(agent: HostAgent): Handlers<typeof HostAgentDefinition> {
  const handlers: Handlers<typeof HostAgentDefinition> = {
    listAgentHosts: async () => ({ hosts: (await agent.listHosts()).map(hostDescriptionToPb) }),
    describeHost: async (req) => hostDescriptionToPb(await agent.describeHost(req.hostId)),
    monitor: async (req) => {
      const report = await agent.monitor(req.hostIds);
      return { hosts: report.hosts.map(hostStatusToPb), atMs: report.atMs };
    },

    createDomain: async (req) => {
      if (!req.spec) throw errors.invalid('spec', 'required');
      return domainToPb(await agent.createDomain(req.hostId, specFromPb(req.spec)));
    },
    getDomain: async (req) => domainToPb(await agent.getDomain(req.hostId, req.vmId)),
    startDomain: async (req) => domainToPb(await agent.startDomain(req.hostId, req.vmId)),
    shutdownDomain: async (req) => domainToPb(await agent.shutdownDomain(req.hostId, req.vmId, req.hard)),
    destroyDomain: async (req) => ({ existed: await agent.destroyDomain(req.hostId, req.vmId) }),
    suspendDomain: async (req) => domainToPb(await agent.suspendDomain(req.hostId, req.vmId)),
    resumeDomain: async (req) => domainToPb(await agent.resumeDomain(req.hostId, req.vmId)),
    rebootDomain: async (req) => domainToPb(await agent.rebootDomain(req.hostId, req.vmId)),

    snapshotDomain: async (req) => domainToPb(await agent.snapshotDomain(req.hostId, req.vmId, req.name)),
    revertDomain: async (req) => domainToPb(await agent.revertDomain(req.hostId, req.vmId, req.name)),
    deleteSnapshot: async (req) => domainToPb(await agent.deleteSnapshot(req.hostId, req.vmId, req.name)),

    resizeDomain: async (req) =>
      domainToPb(
        await agent.resizeDomain(req.hostId, req.vmId, { vcpus: req.vcpus, memoryMib: req.memoryMib }),
      ),
    attachDisk: async (req) => {
      if (!req.disk) throw errors.invalid('disk', 'required');
      return domainToPb(await agent.attachDisk(req.hostId, req.vmId, diskFromPb(req.disk)));
    },
    detachDisk: async (req) => domainToPb(await agent.detachDisk(req.hostId, req.vmId, req.deviceId)),
    attachNic: async (req) => {
      if (!req.nic) throw errors.invalid('nic', 'required');
      return domainToPb(await agent.attachNic(req.hostId, req.vmId, nicFromPb(req.nic)));
    },
    detachNic: async (req) => domainToPb(await agent.detachNic(req.hostId, req.vmId, req.deviceId)),

    prepareIncoming: async (req) => {
      if (!req.spec) throw errors.invalid('spec', 'required');
      return domainToPb(await agent.prepareIncoming(req.hostId, specFromPb(req.spec), req.live));
    },
    migrateDomain: async (req) => {
      const result = await agent.migrateDomain({
        hostId: req.hostId,
        vmId: req.vmId,
        targetHostId: req.targetHostId,
        targetEndpoint: req.targetEndpoint,
        live: req.live,
      });
      return {
        domain: domainToPb(result.domain),
        transferredMib: result.transferredMib,
        downtimeMs: result.downtimeMs,
        durationMs: result.durationMs,
      };
    },
    receiveMigration: async (req) =>
      domainToPb(
        await agent.receiveMigration(req.hostId, {
          vmId: req.vmId,
          live: req.live,
          sourceState: stateFromPb(req.sourceState, 'source_state'),
          snapshots: [...req.snapshots],
          memoryImageMib: Number(req.memoryImageMib),
        }),
      ),
    abortIncoming: async (req) => ({ existed: await agent.abortIncoming(req.hostId, req.vmId) }),
    cancelMigration: async (req) => domainToPb(await agent.cancelMigration(req.hostId, req.vmId)),
    batch: async (req, ctx) => ({
      results: await Promise.all(req.ops.map((op) => runBatchOp(handlers, op as BatchOp, ctx))),
    }),
  };
  return handlers;
}

type BatchOp = reservoir.veeh.v1.BatchOp;
type BatchResult = { domain?: object; existed?: boolean; errorCode?: string; errorMessage?: string };

/** One operation of a batch through the same handler as its own RPC; its failure is its result. */
async function runBatchOp(
  h: Handlers<typeof HostAgentDefinition>,
  op: BatchOp,
  ctx: CallContext,
): Promise<BatchResult> {
  try {
    switch (op.op) {
      case 'create':
        return { domain: await h.createDomain(op.create as Parameters<typeof h.createDomain>[0], ctx) };
      case 'get':
        return { domain: await h.getDomain(op.get as Parameters<typeof h.getDomain>[0], ctx) };
      case 'start':
        return { domain: await h.startDomain(op.start as Parameters<typeof h.startDomain>[0], ctx) };
      case 'shutdown':
        return { domain: await h.shutdownDomain(op.shutdown as Parameters<typeof h.shutdownDomain>[0], ctx) };
      case 'destroy':
        return {
          existed: !!(await h.destroyDomain(op.destroy as Parameters<typeof h.destroyDomain>[0], ctx))
            .existed,
        };
      case 'suspend':
        return { domain: await h.suspendDomain(op.suspend as Parameters<typeof h.suspendDomain>[0], ctx) };
      case 'resume':
        return { domain: await h.resumeDomain(op.resume as Parameters<typeof h.resumeDomain>[0], ctx) };
      case 'reboot':
        return { domain: await h.rebootDomain(op.reboot as Parameters<typeof h.rebootDomain>[0], ctx) };
      default:
        throw errors.invalid('ops.op', 'an operation is required');
    }
  } catch (e) {
    const err = toReservoirError(e);
    return { errorCode: err.code, errorMessage: err.message };
  }
}
