// Time travel for one rating entry, in proportion to what its answer depends on (issue 16). It used
// to fold both rating categories whole (every campaign and every entry of every year) on each
// request. An entry's row depends on its own stream and its campaign's (the rules its total is
// computed with); only its ranks depend on the other entries, and only at the moments ranks are
// computed: at publication and at each upheld appeal in the campaign. So:
//   1. the entry's and the campaign's streams, up to the point asked for, are folded;
//   2. if no ranks had been computed by then, that is the answer (its ranks are empty);
//   3. if the point is a prefix of the log (a moment or a revision) and the live read model has
//      computed the campaign's ranks exactly as many times as the log had by then, its ranks are
//      those of that point (ranks change only when computed), and they are taken from it;
//   4. otherwise (ranks recomputed since, a read model behind, a business date) the campaign is
//      folded with all its entries, found by their RatingEntryStarted events.
import { ratingCampaignCategory } from '../src/domain/rating-campaigns.ts';
import { ratingEntryCategory } from '../src/domain/rating-entries.ts';
import { comparePositions } from '../src/eventstore/position.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { ratingsProjection, type EntryRanks, type RatingQueries } from './ratings.ts';
import { foldInto, inclusionOf, type AsOf } from './time-travel.ts';

export type EntryAsOf = {
  /** The ratings read model as far as the entry's answer needs it; the caller closes it. */
  db: ReadModelDatabase;
  /** The entry's ranks at that point, when they are not in `db` (taken from the live read model). */
  ranks?: EntryRanks;
};

type Included = (event: RecordedEvent) => boolean;

async function readIncluded(events: AsyncIterable<RecordedEvent>, included: Included, also: (event: RecordedEvent) => boolean = () => true) {
  const kept: RecordedEvent[] = [];
  for await (const event of events) if (included(event) && also(event)) kept.push(event);
  return kept;
}

const inLogOrder = (events: RecordedEvent[]) => events.sort((a, b) => comparePositions(a.position, b.position));
const campaignOf = (event: RecordedEvent) => (event.data as { campaignId?: unknown }).campaignId;

/** What time travel reads from the store: streams, and the log filtered by event type. */
export type StreamReader = Pick<EventStore, 'readStream' | 'readAll'>;

/** The entry as it stood at `asOf`, or undefined when it did not exist by then. */
export async function ratingEntryAsOf(store: StreamReader, live: Pick<RatingQueries, 'ranksOf'>, entryId: string, asOf: AsOf): Promise<EntryAsOf | undefined> {
  const stream = `${ratingEntryCategory}-${entryId}`;
  const inclusion = await inclusionOf(store, { stream }, asOf);
  if (!inclusion) return undefined;
  const { included, prefix } = inclusion;
  const own = await readIncluded(store.readStream(stream), included);
  if (own.length === 0) return undefined;
  const campaignId = campaignOf(own[0]!);
  if (typeof campaignId !== 'string') throw new Error(`rating entry ${entryId} does not start with its campaign`);
  const campaign = await readIncluded(store.readStream(`${ratingCampaignCategory}-${campaignId}`), included);

  const published = campaign.some((event) => event.type === 'RatingResultsPublished');
  if (!published && prefix) return { db: foldInto(ratingsProjection, inLogOrder([...own, ...campaign])) };
  // Upheld appeals are rare: read by their type, they say how many times ranks were computed by then.
  const upheld = await readIncluded(store.readAll({ filter: { eventTypes: ['RatingAppealUpheld'] } }), included, (e) => campaignOf(e) === campaignId);
  const computations = (published ? 1 : 0) + upheld.length;
  if (computations === 0) return { db: foldInto(ratingsProjection, inLogOrder([...own, ...campaign])) };
  if (prefix) {
    const now = live.ranksOf(entryId);
    if (now?.results_revision === computations) {
      const { results_revision: _revision, ...ranks } = now;
      return { db: foldInto(ratingsProjection, inLogOrder([...own, ...campaign])), ranks };
    }
  }
  const entries = await readIncluded(
    store.readAll({ filter: { eventTypes: ['RatingEntryStarted'] } }),
    included,
    (e) => campaignOf(e) === campaignId && e.stream !== stream,
  );
  const events = [...own, ...campaign];
  for (const started of entries) events.push(...(await readIncluded(store.readStream(started.stream), included)));
  return { db: foldInto(ratingsProjection, inLogOrder(events)) };
}
