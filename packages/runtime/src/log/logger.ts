import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: LevelWithSilent;
  /** Write to this file descriptor or path instead of stdout. */
  destination?: number | string;
}

/** Structured JSON logs, one line per event, tagged with the service name. */
export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? (process.env.RESERVOIR_LOG_LEVEL as LevelWithSilent | undefined) ?? 'info';
  const dest = pino.destination({ dest: options.destination ?? 1, sync: false });
  return pino({ level, base: { service: options.service }, timestamp: pino.stdTimeFunctions.isoTime }, dest);
}

/** A logger that writes nothing: for unit tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
