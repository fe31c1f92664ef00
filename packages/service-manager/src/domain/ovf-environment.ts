import { errors } from '@reservoir/runtime';
import type { Component } from '../manifest/model.js';

// The OVF environment document (DSP0243 §11) each instance receives: its resolved properties
// plus the platform's keys. Property values may use macros, resolved at instance creation:
//   @serviceId, @instanceId, @instanceIndex, @kpiEndpoint,
//   @address(component[, network])   the first instance's address on that network (the master)
//   @addresses(component[, network]) every instance's address, comma-separated

const ENV_NS = 'http://schemas.dmtf.org/ovf/environment/1';

export interface EnvironmentInput {
  serviceId: string;
  site: string;
  component: Component;
  instanceId: string;
  instanceIndex: number;
  /** Where the instance pushes its KPIs (host:port of the monitoring service). */
  kpiEndpoint: string;
  /** Dependency component id → its instances' addresses by network, oldest first. */
  dependencies: Record<string, Record<string, string>[]>;
  /** Deploy-time values of user-configurable properties, by property key. */
  values: Record<string, string>;
}

export interface Environment {
  properties: Record<string, string>;
  document: string;
}

const MACRO =
  /@(serviceId|instanceId|instanceIndex|kpiEndpoint)\b|@(address|addresses)\(\s*([A-Za-z0-9._-]+)\s*(?:,\s*([A-Za-z0-9._ -]+?)\s*)?\)/g;

export function buildEnvironment(input: EnvironmentInput): Environment {
  const properties: Record<string, string> = {};
  for (const p of input.component.properties) {
    const raw = p.userConfigurable && input.values[p.key] !== undefined ? input.values[p.key]! : p.value;
    properties[p.key] = resolveMacros(raw, input, `${input.component.id}.${p.key}`);
  }
  const platform: Record<string, string> = {
    'reservoir.service.id': input.serviceId,
    'reservoir.site': input.site,
    'reservoir.component': input.component.id,
    'reservoir.instance.id': input.instanceId,
    'reservoir.instance.index': String(input.instanceIndex),
    'reservoir.kpi.endpoint': input.kpiEndpoint,
  };
  for (const [dep, instances] of Object.entries(input.dependencies)) {
    const networks = new Set(instances.flatMap((i) => Object.keys(i)));
    for (const net of networks) {
      platform[`reservoir.dependency.${dep}.${net}`] = instances
        .map((i) => i[net])
        .filter((a): a is string => a !== undefined)
        .join(',');
    }
  }
  Object.assign(properties, platform);
  return { properties, document: renderDocument(input.instanceId, properties) };
}

function resolveMacros(value: string, input: EnvironmentInput, where: string): string {
  return value.replace(
    MACRO,
    (_m, simple: string | undefined, fn: string | undefined, comp?: string, net?: string) => {
      if (simple === 'serviceId') return input.serviceId;
      if (simple === 'instanceId') return input.instanceId;
      if (simple === 'instanceIndex') return String(input.instanceIndex);
      if (simple === 'kpiEndpoint') return input.kpiEndpoint;
      const instances = input.dependencies[comp ?? ''];
      if (instances === undefined) {
        throw errors.invalid(
          where,
          `@${fn}(${comp}) names a component that ${input.component.id} does not depend on`,
        );
      }
      const pick = (i: Record<string, string>) => (net ? i[net] : Object.values(i)[0]);
      const addresses = instances.map(pick).filter((a): a is string => a !== undefined);
      return fn === 'address' ? (addresses[0] ?? '') : addresses.join(',');
    },
  );
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

function renderDocument(id: string, properties: Record<string, string>): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `    <Property oe:key="${escapeXml(k)}" oe:value="${escapeXml(v)}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Environment xmlns="${ENV_NS}" xmlns:oe="${ENV_NS}" oe:id="${escapeXml(id)}">
  <PlatformSection>
    <Kind>Reservoir</Kind>
    <Version>1</Version>
    <Locale>en</Locale>
  </PlatformSection>
  <PropertySection>
${props}
  </PropertySection>
</Environment>
`;
}
