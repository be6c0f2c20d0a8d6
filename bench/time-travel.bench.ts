// Time travel for a rating entry (issue 16, item 7): one entry among ENTRIES of a published
// campaign, read as it stood at a point (`ratingEntry(id, asOf:)`) against the same entry read
// now (`ratingEntry(id)`), through Yoga in one process. For context, the way it was done before
// (both rating categories folded whole) is timed on the same log.
//
//   npx tsx bench/time-travel.bench.ts     (ENTRIES=10000 ROUNDS=5 READS=50 by default)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratingsProjection } from '../projections/ratings.ts';
import { foldAsOf } from '../projections/time-travel.ts';
import { signToken } from '../src/auth/tokens.ts';
import { loadConfig } from '../src/config.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventMetadata, NewEvent } from '../src/eventstore/types.ts';
import { openHub } from '../src/hub.ts';
import { eventVersions } from '../src/modules.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { fmt, median, SECRET } from './support.ts';

const ENTRIES = Number(process.env.ENTRIES ?? 10_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const READS = Number(process.env.READS ?? 50);

const actor = { id: 'bench-head', name: 'Bench Division Head', roles: ['head_of_quality_division'] };
const event = (type: string, data: Record<string, unknown>): NewEvent => {
  const commandId = randomUUID();
  const metadata = { actor, commandId, correlationId: commandId, causationId: commandId, occurredAt: '2026-03-01T09:00:00.000Z' };
  return { id: randomUUID(), type, data, metadata: { ...metadata, schemaVersion: eventVersions.currentVersion(type) } as EventMetadata };
};

const name = (en: string) => ({ ky: en, ru: en, en });
const criterion = (code: string, group: string) => ({
  code,
  name: name(code),
  group,
  pointsPerUnit: 1,
  maxPoints: 100,
  weight: 1,
  sharedAuthorship: false,
  evidenceRequired: false,
});

/** A campaign created, opened and published, with ENTRIES entries started, scored, submitted and verified: the events the deciders emit. */
async function writeRatingLog(path: string, campaignId: string): Promise<string[]> {
  const store = openSqliteEventStore({ path, synchronous: 'NORMAL' });
  const campaign = `ratingCampaign-${campaignId}`;
  const ids: string[] = [];
  try {
    await store.append(
      campaign,
      [
        event('RatingCampaignCreated', {
          campaignId,
          year: 2026,
          title: name('Teaching staff rating 2026'),
          criteria: [criterion('TEACH', 'teaching'), criterion('PUB', 'research')],
          groupCaps: [],
          entriesDue: '2026-04-30',
        }),
        event('RatingCampaignOpened', { campaignId, openedOn: '2026-03-01' }),
      ],
      'no_stream',
    );
    for (let i = 0; i < ENTRIES; i++) {
      const entryId = randomUUID();
      ids.push(entryId);
      const ref = { entryId, campaignId };
      await store.append(
        `ratingEntry-${entryId}`,
        [
          event('RatingEntryStarted', { ...ref, teacher: { id: `teacher-${i}`, name: `Teacher ${i}` }, unit: `faculty-${i % 12}` }),
          event('RatingScoresRecorded', {
            ...ref,
            scores: [
              { criterionCode: 'TEACH', quantity: i % 97 },
              { criterionCode: 'PUB', quantity: i % 31 },
            ],
            recordedBy: { id: `teacher-${i}`, name: `Teacher ${i}` },
          }),
          event('RatingEntrySubmitted', { ...ref, submittedAs: 'teacher' }),
          event('RatingEntryVerified', { ...ref, level: 'unit' }),
        ],
        'no_stream',
      );
    }
    await store.append(
      campaign,
      [
        event('RatingEntriesClosed', { campaignId, closedOn: '2026-05-01' }),
        event('RatingVerificationStarted', { campaignId, startedOn: '2026-05-02' }),
        event('RatingResultsPublished', { campaignId, publishedOn: '2026-06-01', appealsUntil: '2026-06-15', rankedEntries: ENTRIES }),
      ],
      1n,
    );
    return ids;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sapat-time-travel-bench-'));
  try {
    let started = performance.now();
    const campaignId = randomUUID();
    const ids = await writeRatingLog(join(dir, 'events.db'), campaignId);
    console.log(
      `Node ${process.version}; a published campaign of ${fmt(ENTRIES)} verified entries written in ${fmt((performance.now() - started) / 1000, 1)} s`,
    );
    started = performance.now();
    const config = loadConfig({
      NODE_ENV: 'test',
      SAPAT_DATA_DIR: dir,
      SAPAT_JWT_SECRET: SECRET,
      SAPAT_LOG_LEVEL: 'silent',
      SAPAT_RATE_LIMIT_PER_MINUTE: '100000000',
    });
    const hub = await openHub(config);
    while (!hub.projections.isCaughtUp()) await new Promise((resolve) => setTimeout(resolve, 50));
    console.log(`read models built in ${fmt((performance.now() - started) / 1000, 1)} s`);
    try {
      const yoga = createGraphQLHandler(hub, { secret: SECRET });
      const token = await signToken({ secret: SECRET }, { id: 'bench-director', name: 'Bench Director', roles: ['director'] }, '1h');
      const entryId = ids[Math.floor(ENTRIES / 2)]!;
      const read = async (asOf?: Record<string, unknown>) => {
        const response = await yoga.fetch('http://hub.bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'query($id: ID!, $asOf: AsOf) { ratingEntry(id: $id, asOf: $asOf) { entryId total status universityRank universityRankedCount } }',
            variables: { id: entryId, asOf },
          }),
        });
        const body = (await response.json()) as { data?: { ratingEntry: { universityRankedCount: number | null } | null }; errors?: unknown };
        if (body.errors || !body.data?.ratingEntry) throw new Error(`ratingEntry failed: ${JSON.stringify(body)}`);
        return body.data.ratingEntry;
      };
      const now = new Date().toISOString();
      // Each asOf answers as the fold of the whole log did: ranked after publication, not before.
      if ((await read({ time: now })).universityRankedCount !== ENTRIES) throw new Error('the entry is not ranked among all entries');
      if ((await read({ revision: 1 })).universityRankedCount !== null) throw new Error('the entry is ranked before publication');
      const perRead = async (f: () => Promise<unknown>) => {
        const start = performance.now();
        for (let i = 0; i < READS; i++) await f();
        return (performance.now() - start) / READS;
      };
      const current: number[] = [];
      const published: number[] = [];
      const scored: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        current.push(await perRead(() => read()));
        published.push(await perRead(() => read({ time: now })));
        scored.push(await perRead(() => read({ revision: 1 })));
      }
      // The way it was done before this change, for context: both categories folded whole, once (it takes seconds).
      started = performance.now();
      const whole = await foldAsOf(
        hub.store,
        ratingsProjection,
        { stream: `ratingEntry-${entryId}`, categories: ['ratingCampaign', 'ratingEntry'] },
        { time: now },
      );
      whole?.close();
      const before = performance.now() - started;
      const base = median(current);
      console.log(`ratingEntry(id) now: ${fmt(base, 2)} ms per read (median of ${ROUNDS} rounds of ${READS})`);
      for (const [label, times] of [
        ['asOf after publication (ranks of that moment)', published],
        ['asOf revision 1 (scored, before publication)', scored],
      ] as const) {
        console.log(`ratingEntry(id, asOf) ${label}: ${fmt(median(times), 2)} ms per read, ratio to the current read ${fmt(median(times) / base, 2)}`);
      }
      console.log(`before this change, one asOf read folded both categories whole: ${fmt(before, 0)} ms (${fmt(before / median(published), 0)}× the read now)`);
    } finally {
      await hub.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
