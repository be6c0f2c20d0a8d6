// `npm run replay`: rebuilds every read model from the event log into a fresh database and compares
// a digest of each with the live one. A match proves the live read models are what the events say;
// a mismatch names the read model that drifted (a projection changed without a version bump, a row
// edited by hand, a fold that is not deterministic).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { openReadModelDatabase, type ReadModelDatabase } from '../../projections/database.ts';
import { readModelDigests, rebuildInto, type ReadModelDigest } from '../../projections/digest.ts';
import type { ProjectionDefinition } from '../../projections/projection.ts';
import { StoreUnavailableError } from '../eventstore/errors.ts';
import { openEventStore } from '../eventstore/index.ts';
import { progressLine, withProgress } from './progress.ts';
import { parseFlags, runTool, toolConfig, UsageError } from './tool.ts';
import { allProjections } from '../modules.ts';

const usage = `Usage: npm run replay -- [--json] [--keep <file>]

Rebuilds every read model from the event log into a fresh database and compares each with the
live one in <SAPAT_DATA_DIR>/read-models.db.

  --json          print one JSON document instead of lines
  --keep <file>   keep the rebuilt database at <file> (a new file) for inspection

Exit status: 0 every read model matches the replay, 1 a mismatch, 2 bad usage or nothing to
compare, 3 not comparable now (the live read models are not at the log's head, or serve another
projection version).`;

type Outcome = 'match' | 'mismatch' | 'not-at-head' | 'other-version' | 'missing';
type Side = ReadModelDigest & { position: string | null };
type Comparison = { name: string; outcome: Outcome; message: string; live: Side | null; replay: Side };

const exitCodes = { match: 0, mismatch: 1, usage: 2, notComparable: 3 } as const;

function options(argv: string[]): { json: boolean; keep: string | undefined } {
  const values = parseFlags('replay', argv, {
    json: { type: 'boolean' as const, default: false },
    keep: { type: 'string' as const },
  });
  return { json: values.json, keep: values.keep };
}

/** Where the serving version of each read model stands in the log, by read model name. */
function servingPositions(db: ReadModelDatabase): Map<string, string | null> {
  const rows = db.prepare("SELECT name, position FROM projection_checkpoints WHERE state = 'live'").all() as { name: string; position: string | null }[];
  return new Map(rows.map((r) => [r.name, r.position]));
}

const withPositions = (digests: ReadModelDigest[], positions: Map<string, string | null>): Map<string, Side> =>
  new Map(digests.map((d) => [d.name, { ...d, position: positions.get(d.name) ?? null }]));

/** The live read models as one snapshot: checkpoints and rows read in the same transaction. */
function liveSnapshot(path: string, projections: ProjectionDefinition[]): Map<string, Side> {
  let db: ReadModelDatabase;
  try {
    // query_only rather than readonly: SQLite refuses every write all the same, and on close this
    // connection can still tidy the WAL files away that a readonly one would leave behind.
    db = new Database(path, { fileMustExist: true });
    db.pragma('query_only = ON');
  } catch (error) {
    throw new UsageError(`cannot open the live read models at ${path}: ${(error as Error).message}`);
  }
  try {
    const hasCheckpoints = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'").get();
    if (!hasCheckpoints) throw new UsageError(`${path} holds no read models (no projection checkpoints): start the hub once so it builds them`);
    return db.transaction(() => {
      const positions = servingPositions(db);
      return withPositions(
        readModelDigests(
          db,
          projections.filter((p) => positions.has(p.name)),
        ),
        positions,
      );
    })();
  } finally {
    db.close();
  }
}

const short = (digest: string): string => `${digest.slice(0, 12)}…`;
const at = (position: string | null): string => (position === null ? 'the start of the log (no events)' : `position ${position}`);

