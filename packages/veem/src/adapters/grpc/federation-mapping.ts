import type { reservoir } from '@reservoir/contracts';
import type { DifferenceLike } from '../../app/federation/ports.js';
import type { SiteOffer, StepReply, Transfer, VmDescriptor } from '../../app/federation/types.js';
import { profileFromPb, resourcesFromPb } from './agent-gateway.js';

export function offerToPb(o: SiteOffer): reservoir.veem.v1.SiteOffer.$Properties {
  return {
    site: o.site,
    country: o.country,
    currency: o.currency,
    pricePerVcpuHour: o.pricePerVcpuHour,
    pricePerGibHour: o.pricePerGibHour,
    hosts: o.hosts.map((h) => ({
      id: h.id,
      name: h.name,
      profile: { ...h.profile, diskFormats: [...h.profile.diskFormats] },
      free: h.free,
      capacity: h.capacity,
      cpuModel: h.cpuModel,
      labels: h.labels,
    })),
    networks: o.networks,
    licences: o.licences,
    allowedCountries: o.allowedCountries,
    agreementCap: o.agreementCap,
    agreementUsed: o.agreementUsed,
  };
}

export function offerFromPb(o: reservoir.veem.v1.ISiteOffer): SiteOffer {
  return {
    site: o.site ?? '',
    country: o.country ?? '',
    currency: o.currency ?? '',
    pricePerVcpuHour: Number(o.pricePerVcpuHour ?? 0),
    pricePerGibHour: Number(o.pricePerGibHour ?? 0),
    hosts: (o.hosts ?? []).map((h) => ({
      id: h.id ?? '',
      name: h.name ?? '',
      profile: profileFromPb(h.profile),
      free: resourcesFromPb(h.free),
      capacity: resourcesFromPb(h.capacity),
      cpuModel: h.cpuModel ?? '',
      labels: { ...(h.labels ?? {}) },
    })),
    networks: (o.networks ?? []).map((n) => ({ name: n.name ?? '', cidr: n.cidr ?? '' })),
    licences: [...(o.licences ?? [])],
    allowedCountries: [...(o.allowedCountries ?? [])],
    agreementCap: resourcesFromPb(o.agreementCap),
    agreementUsed: resourcesFromPb(o.agreementUsed),
  };
}

export function descriptorToPb(v: VmDescriptor): reservoir.veem.v1.IVmDescriptor {
  return { ...v, nics: v.nics.map((n) => ({ ...n })) };
}

export function descriptorFromPb(v: reservoir.veem.v1.IVmDescriptor | null | undefined): VmDescriptor {
  return {
    id: v?.id ?? '',
    name: v?.name ?? '',
    resources: resourcesFromPb(v?.resources),
    diskFormat: v?.diskFormat ?? '',
    requirements: { ...(v?.requirements ?? {}) },
    labels: { ...(v?.labels ?? {}) },
    context: { ...(v?.context ?? {}) },
    nics: (v?.nics ?? []).map((n) => ({
      networkId: n.networkId ?? '',
      networkName: n.networkName ?? '',
      ip: n.ip ?? '',
      cidr: n.cidr ?? '',
    })),
    state: v?.state ?? '',
    organization: v?.organization ?? '',
    owner: v?.owner ?? '',
    sourceSite: v?.sourceSite ?? '',
    sourceHost: v?.sourceHost ?? '',
    sourceHypervisor: v?.sourceHypervisor ?? '',
    sourceCountry: v?.sourceCountry ?? '',
    sourceCpuModel: v?.sourceCpuModel ?? '',
  };
}

export function differenceFromPb(d: reservoir.veem.v1.IDifference): DifferenceLike {
  return {
    code: d.code ?? '',
    severity: d.severity ?? '',
    field: d.field ?? '',
    message: d.message ?? '',
    ...(d.source ? { source: d.source } : {}),
    ...(d.target ? { target: d.target } : {}),
  };
}

export function replyToPb(r: StepReply & { differences?: DifferenceLike[] }): reservoir.veem.v1.IStepReply {
  return { ...r, differences: r.differences ?? [] };
}

export function replyFromPb(r: reservoir.veem.v1.IStepReply): StepReply & { differences: DifferenceLike[] } {
  return {
    confirmed: !!r.confirmed,
    code: r.code ?? '',
    message: r.message ?? '',
    targetVmId: r.targetVmId ?? '',
    targetHost: r.targetHost ?? '',
    targetFormat: r.targetFormat ?? '',
    targetImageId: r.targetImageId ?? '',
    state: r.state ?? '',
    ...(r.guest
      ? {
          guest: {
            cpuModel: r.guest.cpuModel ?? '',
            vcpus: r.guest.vcpus ?? 0,
            memoryMib: r.guest.memoryMib ?? 0,
            ips: [...(r.guest.ips ?? [])],
            routes: [...(r.guest.routes ?? [])],
          },
        }
      : {}),
    differences: (r.differences ?? []).map(differenceFromPb),
  };
}

export function transferToPb(t: Transfer): reservoir.veem.v1.ITransfer {
  return {
    id: t.id,
    vmId: t.vmId,
    mode: t.mode,
    sourceSite: t.sourceSite,
    targetSite: t.targetSite,
    targetHost: t.targetHost,
    state: t.state,
    step: t.step,
    targetVmId: t.targetVmId,
    sourceFormat: t.sourceFormat,
    targetFormat: t.targetFormat,
    sha256: t.sha256,
    diskBytes: t.diskBytes,
    errorCode: t.errorCode,
    errorMessage: t.errorMessage,
    log: t.log.map((l) => ({ ...l })),
    taskId: t.taskId,
    createdAtMs: t.createdAtMs,
    level: t.level,
  };
}
