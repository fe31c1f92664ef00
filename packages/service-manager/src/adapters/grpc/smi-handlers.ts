import {
  reservoir,
  type ServiceManagerServiceDefinition,
  type TaskServiceDefinition,
} from '@reservoir/contracts';
import {
  errors,
  taskHandlers,
  taskToPb,
  visible,
  type Handlers,
  type TaskRegistry,
} from '@reservoir/runtime';
import { estimateCost, loadManifest } from '../../manifest/index.js';
import type { ServiceManager, ServiceWithTask } from '../../app/service-manager.js';
import { serviceAttrs } from './access.js';
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
    deployService: async (req, ctx) =>
      withTask(
        await sm.deploy({
          manifest: req.manifest,
          fileName: req.fileName,
          requestId: req.requestId,
          // Left empty, the service is the caller's, in the caller's organization.
          organization: req.organization || ctx.principal?.organization || '',
          owner: req.owner || ctx.principal?.id || '',
          properties: req.properties ?? {},
          packageManifest: req.packageManifest,
          packageCertificate: req.packageCertificate,
          descriptorName: req.descriptorName,
        }),
      ),
    getService: async (req) => toPb(await sm.get(req.id)),
    listServices: async (req, ctx) => {
      const all = await sm.list({ organization: req.organization, includeEnded: req.includeFinished });
      return { services: visible(ctx, 'service.read', all, serviceAttrs).map(toPb) };
    },
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
    estimateCost: async (req, ctx) => {
      const file = req.fileName || 'manifest';
      // An authenticated caller is quoted by its organization's price list, as its deploy would be.
      const quoted = await sm.quote(req.manifest, file, ctx.principal?.organization ?? '');
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

/** The TaskService of the SM's operations; a listing holds the tasks of services the caller may read. */
export function smTaskHandlers(tasks: TaskRegistry): Handlers<typeof TaskServiceDefinition> {
  const handlers = taskHandlers(tasks);
  return {
    ...handlers,
    listTasks: async (req, ctx) => {
      const page = await handlers.listTasks(req, ctx);
      return {
        ...page,
        tasks: visible(ctx, 'service.read', page.tasks ?? [], (t) => ({
          type: 'service',
          id: t.targetId ?? '',
          organization: t.organization || null,
          owner: t.owner || null,
        })),
      };
    },
  };
}
