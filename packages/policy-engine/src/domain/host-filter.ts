import type { PeHost } from './model.js';

/** An allowed/forbidden filter matches a host when every part it gives (ids, tag values) does. */
export function filterMatches(
  filter: { hosts?: string[]; tags?: Record<string, string[]> },
  host: PeHost,
): boolean {
  if (filter.hosts && !filter.hosts.includes(host.id)) return false;
  if (filter.tags)
    for (const [tag, values] of Object.entries(filter.tags)) {
      const have = host.tags[tag];
      if (have === undefined || !values.includes(have)) return false;
    }
  return true;
}