function compare(projection: ProjectionDefinition, live: Side | undefined, replay: Side): Comparison {
  const { name } = projection;
  const base = { name, live: live ?? null, replay };
  if (!live) {
    return {
      ...base,
      outcome: 'missing',
      message: `${name} v${replay.version}: not compared: the live database has no ${name} read model (the hub has not run this projection yet); start the hub, then run replay again`,
    };
  }
  if (live.version !== replay.version) {
    return {
      ...base,
      outcome: 'other-version',
      message: `${name}: not compared: the live database serves v${live.version}, this code's projection is v${replay.version}; the hub builds v${replay.version} beside v${live.version} and swaps it in once caught up, run replay again after that`,
    };
  }
  if (live.position !== replay.position) {
    return {
      ...base,
      outcome: 'not-at-head',
      message: `${name} v${live.version}: not compared: the live read model is at ${at(live.position)}, but the log's head was ${at(replay.position)} when the replay started; a running hub keeps moving, so stop it (or let it catch up) and run replay again`,
    };
  }
  if (live.rows === replay.rows && live.digest === replay.digest) {
    return { ...base, outcome: 'match', message: `${name} v${live.version}: ${live.rows} rows, digest ${short(live.digest)}, matches the replay` };
  }
  return {
    ...base,
    outcome: 'mismatch',
    message: `${name} v${live.version}: MISMATCH: live ${live.rows} rows ${short(live.digest)}, replay ${replay.rows} rows ${short(replay.digest)}`,
  };
}

function exitCodeOf(comparisons: Comparison[]): number {
  if (comparisons.some((c) => c.outcome === 'mismatch')) return exitCodes.mismatch;
  if (comparisons.some((c) => c.outcome !== 'match')) return exitCodes.notComparable;
  return exitCodes.match;
}

async function main(argv: string[]): Promise<number> {
  const { json, keep } = options(argv);
  const config = toolConfig();
  const livePath = join(config.dataDir, 'read-models.db');
  if (!existsSync(livePath))
    throw new UsageError(
      `no live read-model database at ${livePath}: start the hub once (npm start) with this SAPAT_DATA_DIR, or point SAPAT_DATA_DIR at the hub's data directory`,
    );
  const keepPath = keep === undefined ? undefined : resolve(keep);
  if (keepPath && existsSync(keepPath)) throw new UsageError(`--keep ${keep}: the file already exists; the rebuild needs a new, empty database`);
  if (keepPath && !existsSync(dirname(keepPath))) throw new UsageError(`--keep ${keep}: the directory ${dirname(keepPath)} does not exist`);

  const progress = progressLine(process.stderr, 'replay');
  const store = withProgress(openEventStore(config), progress);
  let scratch: string | undefined;
  let replayDb: ReadModelDatabase | undefined;
  try {
    // Live first, then the rebuild, which reads the log's head once and stops there: the replay's
    // checkpoints are that head, so a live read model is compared only when it stands there too.
    const live = liveSnapshot(livePath, allProjections);
    if (!keepPath) scratch = mkdtempSync(join(tmpdir(), 'sapat-replay-'));
    replayDb = openReadModelDatabase(keepPath ?? join(scratch!, 'read-models.db'));
    const started = performance.now();
    try {
      await rebuildInto(store, replayDb, allProjections);
    } catch (error) {
      progress.done();
      if (error instanceof StoreUnavailableError) throw error;
      // The live hub folded these same events; a rebuild that cannot is itself the finding.
      const reason = error instanceof z.ZodError ? `an event's data does not fit its schema:\n${z.prettifyError(error)}` : (error as Error).message;
      const message = `MISMATCH: the rebuild from the log failed: ${reason}`;
      if (json) console.log(JSON.stringify({ error: message, readModels: [], kept: keepPath ?? null }, null, 2));
      else console.log(message);
      return exitCodes.mismatch;
    }
    progress.done();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const replay = withPositions(readModelDigests(replayDb, allProjections), servingPositions(replayDb));
    // Every rebuilt checkpoint stands at the head the rebuild read.
    const head = [...replay.values()][0]?.position ?? null;
    const comparisons = allProjections.map((p) => compare(p, live.get(p.name), replay.get(p.name)!));
    if (json) {
      console.log(JSON.stringify({ head, readModels: comparisons, kept: keepPath ?? null }, null, 2));
    } else {
      const replayed = head === null ? 'the empty log' : `the log up to position ${head}`;
      console.log(`Replayed ${replayed} into a fresh database in ${seconds} s (store: ${store.kind}, data: ${config.dataDir}).`);
      for (const c of comparisons) console.log(c.message);
      if (keepPath) console.log(`The rebuilt database is kept at ${keepPath}.`);
    }
    return exitCodeOf(comparisons);
  } finally {
    replayDb?.close();
    await store.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

runTool('replay', usage, main);
