// Verifying the log: every stream's hash chain, and optionally the heads a signed checkpoint vouched
// for. It reads the store raw (the hash covers the data as stored, before any upcasting), once, in
// position order, in the store's own pages; all it keeps is each stream's head, so memory grows with
// the number of streams, not of events.
import type { KeyObject } from 'node:crypto';
import { CorruptEventError } from '../eventstore/errors.ts';
import { eventHash, GENESIS_HASH } from '../eventstore/hashchain.ts';
import { encodePosition } from '../eventstore/position.ts';
import type { EventStore, RecordedEvent } from '../eventstore/types.ts';
import { checkSignature, type ChainHead, type Checkpoint, type CheckpointSignature } from './checkpoint.ts';

/** Which check a link failed, in the order they are made. */
export type ChainProblem =
  /** The revision is not the previous one plus 1 (0 for a stream's first event): an event is missing or out of place. */
  | 'revision_out_of_sequence'
  /** `prevHash` is not the hash of the stream's previous event (GENESIS_HASH for the first). */
  | 'previous_hash_mismatch'
  /** The event's content no longer hashes to the `hash` it was stored with: it was edited. */
  | 'content_hash_mismatch';

export type LinkFault = { problem: ChainProblem; expected: string; found: string };

export type BrokenLink = LinkFault & { stream: string; revision: bigint; position: string; eventId: string };

export type CheckpointProblem =
  /** The checkpoint names a stream the store no longer has. */
  | 'stream_missing'
  /** The stream no longer has the checkpointed revision: its tail was cut off. */
  | 'revision_missing'
  /** The event at the checkpointed revision has another hash: history was rewritten. */
  | 'hash_differs';

export type CheckpointDiscrepancy = {
  stream: string;
  problem: CheckpointProblem;
  /** The revision the checkpoint recorded as the stream's head. */
  revision: bigint;
  expectedHash: string;
  /** The hash stored at that revision, if the store still has it. */
  foundHash: string | null;
  /** The stream's last revision in the store, if it has any. */
  storeRevision: bigint | null;
};

export type CheckpointCheck = CheckpointSignature & {
  /** Signature valid, signer trusted (when a trusted key was given), and every head still in place. */
  intact: boolean;
  createdAt: string;
  headPosition: string | null;
  streamsChecked: number;
  discrepancies: CheckpointDiscrepancy[];
};

export type IntegrityReport = {
  intact: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Position cursor of the last event read; null for an empty log. */
  headPosition: string | null;
  /** The first broken link in log order. */
  firstBrokenLink: BrokenLink | null;
  /** The first broken link of each broken stream, in the order they were found. */
  brokenStreams: BrokenLink[];
  checkpoint: CheckpointCheck | null;
  /** Set when a stored event could not even be parsed (its JSON was damaged): the check stopped there. */
  unreadable: { afterPosition: string | null; message: string } | null;
};

type Linkable = Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'type' | 'data' | 'metadata'>;

const stringOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Follows every stream's chain through events given in log order, keeping each stream's head. Also
 * used by import, to check a file before anything is written from it.
 */
export function chainFollower() {
  const heads = new Map<string, ChainHead>();
  return {
    heads: heads as ReadonlyMap<string, ChainHead>,
    follow(event: Linkable): LinkFault | undefined {
      const head = heads.get(event.stream);
      const prevHash = stringOrUndefined(event.metadata.prevHash);
      const hash = stringOrUndefined(event.metadata.hash);
      // The next event is checked against what this one actually stored, broken or not, so one bad
      // event is reported once and does not make every later link of its stream look broken too.
      heads.set(event.stream, { revision: event.revision, hash: hash ?? '' });
      const expectedRevision = head === undefined ? 0n : head.revision + 1n;
      if (event.revision !== expectedRevision) {
        return { problem: 'revision_out_of_sequence', expected: String(expectedRevision), found: String(event.revision) };
      }
      const expectedPrevHash = head?.hash ?? GENESIS_HASH;
      if (prevHash !== expectedPrevHash) return { problem: 'previous_hash_mismatch', expected: expectedPrevHash, found: prevHash ?? '(none)' };
      const recomputed = eventHash(event, expectedPrevHash);
      if (hash !== recomputed) return { problem: 'content_hash_mismatch', expected: recomputed, found: hash ?? '(none)' };
      return undefined;
    },
  };
}

