// Export and import of the raw log as NDJSON: a header line, then one line per recorded event with
// its hash-chain link, streamed in position order in both directions (never the log in memory).
//
// Lossless, precisely: export a store, import the file into an empty store (of either adapter) and
// export that: every event line is identical except `position` and `recordedAt`, which the
// receiving store assigns on append (the port has no way to set them). Everything the hash covers
// (stream, revision, id, type, data, metadata) and the hashes themselves come through unchanged, and
// event lines are written with data and metadata in canonical JSON (keys sorted), so the same event
// gives the same line from either adapter. The header differs in `exportedAt` (and `store`).
//
// Import is all or nothing as far as the file can decide: the whole file is checked first (header,
// every line's shape, every stream's chain from revision 0, every hash recomputed) and nothing is
// written unless all of it holds. While writing, each stored event's hash, as the target store
// computed it, must equal the exported one; if the target disagrees (or refuses an append), import
// stops and says which lines the target already holds.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { canonicalJson } from '../eventstore/hashchain.ts';
import { encodePosition, positionCursor, type Position } from '../eventstore/position.ts';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../eventstore/types.ts';
import { chainFollower, type LinkFault } from './verify.ts';

export type ExportFilter = {
  categories?: string[];
  eventTypes?: string[];
  streams?: string[];
  /** Only events strictly after this position. */
  after?: Position;
};

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash: 64 lowercase hex characters');

const headerSchema = z.strictObject({
  format: z.literal('sapat-events'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  filter: z.strictObject({
    categories: z.array(z.string()),
    eventTypes: z.array(z.string()),
    streams: z.array(z.string()),
    after: z.string().nullable(),
  }),
  store: z.enum(['sqlite', 'kurrentdb']),
});
type Header = z.infer<typeof headerSchema>;

const eventLineSchema = z.strictObject({
  id: z.string().min(1),
  stream: z.string().min(1),
  revision: z.int().min(0),
  position: positionCursor,
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
  // Kept whole: the hash covers the metadata exactly as the hub wrote it, whatever its shape then.
  metadata: z.looseObject({ prevHash: sha256Hex, hash: sha256Hex }),
  recordedAt: z.iso.datetime(),
});

/** Fixed field order, data and metadata canonical: equal events give equal lines. */
function eventLine(event: RecordedEvent): string {
  const text = JSON.stringify;
  return (
    `{"id":${text(event.id)},"stream":${text(event.stream)},"revision":${event.revision},` +
    `"position":${text(encodePosition(event.position))},"type":${text(event.type)},` +
    `"data":${canonicalJson(event.data)},"metadata":${canonicalJson(event.metadata)},"recordedAt":${text(event.recordedAt)}}`
  );
}

const categoryOf = (stream: string): string => stream.split('-', 1)[0] ?? stream;

async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Writes the header and the matching raw events to `out` (which stays open). */
export async function exportEvents(
  store: EventStore,
  out: Writable,
  filter: ExportFilter = {},
  now: Date = new Date(),
): Promise<{ events: number; streams: number }> {
  const header: Header = {
    format: 'sapat-events',
    version: 1,
    exportedAt: now.toISOString(),
    filter: {
      categories: filter.categories ?? [],
      eventTypes: filter.eventTypes ?? [],
      streams: filter.streams ?? [],
      after: filter.after ? encodePosition(filter.after) : null,
    },
    store: store.kind,
  };
  await writeLine(out, JSON.stringify(header));
  const { categories, eventTypes, streams } = header.filter;
  const wanted = new Set(streams);
  // The store filters by category; named streams narrow the read to their categories.
  const readCategories = categories.length > 0 || streams.length === 0 ? categories : [...new Set(streams.map(categoryOf))];
  const seen = new Set<string>();
  let events = 0;
  for await (const event of store.readAll({ ...(filter.after ? { after: filter.after } : {}), filter: { categories: readCategories, eventTypes } })) {
    if (wanted.size > 0 && !wanted.has(event.stream)) continue;
    await writeLine(out, eventLine(event));
    seen.add(event.stream);
    events += 1;
  }
  return { events, streams: seen.size };
}

/** Import stopped. `line` is the 1-based line of the file; the message says what the target holds. */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly stream?: string,
    readonly revision?: bigint,
  ) {
    super(line === undefined ? message : `line ${line}${stream ? ` (stream ${stream} revision ${revision})` : ''}: ${message}`);
  }
}

/** One event line: the event as it is appended (without its chain link) and the link it was exported with. */
type ImportLine = { line: number; stream: string; revision: bigint; event: NewEvent; prevHash: string; hash: string };

const issueText = (issue: z.core.$ZodIssue): string => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportRefusedError(`not JSON (${(error as Error).message})`, line);
  }
}

/** A filtered export that leaves out parts of streams can never rebuild them. */
function refuseFilteredExport(header: Header): void {
  const readingOnly = 'it is for reading, not for import; export without it to import';
  if (header.filter.eventTypes.length > 0) {
    throw new ImportRefusedError(
      `this export is filtered by event type (${header.filter.eventTypes.join(', ')}), which leaves gaps in its streams: ${readingOnly}`,
      1,
    );
  }
  if (header.filter.after !== null) {
    throw new ImportRefusedError(`this export starts after position ${header.filter.after}, so its streams lack their beginnings: ${readingOnly}`, 1);
  }
}

