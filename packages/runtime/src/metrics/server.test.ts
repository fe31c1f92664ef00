import { afterEach, describe, expect, it } from 'vitest';
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

  it('shares a metric registered twice under one name', () => {
    const r = createServiceMetrics({ service: 'c', processMetrics: false });
    expect(counter(r, { name: 'c_total', help: 'C.' })).toBe(counter(r, { name: 'c_total', help: 'C.' }));
  });

  it('refuses a malformed address', async () => {
    const r = createServiceMetrics({ service: 'd', processMetrics: false });
    await expect(startMetricsServer({ registry: r, listen: 'nowhere' })).rejects.toThrow(/host:port/);
  });
});
