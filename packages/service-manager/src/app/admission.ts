import type { ServiceManifest } from '../manifest/model.js';
import { componentDiskMib } from '../domain/disk.js';
import { costPerHour } from './cost.js';
import type { SmContext } from './context.js';
import type { AdmissionVm } from './ports.js';

/**
 * Why a service may not run at this site (empty when it may): deployment constraints, business
 * directives, missing images, and, with a Policy Engine, whether the initial VMs fit together.
 */
export async function admissionProblems(
  ctx: SmContext,
  m: ServiceManifest,
  organization: string,
): Promise<{ reasons: string[]; imageIds: Record<string, string>; imageSizes: Record<string, number> }> {
  const { settings } = ctx;
  const reasons: string[] = [];
  const d = m.deployment;
  if (d.allowedSites.length > 0 && !d.allowedSites.includes(settings.site))
    reasons.push(`site ${settings.site} is not among the allowed sites (${d.allowedSites.join(', ')})`);
  if (d.allowedCountries.length > 0 && !d.allowedCountries.includes(settings.country))
    reasons.push(`site ${settings.site} is in ${settings.country}, not in ${d.allowedCountries.join(', ')}`);
  if (d.legalZones.length > 0 && !d.legalZones.includes(settings.legalZone))
    reasons.push(
      `site ${settings.site} is in legal zone ${settings.legalZone}, not ${d.legalZones.join(', ')}`,
    );
  const providers = m.business.allowedProviders;
  if (providers.length > 0 && !providers.includes(settings.provider))
    reasons.push(
      `provider ${settings.provider} is not among the allowed providers (${providers.join(', ')})`,
    );
  const initial = Object.fromEntries(m.components.map((c) => [c.id, c.instances.initial]));
  const cost = costPerHour(m, initial, settings.prices);
  if (m.business.budgetPerHour !== null && cost > m.business.budgetPerHour + 1e-9)
    reasons.push(
      `the initial deployment costs ${cost.toFixed(4)} ${settings.prices.currency}/h, over the budget of ${m.business.budgetPerHour} ${m.business.currency}/h`,
    );

  const imageIds: Record<string, string> = {};
  const imageSizes: Record<string, number> = {};
  const used = new Set(m.components.flatMap((c) => c.disks.flatMap((x) => (x.fileRef ? [x.fileRef] : []))));
  for (const fileId of used) {
    const file = m.files.find((f) => f.id === fileId);
    const name = imageNameOf(file?.href ?? fileId);
    // The image is registered under the file's name (its href's last part) or the file id.
    const image =
      (await ctx.veem.findImage(name, organization)) ?? (await ctx.veem.findImage(fileId, organization));
    if (image) {
      imageIds[fileId] = image.id;
      imageSizes[fileId] = image.sizeMib;
    } else {
      reasons.push(
        `image "${name}" (file ${fileId}) is not registered at site ${settings.site}; register it first (reservoir image register ${name} --format … --file …)`,
      );
    }
  }

  if (reasons.length === 0 && ctx.admission) {
    const vms: AdmissionVm[] = [];
    const byComponent = new Map<string, string[]>();
    for (const c of m.components) {
      const ids: string[] = [];
      for (let i = 0; i < c.instances.initial; i++) {
        const id = `${c.id}-${i}`;
        ids.push(id);
        vms.push({ id, vcpus: c.cpus, memoryMib: c.memoryMiB, diskMib: componentDiskMib(c, imageSizes) });
      }
      byComponent.set(c.id, ids);
    }
    const groups = m.affinity
      .filter((a) => a.scope === 'host')
      .map((a) => ({
        type: a.type,
        hard: a.hard,
        vmIds: a.components.flatMap((c) => byComponent.get(c) ?? []),
      }));
    const hosts = await ctx.veem.listHosts();
    reasons.push(...(await ctx.admission.check({ vms, groups, hosts })));
  }
  return { reasons, imageIds, imageSizes };
}

/** The VEEM image name a manifest file maps to: the last part of its href. */
export function imageNameOf(href: string): string {
  return href.split(/[\\/]/).pop() || href;
}
