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
});
