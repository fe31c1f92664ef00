// A stand-in Policy Engine served over real gRPC: a separate service the VEEM talks to through
// its real client. It records every PlaceRequest and answers with a simple deterministic rule:
// each VM, in order, on the first host it is not excluded from, that its allowed / forbidden
// constraints and hard host anti-affinity permit, and that has room; sets all or nothing.
import { PolicyServiceDefinition, reservoir } from '@reservoir/contracts';
import { errors, GrpcServer, silentLogger } from '@reservoir/runtime';

export interface PlainConstraint {
  type: string;
  vms: string[];
  scope: string;
  hard: boolean;
  tag: string;
  min: number;
  hosts: string[];
  tags: Record<string, { values: string[] }>;
}

export interface PlainPlaceVm {
  id: string;
  demand: number[];
  host: string;
  excluded: { host: string; reason: string }[];
}

export interface PlainPlaceRequest {
  resources: string[];
  hosts: {
    id: string;
    capacity: number[];
    overcommit: number[];
    used: number[];
    tags: Record<string, string>;
  }[];
  vms: PlainPlaceVm[];
  placed: PlainPlaceVm[];
  constraints: PlainConstraint[];
}

export function firstFit(req: PlainPlaceRequest): reservoir.pe.v1.PlaceResponse.$Properties {
  const room = new Map(
    req.hosts.map((h) => [h.id, h.capacity.map((c, r) => c * (h.overcommit[r] ?? 1) - (h.used[r] ?? 0))]),
  );
  const hostOf = new Map<string, string>(req.placed.map((p) => [p.id, p.host]));
  const assignment: Record<string, string> = {};
  const unplaced: { vm: string; reasons: string[] }[] = [];
  const about = (vm: string) => req.constraints.filter((c) => c.vms.includes(vm));
  const permits = (vm: string, host: string) =>
    about(vm).every((c) => {
      if (c.type === 'allowed' && c.hosts.length > 0) return c.hosts.includes(host);
      if (c.type === 'forbidden') return !c.hosts.includes(host);
      if (c.type === 'anti-affinity' && c.scope === 'host' && c.hard)
        return c.vms.every((o) => o === vm || hostOf.get(o) !== host);
      return true;
    });
  for (const vm of req.vms) {
    const excluded = new Set(vm.excluded.map((e) => e.host));
    const host = req.hosts.find(
      (h) =>
        !excluded.has(h.id) &&
        permits(vm.id, h.id) &&
        vm.demand.every((d, r) => d <= (room.get(h.id)![r] ?? 0)),
    );
    if (!host) {
      unplaced.push({
        vm: vm.id,
        reasons: [`no room on ${req.hosts.length - excluded.size} hosts`, `excluded from ${excluded.size}`],
      });
      continue;
    }
    assignment[vm.id] = host.id;
    hostOf.set(vm.id, host.id);
    const left = room.get(host.id)!;
    vm.demand.forEach((d, r) => (left[r] = (left[r] ?? 0) - d));
  }
  for (const c of req.constraints) {
    if (c.type !== 'all-or-nothing' || c.vms.every((v) => assignment[v])) continue;
    for (const v of c.vms) {
      if (!assignment[v]) continue;
      delete assignment[v];
      unplaced.push({ vm: v, reasons: ['its set cannot be placed whole'] });
    }
  }
  return { assignment, unplaced, policyVersion: 1, ms: 0.1 };
}

export interface PolicyEngineDouble {
  address: string;
  port: number;
  requests: PlainPlaceRequest[];
  stop(): Promise<void>;
}

/** Serves the double on 127.0.0.1, on the given port (0: any free one). */
export async function startPolicyEngineDouble(
  port = 0,
  requests: PlainPlaceRequest[] = [],
): Promise<PolicyEngineDouble> {
  const unimplemented = () => {
    throw errors.unimplemented('only Place is served by this double');
  };
  const server = new GrpcServer({ logger: silentLogger() }).addService(
    'reservoir.pe.v1.PolicyService',
    PolicyServiceDefinition,
    {
      getPolicy: unimplemented,
      setPolicy: unimplemented,
      solve: unimplemented,
      optimize: unimplemented,
      chooseSite: unimplemented,
      place: (req) => {
        const plain = reservoir.pe.v1.PlaceRequest.toObject(req as reservoir.pe.v1.PlaceRequest, {
          defaults: true,
          arrays: true,
          objects: true,
        }) as PlainPlaceRequest;
        requests.push(plain);
        return firstFit(plain);
      },
    },
  );
  const bound = await server.listen(`127.0.0.1:${port}`);
  return {
    address: `127.0.0.1:${bound}`,
    port: bound,
    requests,
    stop: () => server.shutdown(0),
  };
}
