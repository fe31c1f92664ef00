import { afterEach, describe, expect, it } from 'vitest';
import { ReservoirError } from '../errors.js';
import { counter, createServiceMetrics, startMetricsServer, type MetricsServer } from './index.js';

describe('startMetricsServer', () => {
  const servers: MetricsServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('serves each registry on its own port, in the text format, 404 elsewhere', async () => {
    const a = createServiceMetrics({ service: 'a', labels: { site: 's1' } });
    const b = createServiceMetrics({ service: 'b', processMetrics: false });
    counter(a, { name: 'a_things_total', help: 'Things.' }).inc(3);
    counter(b, { name: 'b_things_total', help: 'Things.' }).inc();
    servers.push(await startMetricsServer({ registry: a, listen: '127.0.0.1:0' }));
    servers.push(await startMetricsServer({ registry: b, listen: '127.0.0.1:0' }));
    const [sa, sb] = servers;
    expect(sa!.address).toMatch(/^127\.0\.0\.1:\d+$/);

    const ra = await fetch(`http://${sa!.address}/metrics`);
    expect(ra.status).toBe(200);
    expect(ra.headers.get('content-type')).toBe(a.contentType);
    const ta = await ra.text();
    expect(ta).toContain('a_things_total{site="s1",service="a"} 3');
    expect(ta).toContain('process_cpu_seconds_total{site="s1",service="a"}');
    expect(ta).not.toContain('b_things_total');
    expect(ta).not.toContain('nodejs_active_handles_total');

    const tb = await (await fetch(`http://${sb!.address}/metrics?x=1`)).text();
    expect(tb).toContain('b_things_total{service="b"} 1');
    expect(tb).not.toContain('process_cpu_seconds_total');

    expect((await fetch(`http://${sa!.address}/`)).status).toBe(404);
    expect((await fetch(`http://${sa!.address}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('asks its guard before a scrape: 401 without a credential, 403 refused, 429 with Retry-After', async () => {
    const registry = createServiceMetrics({ service: 'g', processMetrics: false });
    counter(registry, { name: 'g_total', help: 'G.' }).inc();
    const seen: string[] = [];
    servers.push(
      await startMetricsServer({
        registry,
        listen: '127.0.0.1:0',
        guard: (ctx) => {
          seen.push(ctx.method);
          const who = ctx.metadata.authorization;
          if (!who) throw new ReservoirError('UNAUTHENTICATED', 'no credential');
          if (who === 'Bearer viewer') throw new ReservoirError('PERMISSION_DENIED', 'not yours');
          if (who === 'Bearer busy')
            throw new ReservoirError('RESOURCE_EXHAUSTED', 'slow down', { retryAfterMs: 1500 });
        },
      }),
    );
    const url = `http://${servers[0]!.address}/metrics`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="reservoir"');
    expect(await anonymous.text()).toBe('UNAUTHENTICATED: no credential\n');
    expect((await fetch(url, { headers: { authorization: 'Bearer viewer' } })).status).toBe(403);
    const busy = await fetch(url, { headers: { authorization: 'Bearer busy' } });
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('2');
    const ok = await fetch(url, { headers: { authorization: 'Bearer admin' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('g_total{service="g"} 1');
    expect(seen).toEqual(['GET /metrics', 'GET /metrics', 'GET /metrics', 'GET /metrics']);
  });

  it('shares a metric registered twice under one name', () => {
    const r = createServiceMetrics({ service: 'c', processMetrics: false });
    expect(counter(r, { name: 'c_total', help: 'C.' })).toBe(counter(r, { name: 'c_total', help: 'C.' }));
  });

  it('refuses a malformed address', async () => {
    const r = createServiceMetrics({ service: 'd', processMetrics: false });
    await expect(startMetricsServer({ registry: r, listen: 'nowhere' })).rejects.toThrow(/host:port/);
  });
});
