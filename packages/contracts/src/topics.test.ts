import { describe, expect, it } from 'vitest';
import { parseTopic, topics, topicFilter } from './topics.js';

describe('topics', () => {
  it('builds and parses a VM state topic', () => {
    const t = topics.vmState('site-a', 'vm-42');
    expect(t).toBe('reservoir/v1/site-a/veem/vm/vm-42/state');
    expect(parseTopic(t)).toEqual({
      site: 'site-a',
      domain: 'veem',
      entity: 'vm',
      id: 'vm-42',
      event: 'state',
    });
  });

  it('refuses segments that would break the hierarchy', () => {
    expect(() => topics.vmState('site/a', 'x')).toThrow(/site "site\/a"/);
    expect(() => topics.vmState('a', '#')).toThrow(/id "#"/);
  });

  it('builds wildcard filters', () => {
    expect(topicFilter('+', 'veem', 'vm', '+', 'state')).toBe('reservoir/v1/+/veem/vm/+/state');
    expect(parseTopic('other/v1/a/b/c/d/e')).toBeUndefined();
  });

  it('builds monitoring topics and filters', () => {
    expect(topics.monitoringData('site-a', 'ds-1')).toBe(
      'reservoir/v1/site-a/monitoring/datasource/ds-1/data',
    );
    expect(topics.monitoringInfo('site-a', 'ds-1')).toBe(
      'reservoir/v1/site-a/monitoring/datasource/ds-1/info',
    );
    expect(topics.monitoringControl('site-a', 'ds-1')).toBe(
      'reservoir/v1/site-a/monitoring/datasource/ds-1/control',
    );
    expect(topics.monitoringControlAck('site-a', 'ds-1')).toBe(
      'reservoir/v1/site-a/monitoring/datasource/ds-1/ack',
    );
    expect(topics.allMonitoringData('+')).toBe('reservoir/v1/+/monitoring/datasource/+/data');
    expect(topics.allMonitoringData('site-a', 'ds-1')).toBe(topics.monitoringData('site-a', 'ds-1'));
    expect(topics.allMonitoringInfo('site-a')).toBe('reservoir/v1/site-a/monitoring/datasource/+/info');
    expect(parseTopic(topics.monitoringInfo('s', 'd'))).toMatchObject({
      domain: 'monitoring',
      id: 'd',
      event: 'info',
    });
  });
});
