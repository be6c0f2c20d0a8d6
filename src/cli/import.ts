// `npm run import`: loads an NDJSON export into the empty event store of SAPAT_DATA_DIR (or
// SAPAT_STORE=kurrentdb). The file is checked whole before anything is written, and every hash the
// target store computes must equal the exported one.
import { mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ImportRefusedError, importEvents } from '../audit/ndjson.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { StoreUnavailableError } from '../eventstore/errors.ts';
import { openEventStore } from '../eventstore/index.ts';

const usage = `Usage: npm run import -- --in <file>

Imports an export made by \`npm run export\` into the EMPTY event store of SAPAT_DATA_DIR.

  --in <file>   the NDJSON export (the whole log, or whole streams by --category/--stream)

Exit status: 0 imported, 1 refused (the file does not verify, or the store is not empty),
2 bad usage or the store could not be reached.`;

/** An expected problem: its message is the whole story, no stack trace. */
class UsageError extends Error {}

function inputFile(argv: string[]): string | undefined {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { in: { type: 'string' }, help: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')} (npm run import -- --help shows the options)`);
  }
  if (values.help) return undefined;
  if (values.in === undefined) throw new UsageError('--in <file> is required: the export to import');
  try {
    if (!statSync(values.in).isFile()) throw new UsageError(`--in ${values.in}: not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--in ${values.in}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return values.in;
}

async function main(argv: string[]): Promise<number> {
  const file = inputFile(argv);
  if (file === undefined) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  if (config.store === 'sqlite') mkdirSync(config.dataDir, { recursive: true });
  const store = openEventStore(config);
  try {
    const summary = await importEvents(store, file);
    console.log(
      // Not the KurrentDB URL: it may carry credentials.
      `Imported ${summary.events} events of ${summary.streams} streams from ${file} into the ${store.kind} store` +
        `${config.store === 'sqlite' ? ` in ${config.dataDir}` : ''}, head position ${summary.headPosition ?? 'none'}; ` +
        'every hash the store computed matches the export.',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportRefusedError)) throw error;
    console.error(`Import refused: ${error.message}`);
    return 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const expected = [UsageError, ConfigError, StoreUnavailableError, Database.SqliteError].some((kind) => error instanceof kind);
    console.error(expected ? `import: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}` : error);
    process.exitCode = 2;
  },
);