export type Verification = { report: IntegrityReport; heads: ReadonlyMap<string, ChainHead> };

/** Checks every chain of the raw store and, when given, the checkpoint's heads against it. */
export async function verifyLog(store: EventStore, options: { checkpoint?: Checkpoint; trustedKey?: KeyObject } = {}): Promise<Verification> {
  const chain = chainFollower();
  const brokenStreams = new Map<string, BrokenLink>();
  const checkpointed = options.checkpoint?.streams ?? {};
  const hashesAtCheckpoint = new Map<string, string | undefined>();
  let eventsChecked = 0;
  let headPosition: string | null = null;
  let unreadable: IntegrityReport['unreadable'] = null;

  try {
    for await (const event of store.readAll()) {
      eventsChecked += 1;
      const position = encodePosition(event.position);
      headPosition = position;
      const fault = chain.follow(event);
      if (fault && !brokenStreams.has(event.stream)) {
        brokenStreams.set(event.stream, { stream: event.stream, revision: event.revision, position, eventId: event.id, ...fault });
      }
      const head = Object.hasOwn(checkpointed, event.stream) ? checkpointed[event.stream] : undefined;
      if (head !== undefined && BigInt(head.revision) === event.revision) hashesAtCheckpoint.set(event.stream, stringOrUndefined(event.metadata.hash));
    }
  } catch (error) {
    // A row whose JSON was damaged by hand is tampering too; it is reported, not thrown.
    if (!(error instanceof CorruptEventError)) throw error;
    unreadable = { afterPosition: headPosition, message: error.message };
  }

  const checkpoint = options.checkpoint ? compareWithCheckpoint(options.checkpoint, options.trustedKey, chain.heads, hashesAtCheckpoint) : null;
  const broken = [...brokenStreams.values()];
  return {
    report: {
      intact: broken.length === 0 && unreadable === null && (checkpoint?.intact ?? true),
      eventsChecked,
      streamsChecked: chain.heads.size,
      headPosition,
      firstBrokenLink: broken[0] ?? null,
      brokenStreams: broken,
      checkpoint,
      unreadable,
    },
    heads: chain.heads,
  };
}

function compareWithCheckpoint(
  checkpoint: Checkpoint,
  trustedKey: KeyObject | undefined,
  heads: ReadonlyMap<string, ChainHead>,
  hashesAtCheckpoint: ReadonlyMap<string, string | undefined>,
): CheckpointCheck {
  const discrepancies: CheckpointDiscrepancy[] = [];
  for (const [stream, expected] of Object.entries(checkpoint.streams)) {
    const revision = BigInt(expected.revision);
    const storeRevision = heads.get(stream)?.revision ?? null;
    const base = { stream, revision, expectedHash: expected.hash, storeRevision };
    if (storeRevision === null) discrepancies.push({ ...base, problem: 'stream_missing', foundHash: null });
    else if (!hashesAtCheckpoint.has(stream)) discrepancies.push({ ...base, problem: 'revision_missing', foundHash: null });
    else if (hashesAtCheckpoint.get(stream) !== expected.hash) {
      discrepancies.push({ ...base, problem: 'hash_differs', foundHash: hashesAtCheckpoint.get(stream) ?? null });
    }
  }
  const signature = checkSignature(checkpoint, trustedKey);
  return {
    ...signature,
    intact: signature.signatureValid && signature.signerTrusted !== false && discrepancies.length === 0,
    createdAt: checkpoint.createdAt,
    headPosition: checkpoint.headPosition,
    streamsChecked: Object.keys(checkpoint.streams).length,
    discrepancies,
  };
}
