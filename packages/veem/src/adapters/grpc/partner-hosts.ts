import { toReservoirError, type Logger } from '@reservoir/runtime';
import type { FederationSettings } from '../../app/federation/settings.js';
import type { Veem } from '../../app/veem.js';
import { partnerEndpoint } from './partner-agent.js';

/**
 * Registers every partner whose agreement allows bursting as one large host, retrying while the
 * partner is not answering yet (sites of a federation start in any order).
 */
export function registerPartnerHosts(
  veem: Veem,
  settings: FederationSettings,
  logger: Logger,
): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // The agreements are read on every round: a partner added to them is registered on the next.
  const attempt = async () => {
    for (const { site } of settings.partners.filter((p) => p.burst)) {
      const endpoint = partnerEndpoint(site);
      if ([...veem.ctx.inv.hosts.values()].some((h) => h.agentEndpoint === endpoint)) continue;
      try {
        await veem.hosts.register({ name: `partner-${site}`, agentEndpoint: endpoint, agentHostId: site });
        logger.info({ site }, 'partner site registered as a large host');
      } catch (e) {
        logger.debug({ site, err: toReservoirError(e).message }, 'partner not registered yet');
      }
    }
    if (!stopped) {
      timer = setTimeout(() => void attempt(), 1000);
      timer.unref();
    }
  };
  void attempt();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