/** The file's events in order, each line parsed and checked for shape; the header checked first. */
async function* importLines(file: string): AsyncGenerator<ImportLine> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') throw new ImportRefusedError('empty line: every line must be one JSON object', line);
    if (line === 1) {
      const header = headerSchema.safeParse(parseJson(text, line));
      if (!header.success) throw new ImportRefusedError(`not a sapat-events export header: ${issueText(header.error.issues[0]!)}`, line);
      refuseFilteredExport(header.data);
      continue;
    }
    const parsed = eventLineSchema.safeParse(parseJson(text, line));
    if (!parsed.success) throw new ImportRefusedError(issueText(parsed.error.issues[0]!), line);
    const { id, stream, type, data, metadata } = parsed.data;
    const { prevHash, hash, ...unlinked } = metadata;
    // Without its link: the target store computes the chain itself, and must arrive at `hash`.
    yield { line, stream, revision: BigInt(parsed.data.revision), event: { id, type, data, metadata: unlinked as EventMetadata }, prevHash, hash };
  }
  if (line === 0) throw new ImportRefusedError('the file is empty: expected a sapat-events header line', 1);
}

function describeFault(fault: LinkFault): string {
  switch (fault.problem) {
    case 'revision_out_of_sequence': {
      const [expected, found] = [BigInt(fault.expected), BigInt(fault.found)];
      const partial = 'an export filtered by event type is for reading, not for import';
      if (found < expected) return `revision ${found} comes after revision ${expected - 1n}: a line is repeated or out of order`;
      return expected === 0n
        ? `the stream starts at revision ${found}, not 0: the file holds only part of it (${partial})`
        : `the stream skips from revision ${expected - 1n} to ${found}: an event is missing (${partial})`;
    }
    case 'previous_hash_mismatch':
      return `prevHash is not the hash of the stream's previous event (expected ${fault.expected}, found ${fault.found})`;
    case 'content_hash_mismatch':
      return `the event does not hash to its recorded hash (expected ${fault.expected}, found ${fault.found}): it was changed after export`;
  }
}

/** The first pass: the whole file must hold before anything is written. */
async function checkFile(file: string): Promise<void> {
  const chain = chainFollower();
  for await (const { line, stream, revision, event, prevHash, hash } of importLines(file)) {
    const fault = chain.follow({ ...event, stream, revision, metadata: { ...event.metadata, prevHash, hash } });
    if (fault) throw new ImportRefusedError(`${describeFault(fault)}; nothing was imported`, line, stream, revision);
  }
}

/** Events of one stream appended together; large enough to make import fast, small enough to hold. */
const BATCH_SIZE = 500;

type Progress = { events: number; lastLine: number };

const targetHolds = (progress: Progress): string =>
  progress.events === 0
    ? 'the target is still empty'
    : `the target now holds the ${progress.events === 1 ? 'event of line 2' : `${progress.events} events of lines 2 to ${progress.lastLine}`}: discard it before importing again`;

/** Appends a run of one stream's consecutive lines at their own revisions, then checks what the target stored. */
async function writeBatch(store: EventStore, batch: ImportLine[], progress: Progress): Promise<void> {
  const first = batch[0]!;
  const { stream } = first;
  try {
    await store.append(
      stream,
      batch.map((item) => item.event),
      first.revision === 0n ? 'no_stream' : first.revision - 1n,
    );
  } catch (error) {
    throw new ImportRefusedError(
      `the target store refused the append (${(error as Error).message}); ${targetHolds(progress)}`,
      first.line,
      stream,
      first.revision,
    );
  }
  // An append is atomic: from here on the whole run is in the target, whatever the check below finds.
  progress.events += batch.length;
  progress.lastLine = batch.at(-1)!.line;
  let checked = 0;
  for await (const stored of store.readStream(stream, { from: first.revision, limit: batch.length })) {
    const expected = batch[checked]!;
    if (stored.revision !== expected.revision || stored.id !== expected.event.id) {
      throw new ImportRefusedError(
        `the target stored event ${stored.id} at revision ${stored.revision} instead; ${targetHolds(progress)}`,
        expected.line,
        stream,
        expected.revision,
      );
    }
    if (stored.metadata.hash !== expected.hash) {
      throw new ImportRefusedError(
        `the target store computed hash ${String(stored.metadata.hash)} but the export has ${expected.hash}, so it did not keep the event as exported; ${targetHolds(progress)}`,
        expected.line,
        stream,
        expected.revision,
      );
    }
    checked += 1;
  }
  if (checked < batch.length) {
    const missing = batch[checked]!;
    throw new ImportRefusedError(
      `the target store did not store this event (is its id repeated in the file?); ${targetHolds(progress)}`,
      missing.line,
      stream,
      missing.revision,
    );
  }
}

export type ImportSummary = { events: number; streams: number; headPosition: string | null };

/**
 * Imports an export file into an empty raw store (never the upcasting view: hashes are checked on
 * the data as stored). Throws ImportRefusedError, whose message says what the target holds.
 */
export async function importEvents(store: EventStore, file: string): Promise<ImportSummary> {
  const head = await store.headPosition();
  if (head !== undefined) {
    throw new ImportRefusedError(
      `the target ${store.kind} store is not empty (its log reaches position ${encodePosition(head)}): import only into an empty store, so that revisions and chains come out as exported; nothing was imported`,
      undefined,
    );
  }
  await checkFile(file);
  const progress: Progress = { events: 0, lastLine: 1 };
  const streams = new Set<string>();
  let batch: ImportLine[] = [];
  for await (const item of importLines(file)) {
    if (batch.length > 0 && (batch[0]!.stream !== item.stream || batch.length === BATCH_SIZE)) {
      await writeBatch(store, batch, progress);
      batch = [];
    }
    batch.push(item);
    streams.add(item.stream);
  }
  if (batch.length > 0) await writeBatch(store, batch, progress);
  const headAfter = await store.headPosition();
  return { events: progress.events, streams: streams.size, headPosition: headAfter ? encodePosition(headAfter) : null };
}
