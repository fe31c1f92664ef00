import { isReservoirError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import type { ReadyLine } from './service-process.js';

// The end of every service's main.ts: say where it listens on stdout (startService waits for
// that line), stop cleanly on SIGTERM or SIGINT, and exit 1 with a one-line cause on failure.

/** Prints the ready line startService waits for. */
export function announceListening(line: Omit<ReadyLine, 'event'>): void {
  process.stdout.write(`${JSON.stringify({ event: 'listening', ...line })}\n`);
}

/** Runs `stop` once on the first SIGTERM or SIGINT, then exits 0. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await stop();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void onSignal('SIGTERM'));
  process.on('SIGINT', () => void onSignal('SIGINT'));
}

/** Runs a service's main; a failure prints `<service>: CODE: message` (or the stack) and exits 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    process.stderr.write(
      `${service}: ${isReservoirError(e) ? `${e.code}: ${e.message}` : ((e as Error).stack ?? String(e))}\n`,
    );
    process.exit(1);
  });
}
