// At start the hub checks the newest links of its hash chains: the events written last are the ones a
// crash, a restored backup or a hand edit touches first. A full check is `npm run verify` (it reads
// the whole log); this one reads a bounded tail so it costs nothing on a large log. It warns, it does
// not refuse: the operator decides, with verify naming every broken link.
import type { Logger } from '../http/logging.ts';
import { encodePosition, positionOf } from '../eventstore/position.ts';
import type { EventStore, RecordedEvent } from '../eventstore/types.ts';
import { chainFollower, type BrokenLink } from './verify.ts';

/** How many of the newest events are checked. */
export const TAIL_EVENTS = 1000;

/**
 * The broken links among the newest events of the log. Positions of the embedded store are numbers
 * in sequence, so its tail can be found by arithmetic; KurrentDB's are byte offsets, which cannot,
 * so there the check is left to `npm run verify`, and the result is undefined.
 */
export async function brokenChainTails(store: EventStore, tailEvents = TAIL_EVENTS): Promise<BrokenLink[] | undefined> {
  if (store.kind !== 'sqlite') return undefined;
  const head = await store.headPosition();
  if (head === undefined) return [];
  const start = head.commit > BigInt(tailEvents) ? head.commit - BigInt(tailEvents) : 0n;
  const tail: RecordedEvent[] = [];
  for await (const event of store.readAll({ ...(start > 0n ? { after: positionOf(start) } : {}), limit: tailEvents })) tail.push(event);
  const chain = chainFollower();
  const broken: BrokenLink[] = [];
  for (const event of tail) {
    // Each stream's chain is picked up at the event before its first one in the tail, taken as stored.
    if (!chain.heads.has(event.stream) && event.revision > 0n) {
      for await (const previous of store.readStream(event.stream, { from: event.revision - 1n, direction: 'backwards', limit: 1 })) chain.follow(previous);
    }
    const fault = chain.follow(event);
    if (fault) broken.push({ stream: event.stream, revision: event.revision, position: encodePosition(event.position), eventId: event.id, ...fault });
  }
  return broken;
}

/** One warning line when the tail does not verify; a tail that cannot even be read is reported too. */
export async function warnOnBrokenChainTails(store: EventStore, logger: Logger): Promise<void> {
  try {
    const broken = await brokenChainTails(store);
    if (!broken || broken.length === 0) return;
    const first = broken[0]!;
    logger.warn(
      `the newest events' hash chains do not verify: ${broken.length} broken link(s) among the last ${TAIL_EVENTS} events, the first in stream ${first.stream} at revision ${first.revision} (position ${first.position}, ${first.problem}); run npm run verify for the whole log`,
      { brokenLinks: broken.length, first },
    );
  } catch (error) {
    logger.warn(`the newest events could not be read to check their hash chains (${(error as Error).message}); run npm run verify`);
  }
}
