// `npm run export`: writes the raw event log (or a filtered part of it) as NDJSON with its hash chain,
// to a file or stdout. The whole log, or whole streams (--category, --stream), can be imported
// into an empty store; a part cut by --type or --after is for reading only.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { exportEvents, type ExportFilter } from '../audit/ndjson.ts';
import { openEventStore } from '../eventstore/index.ts';
import { encodePosition, positionCursor } from '../eventstore/position.ts';
import { progressLine, withProgress } from './progress.ts';
import { describeFileError, parseFlags, requireEventStore, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run export -- [--out <file>|-] [--category <c>]... [--type <t>]... [--stream <s>]... [--after <cursor>]

Writes the raw events of SAPAT_DATA_DIR's store as NDJSON: a header line, then one line per event.

  --out <file>|-      where to write (default -, stdout; the summary goes to stderr)
  --category <c>      only streams of this category (repeatable), e.g. license
  --type <t>          only events of this type (repeatable): for reading, not for import
  --stream <s>        only this stream (repeatable)
  --after <cursor>    only events after this position: for reading, not for import

Exit status: 0 written, 2 bad usage or the store could not be read.`;

const flags = {
  out: { type: 'string' as const, default: '-' },
  category: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  type: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  stream: { type: 'string' as const, multiple: true as const, default: [] as string[] },
  after: { type: 'string' as const },
};

function filterOf(values: ReturnType<typeof parseFlags<typeof flags>>): ExportFilter {
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
    throw new UsageError(`--out ${out}: cannot write it (${describeFileError(error)})`);
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
  const values = parseFlags('export', argv, flags);
  const filter = filterOf(values);
  const config = toolConfig();
  requireEventStore(config);
  const progress = progressLine(process.stderr, 'export');
  const store = withProgress(openEventStore(config), progress);
  try {
    const out = await openOutput(values.out);
    const { events, streams } = await exportEvents(store, out, filter);
    progress.done();
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
    }
    console.error(
      `Exported ${events} events of ${streams} streams (${describe(filter)}) from the ${store.kind} store to ${values.out === '-' ? 'stdout' : values.out}.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

runTool('export', usage, main);
