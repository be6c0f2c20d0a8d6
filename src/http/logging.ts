// Structured logs: one JSON object per line on stdout, stamped with the time, the level and the
// correlation id of the exchange it belongs to (a `correlationId` field, given by whoever writes
// on behalf of an exchange; Yoga's lines find it from the error they log). Stacks of unexpected
// errors are written here and nowhere else: responses carry a masked message.
import type { YogaLogger } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { correlated, exchangeOfError } from './exchange.ts';
import { isClientError } from './masking.ts';

export type LogLevel = Config['logLevel'];
type Level = Exclude<LogLevel, 'silent'>;
export type LogFields = Record<string, unknown>;
export type LogSink = (line: string) => void;
export type Logger = Record<Level, (msg: string, fields?: LogFields) => void>;

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const stdout: LogSink = (line) => void process.stdout.write(line);

export function createLogger(level: LogLevel, sink: LogSink = stdout): Logger {
  const at =
    (entryLevel: Level) =>
    (msg: string, fields: LogFields = {}) => {
      if (rank[entryLevel] < rank[level]) return;
      const entry = { time: new Date().toISOString(), level: entryLevel, msg, ...fields };
      sink(`${JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** An error as log fields: the original cause's name, message and stack, and the GraphQL path. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: { message: String(error) } };
  const original = (error as { originalError?: unknown }).originalError;
  const cause = original instanceof Error ? original : error;
  const path = (error as { path?: unknown }).path;
  return { error: { name: cause.name, message: cause.message, stack: cause.stack, ...(path ? { path } : {}) } };
}

const rootName = (error: Error): string => {
  const original = (error as { originalError?: unknown }).originalError;
  return original instanceof Error ? rootName(original) : error.name;
};

/** Yoga logs its own diagnostics and every error it masks through this; a caller's mistake is not a fault. */
export function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: Level) =>
    (...args: unknown[]) => {
      const error = args.find((a) => a instanceof Error);
      const request = correlated(exchangeOfError(error));
      if (error && isClientError(error)) logger.info('client error', { ...request, error: { name: rootName(error), message: error.message } });
      else if (error)
        logger[level](level === 'error' ? 'unexpected error (masked in the response)' : (error as Error).message, { ...request, ...errorFields(error) });
      else logger[level](args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}
