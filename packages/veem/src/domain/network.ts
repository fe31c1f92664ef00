export type NetworkScope = 'vapp' | 'organization' | 'external';
export const NETWORK_SCOPES: readonly NetworkScope[] = ['vapp', 'organization', 'external'];

export interface Network {
  id: string;
  name: string;
  cidr: string;
  gateway: string;
  rangeStart: string;
  rangeEnd: string;
  organization: string;
  scope: NetworkScope;
  vlan: number;
  createdAtMs: number;
}

export interface Lease {
  networkId: string;
  ip: string;
  mac: string;
  vmId: string;
}
