// `npm run export`: writes the raw event log (or a filtered part of it) as NDJSON with its hash chain,
// to a file or stdout. The whole log, or whole streams (--category, --stream), can be imported
// into an empty store; a part cut by --type or --after is for reading only.
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { exportEvents, type ExportFilter } from '../audit/ndjson.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { StoreUnavailableError } from '../eventstore/errors.ts';
import { openEventStore } from '../eventstore/index.ts';
import { encodePosition, positionCursor } from '../eventstore/position.ts';

const usage = `Usage: npm run export -- [--out <file>|-] [--category <c>]... [--type <t>]... [--stream <s>]... [--after <cursor>]

Writes the raw events of SAPAT_DATA_DIR's store as NDJSON: a header line, then one line per event.

  --out <file>|-      where to write (default -, stdout; the summary goes to stderr)
  --category <c>      only streams of this category (repeatable), e.g. license
  --type <t>          only events of this type (repeatable): for reading, not for import
  --stream <s>        only this stream (repeatable)
  --after <cursor>    only events after this position: for reading, not for import

Exit status: 0 written, 2 bad usage or the store could not be read.`;

/** An expected problem: its message is the whole story, no stack trace. */
class UsageError extends Error {}

function options(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', default: '-' },
        category: { type: 'string', multiple: true, default: [] },
        type: { type: 'string', multiple: true, default: [] },
        stream: { type: 'string', multiple: true, default: [] },
        after: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    return values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')} (npm run export -- --help shows the options)`);
  }
}

function filterOf(values: ReturnType<typeof options>): ExportFilter {
  const after = values.after === undefined ? undefined : positionCursor.safeParse(values.after);
  if (after && !after.success) throw new UsageError(`--after ${values.after}: ${after.error.issues[0]!.message}`);
  return { categories: values.category, eventTypes: values.type, streams: values.stream, ...(after ? { after: after.data } : {}) };
}

async function openOutput(out: string): Promise<Writable> {
  if (out === '-') return process.stdout;
  const file = createWriteStream(out);
  try {
    await once(file, 'open');
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return file;
}

const describe = (filter: ExportFilter): string => {
  const parts = [
    filter.categories?.length ? `categories ${filter.categories.join(', ')}` : '',
    filter.eventTypes?.length ? `types ${filter.eventTypes.join(', ')}` : '',
    filter.streams?.length ? `streams ${filter.streams.join(', ')}` : '',
    filter.after ? `after position ${encodePosition(filter.after)}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'the whole log' : parts.join('; ');
};

async function main(argv: string[]): Promise<number> {
  const values = options(argv);
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const filter = filterOf(values);
  const config = loadConfig();
  const database = join(config.dataDir, 'events.db');
  if (config.store === 'sqlite' && !existsSync(database)) {
    throw new UsageError(`no event store at ${database}: point SAPAT_DATA_DIR at the hub's data directory`);
  }
  const store = openEventStore(config);
  try {
    const out = await openOutput(values.out);
    const { events, streams } = await exportEvents(store, out, filter);
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
    }
    console.error(`Exported ${events} events of ${streams} streams (${describe(filter)}) from the ${store.kind} store to ${values.out === '-' ? 'stdout' : values.out}.`);
    return 0;
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
    console.error(expected ? `export: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}` : error);
    process.exitCode = 2;
  },
);
