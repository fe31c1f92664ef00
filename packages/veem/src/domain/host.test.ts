import { describe, expect, it } from 'vitest';
import { acceptsVms, hostState, type HostAdminState, type HostHealth } from './host.js';

const ADMIN: HostAdminState[] = ['enabled', 'disabled', 'maintenance'];
const HEALTH: HostHealth[] = ['init', 'monitored', 'error'];

describe('hostState', () => {
  it.each([
    ['enabled', 'init', 'init'],
    ['enabled', 'monitored', 'monitored'],
    ['enabled', 'error', 'error'],
    ['disabled', 'monitored', 'disabled'],
    ['disabled', 'init', 'disabled'],
    ['disabled', 'error', 'error'],
    ['maintenance', 'monitored', 'maintenance'],
    ['maintenance', 'error', 'error'],
  ] as const)('%s and %s shows as %s', (admin, health, shown) => {
    expect(hostState({ admin, health })).toBe(shown);
  });
});

describe('acceptsVms', () => {
  it('is true only for an enabled, monitored host', () => {
    for (const admin of ADMIN) {
      for (const health of HEALTH) {
        expect(acceptsVms({ admin, health }), `${admin}/${health}`).toBe(
          admin === 'enabled' && health === 'monitored',
        );
      }
    }
  });
});
