import { reservoir, type ServiceManagerServiceDefinition } from '@reservoir/contracts';
import { errors, taskToPb, type Handlers } from '@reservoir/runtime';
import { estimateCost, loadManifest } from '../../manifest/index.js';
import type { ServiceManager, ServiceWithTask } from '../../app/service-manager.js';
import { eventToPb, serviceToPb } from './mapping.js';

const Mode = reservoir.sm.v1.ServiceRecoverMode;

export function smiHandlers(sm: ServiceManager): Handlers<typeof ServiceManagerServiceDefinition> {
  const prices = sm.ctx.settings.prices;
  const toPb = (s: ServiceWithTask['service']) => serviceToPb(s, sm.costPerHour(s), prices.currency);
  const withTask = (r: ServiceWithTask) => ({
    service: toPb(r.service),
    ...(r.task ? { task: taskToPb(r.task) } : {}),
  });
  return {
    deployService: async (req) =>
      withTask(
        await sm.deploy({
          manifest: req.manifest,
          fileName: req.fileName,
          requestId: req.requestId,
          organization: req.organization,
          owner: req.owner,
          properties: req.properties ?? {},
        }),
      ),
    getService: async (req) => toPb(await sm.get(req.id)),
    listServices: async (req) => ({
      services: (await sm.list({ organization: req.organization, includeEnded: req.includeFinished })).map(
        toPb,
      ),
    }),
    scaleService: async (req) => withTask(await sm.scale(req.id, req.component, req.instances)),
    updateRules: async (req) => withTask(await sm.updateRules(req.id, req.document, req.fileName || 'rules')),
    undeployService: async (req) => withTask(await sm.undeploy(req.id)),
    suspendService: async (req) => withTask(await sm.suspend(req.id, req.reason)),
    resumeService: async (req) => withTask(await sm.resume(req.id)),
    recoverService: async (req) => {
      if (req.mode !== Mode.SERVICE_RECOVER_MODE_RETRY && req.mode !== Mode.SERVICE_RECOVER_MODE_DELETE)
        throw errors.invalid('mode', 'must be retry or delete');
      return withTask(
        await sm.recover(req.id, req.mode === Mode.SERVICE_RECOVER_MODE_RETRY ? 'retry' : 'delete'),
      );
    },
    exportService: async (req) => ({ ovf: await sm.export(req.id) }),
    listEvents: async (req) => ({
      events: (await sm.events(req.id, Number(req.afterSeq ?? 0), req.limit || 500)).map(eventToPb),
    }),
    getInstanceEnvironment: async (req) => {
      const i = await sm.environment(req.serviceId, req.instanceId);
      return { instanceId: i.id, document: i.environment, properties: i.properties };
    },
    estimateCost: async (req) => {
      const file = req.fileName || 'manifest';
      const quoted = await sm.quote(req.manifest, file, '');
      const m = loadManifest(req.manifest, file, { prices, ...quoted });
      const e = quoted.estimate ?? estimateCost(m, prices);
      return {
        perHourAtInitial: e.perHourAtInitial,
        perHourAtMax: e.perHourAtMax,
        currency: e.currency,
        budgetPerHour: m.business.budgetPerHour ?? 0,
        components: e.perComponent.map((c) => ({
          component: c.component,
          perInstanceHour: c.perInstanceHour,
          atInitial: c.perHourAtInitial,
          atMax: c.perHourAtMax,
        })),
      };
    },
  };
}
