import { describe, expect, it } from 'vitest';
import { ServiceOrganizations } from './service-organizations.js';

describe('the organizations of services', () => {
  const counting = (known: Record<string, string>) => {
    const asked: string[] = [];
    const lookup = async (id: string) => {
      asked.push(id);
      return known[id];
    };
    return { asked, lookup };
  };

  it('asks once per known service, even when asked concurrently', async () => {
    const { asked, lookup } = counting({ shop: 'acme' });
    const orgs = new ServiceOrganizations(lookup);
    expect(await Promise.all([orgs.of('shop'), orgs.of('shop')])).toEqual(['acme', 'acme']);
    expect(await orgs.of('shop')).toBe('acme');
    expect(asked).toEqual(['shop']);
  });

  it('asks about an unknown service again once its time is up', async () => {
    const { asked, lookup } = counting({});
    let now = 0;
    const orgs = new ServiceOrganizations(lookup, { unknownTtlMs: 1000, clock: () => now });
    expect(await orgs.of('ghost')).toBeUndefined();
    now = 999;
    expect(await orgs.of('ghost')).toBeUndefined();
    now = 1000;
    expect(await orgs.of('ghost')).toBeUndefined();
    expect(asked).toEqual(['ghost', 'ghost']);
  });

  it('keeps at most maxEntries services, forgetting the oldest', async () => {
    const { asked, lookup } = counting({ a: 'x', b: 'x', c: 'x' });
    const orgs = new ServiceOrganizations(lookup, { maxEntries: 2 });
    for (const id of ['a', 'b', 'c', 'c', 'b', 'a']) await orgs.of(id);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });

  it('answers UNAVAILABLE when it cannot find out, and asks again next time', async () => {
    let fail = true;
    const orgs = new ServiceOrganizations(async () => {
      if (fail) throw new Error('connection refused');
      return 'acme';
    });
    await expect(orgs.of('shop')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('connection refused'),
    });
    fail = false;
    expect(await orgs.of('shop')).toBe('acme');
  });
});
