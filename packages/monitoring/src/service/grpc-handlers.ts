// MonitoringService over gRPC: protobuf in and out, the work in MonitoringService.
import { reservoir, type MonitoringServiceDefinition } from '@reservoir/contracts';
import { errors, visible, type CallContext, type Handlers } from '@reservoir/runtime';
import { probeInfoToPb } from '../codec/info-codec.js';
import type { AttributeSpec, AttributeType, DataSourceInfoJson, ProbeInfoJson } from '../codec/model.js';
import type { MonitoringService } from './monitoring-service.js';
import type { ServiceOrganizations } from './service-organizations.js';

const pb = reservoir.monitoring.v1;

const PB_TO_TYPE = new Map<number, AttributeType>([
  [pb.AttributeType.ATTRIBUTE_TYPE_DOUBLE, 'double'],
  [pb.AttributeType.ATTRIBUTE_TYPE_INT, 'int'],
  [pb.AttributeType.ATTRIBUTE_TYPE_STRING, 'string'],
  [pb.AttributeType.ATTRIBUTE_TYPE_BOOL, 'bool'],
]);

export function sourceToPb(s: DataSourceInfoJson): reservoir.monitoring.v1.DataSourceInfo.$Properties {
  return {
    id: s.id,
    name: s.name,
    site: s.site,
    kind: s.kind,
    probes: s.probes.map(probeInfoToPb),
    updatedAtMs: s.updatedAtMs,
  };
}

/** The definition of a probe to add: every field optional but the name. */
function probeDraft(
  p: reservoir.monitoring.v1.IProbeInfo | null | undefined,
): Partial<ProbeInfoJson> | undefined {
  if (!p) return undefined;
  const draft: Partial<ProbeInfoJson> = {};
  if (p.id) draft.id = p.id;
  if (p.name) draft.name = p.name;
  if (p.serviceId) draft.serviceId = p.serviceId;
  if (p.periodMs) draft.periodMs = p.periodMs;
  if (p.qos) {
    if (p.qos !== 1) throw errors.invalid('probe.qos', `must be 0 or 1, not ${p.qos}`);
    draft.qos = 1;
  }
  if (p.attributes?.length) {
    draft.attributes = p.attributes.map((a, i): AttributeSpec => {
      const type = PB_TO_TYPE.get(a.type ?? 0);
      if (!type) throw errors.invalid(`probe.attributes[${i}].type`, `unknown attribute type ${a.type}`);
      return { field: a.field ?? 0, name: a.name ?? '', type, units: a.units ?? '' };
    });
  }
  return draft;
}

/**
 * The probes the caller may see: a service's probes are its organization's, the others (hosts,
 * VMs, the platform) nobody's. A service whose organization cannot be found out stays hidden.
 */
async function visibleProbes(
  ctx: CallContext,
  probes: ProbeInfoJson[],
  organizations: ServiceOrganizations | undefined,
): Promise<ProbeInfoJson[]> {
  if (!ctx.may) return probes;
  const services = [...new Set(probes.map((p) => p.serviceId).filter((s) => s))];
  const orgOf = new Map(
    await Promise.all(
      services.map(async (s) => [s, await organizations?.of(s).catch(() => undefined)] as const),
    ),
  );
  return visible(ctx, 'monitoring.read', probes, (p) => ({
    type: 'monitoring',
    id: p.id,
    organization: (p.serviceId && orgOf.get(p.serviceId)) || null,
  }));
}

export function monitoringHandlers(
  service: MonitoringService,
  organizations?: ServiceOrganizations,
): Handlers<typeof MonitoringServiceDefinition> {
  return {
    listSources: (req) => ({
      sources: service.listSources({ kind: req.kind, site: req.site }).map(sourceToPb),
    }),
    listProbes: async (req, ctx) => {
      const probes = service.listProbes({ dataSourceId: req.dataSourceId, serviceId: req.serviceId });
      return { probes: (await visibleProbes(ctx, probes, organizations)).map(probeInfoToPb) };
    },
    controlProbe: async (req) => {
      const probe = probeDraft(req.probe);
      const info = await service.controlProbe({
        dataSourceId: req.dataSourceId,
        action: req.action,
        ...(req.probeId ? { probeId: req.probeId } : {}),
        ...(req.periodMs ? { periodMs: req.periodMs } : {}),
        ...(probe ? { probe } : {}),
        ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}),
        ...(req.site ? { site: req.site } : {}),
      });
      return probeInfoToPb(info);
    },
    pushKpi: (req) => ({
      probe: probeInfoToPb(
        service.pushKpi({
          serviceId: req.serviceId,
          name: req.name,
          value: req.value,
          ...(req.units ? { units: req.units } : {}),
        }),
      ),
    }),
  };
}
