// What every command-line tool of the hub shares: flags parsed with node:util, expected problems
// reported in one line (never a stack trace) with exit status 2, and the configuration read for a
// tool, which does not need the server's token settings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { StoreUnavailableError } from '../eventstore/errors.ts';

/** An expected problem: its message is the whole story, no stack trace. */
export class UsageError extends Error {}

export const describeFileError = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Flags as `parseArgs` reads them; a wrong flag becomes a UsageError that points at --help. */
export function parseFlags<Options extends NonNullable<ParseArgsConfig['options']>>(tool: string, argv: string[], options: Options) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')} (npm run ${tool} -- --help shows the options)`);
  }
}

export const toolConfig = (): Config => loadConfig(process.env, 'tool');

/** The embedded store's file must exist: a tool pointed at the wrong directory must not create an empty log. */
export function requireEventStore(config: Config): void {
  const database = join(config.dataDir, 'events.db');
  if (config.store === 'sqlite' && !existsSync(database)) {
    throw new UsageError(`no event store at ${database}: point SAPAT_DATA_DIR at the hub's data directory`);
  }
}

/**
 * Runs a tool: `--help` (or `-h`) anywhere prints its usage and nothing else runs; otherwise its main's
 * outcome becomes the exit status, and `expected` errors print one line.
 */
export function runTool(tool: string, usage: string, main: (argv: string[]) => Promise<number>, expected: (new (...args: never[]) => Error)[] = []): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  const known = [UsageError, ConfigError, StoreUnavailableError, Database.SqliteError, ...expected];
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const isExpected = known.some((kind) => error instanceof kind);
      console.error(isExpected ? `${tool}: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}` : error);
      process.exitCode = 2;
    },
  );
}
