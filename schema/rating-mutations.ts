// The teaching-staff rating's mutations: one per campaign and entry command, with the campaign facts
// and tallies the entry decider needs read from the read model (the types are in schema/ratings.ts).
import { GraphQLError } from 'graphql';
import { ratingsProjection } from '../projections/ratings.ts';
import { entityIdFor } from '../src/commands/ids.ts';
import { NotFoundError, UnavailableError } from '../src/domain/errors.ts';
import {
  campaignFactsOf,
  ratingCampaignCategory,
  ratingCampaignCommands,
  ratingCampaignDecider,
  type RatingCampaignCommandName,
  type RatingCampaignEvent,
  type RatingCampaignFacts,
  type RatingEntryTally,
} from '../src/domain/rating-campaigns.ts';
import { ratingEntryCategory, ratingEntryCommands, ratingEntryDecider, type RatingEntryCommandName } from '../src/domain/rating-entries.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { Hub } from '../src/hub.ts';
import { builder } from './builder.ts';
import { commandMutation, type CommandCall } from './command.ts';
import { plainIdOf } from './ids.ts';
import { campaignPrefix, entryPrefix, RatingCampaign, RatingEntry } from './ratings.ts';

type PayloadShape = { id: string; revision: bigint; position: string; replayed: boolean };
const payloadFields = { revision: 'Revision of the stream after the command.', position: 'Position of the command’s last event in the global log.' };

const CampaignPayload = builder.objectRef<PayloadShape>('RatingCampaignPayload').implement({
  description: 'The rating campaign after the command, with where the command landed in the log.',
  fields: (t) => ({
    campaign: t.field({ type: RatingCampaign, description: 'The campaign as the read model shows it now, including this command.', resolve: (p) => p.id }),
    revision: t.int({ description: payloadFields.revision, resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: payloadFields.position }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

const EntryPayload = builder.objectRef<PayloadShape>('RatingEntryPayload').implement({
  description: 'The rating entry after the command, with where the command landed in the log.',
  fields: (t) => ({
    entry: t.field({
      type: RatingEntry,
      nullable: true,
      description: 'The entry as the read model shows it now, including this command.',
      resolve: (p) => p.id,
    }),
    revision: t.int({ description: payloadFields.revision, resolve: (p) => Number(p.revision) }),
    position: t.exposeString('position', { description: payloadFields.position }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this commandId was handled before and its first answer is returned.' }),
  }),
});

/** One campaign per year: its id is derived from the year, so a second one is the same stream. */
export const campaignIdForYear = (year: number): string => entityIdFor(ratingCampaignCategory, `year:${year}`);

/** One entry per campaign × teacher. */
export const entryIdFor = (campaignId: string, teacherId: string): string => entityIdFor(ratingEntryCategory, `${campaignId}:${teacherId}`);

/**
 * The campaign as its stream says now (the truth, not the read model): the entry decider's input.
 * There is no transaction across streams: an entry command decided on facts read just before the
 * campaign closed may be stored just after the close. Publication still catches such an entry,
 * because it counts every submitted entry and needs each verified or returned.
 */
async function campaignFacts(hub: Hub, campaignId: string): Promise<RatingCampaignFacts> {
  let state = ratingCampaignDecider.initialState;
  for await (const event of hub.store.readStream(`${campaignPrefix}${campaignId}`)) {
    state = ratingCampaignDecider.evolve(state, { type: event.type, data: event.data } as RatingCampaignEvent);
  }
  const facts = campaignFactsOf(state);
  if (!facts) throw new NotFoundError('rating campaign', campaignId);
  return facts;
}

/** The campaign an entry belongs to, from the first event of its stream. */
async function campaignOfEntry(hub: Hub, entryId: string): Promise<string> {
  for await (const event of hub.store.readStream(`${entryPrefix}${entryId}`, { limit: 1 })) return String(event.data.campaignId);
  throw new NotFoundError('rating entry', entryId);
}

/**
 * Entries awaiting verification and verified, counted in the read model once it has caught up with
 * the whole log. In verification no entry can be submitted any more, so the count can only fall
 * between this read and the publication's append.
 */
async function tallyOf(hub: Hub, campaignId: string): Promise<RatingEntryTally> {
  const head = await hub.store.headPosition();
  if (head) {
    try {
      // Only the rating read model counts here: another one stopped on a poison event does not block publication.
      await hub.projections.waitFor(head, hub.config.readYourWritesMs, undefined, { eventTypes: [...ratingsProjection.eventTypes] });
    } catch {
      throw new UnavailableError('the rating read model is still catching up with the log; nothing was stored, send the command again shortly');
    }
  }
  const counts = hub.ratings.entryCounts(campaignId);
  return { awaitingVerification: counts.submitted, verified: counts.verified };
}

const request = (call: CommandCall<Record<string, unknown>>) => ({
  // The caller's input, not the campaign facts and tally added to the command: a retry stays one when those move.
  input: call.input,
  actor: call.actor,
  commandId: call.commandId,
  correlationId: call.context.correlationId,
  ...(call.expectedRevision !== undefined ? { expectedRevision: call.expectedRevision } : {}),
  now: new Date().toISOString(),
});

async function runCampaignCommand(name: RatingCampaignCommandName, call: CommandCall<Record<string, unknown>>): Promise<PayloadShape> {
  const creates = name === 'createRatingCampaign';
  const campaignId = creates ? campaignIdForYear(Number(call.input.year)) : String(call.input.campaignId);
  const { hub } = call.context;
  const tally = name === 'publishRatingResults' ? { tally: await tallyOf(hub, campaignId) } : {};
  const outcome = await hub.execute({
    decider: ratingCampaignDecider,
    stream: `${campaignPrefix}${campaignId}`,
    command: { ...call.input, ...tally, type: name, campaignId } as never,
    target: { kind: creates ? 'new' : 'existing', entity: 'rating campaign', id: campaignId },
    ...request(call),
  });
  const [row] = hub.ratings.campaignsByIds([campaignId]);
  if (!row) throw new GraphQLError('the rating read model has no row for a stored campaign');
  return {
    id: campaignId,
    revision: outcome.revision ?? BigInt(row.revision),
    position: outcome.position ? encodePosition(outcome.position) : row.position,
    replayed: outcome.replayed,
  };
}

async function runEntryCommand(name: RatingEntryCommandName, call: CommandCall<Record<string, unknown>>): Promise<PayloadShape> {
  const { hub } = call.context;
  const starts = name === 'recordRatingScores';
  let entryId: string;
  let campaignId: string;
  if (starts) {
    campaignId = String(call.input.campaignId);
    const teacher = call.input.teacher as { id: string } | undefined;
    entryId = entryIdFor(campaignId, teacher?.id ?? call.actor.id);
  } else {
    entryId = String(call.input.entryId);
    campaignId = await campaignOfEntry(hub, entryId);
  }
  const campaign = await campaignFacts(hub, campaignId);
  const outcome = await hub.execute({
    decider: ratingEntryDecider,
    stream: `${entryPrefix}${entryId}`,
    command: { ...call.input, type: name, entryId, campaign } as never,
    target: { kind: starts ? 'new' : 'existing', entity: 'rating entry', id: entryId },
    ...request(call),
  });
  // The caller just acted on the entry as its teacher or reviewer, so they may read it.
  const [row] = hub.ratings.entriesByIds([entryId], call.actor);
  if (!row) throw new GraphQLError('the rating read model has no row for a stored entry');
  return {
    id: entryId,
    revision: outcome.revision ?? BigInt(row.revision),
    position: outcome.position ? encodePosition(outcome.position) : row.position,
    replayed: outcome.replayed,
  };
}

const campaignDescriptions: Record<RatingCampaignCommandName, string> = {
  createRatingCampaign: 'Creates the rating campaign of a year (one per year) in draft, with its criteria and entry deadline.',
  reviseRatingCriteria: 'Replaces the criteria of a campaign still in draft; they are fixed once it opens.',
  openRatingCampaign: 'Opens a draft campaign for entries.',
  extendRatingEntryDeadline: 'Moves the entry deadline of a campaign not yet closed to a later day.',
  closeRatingEntries: 'Closes the campaign for entries: no new entries or scores; entries returned for correction may still be corrected.',
  startRatingVerification:
    'Starts the final verification: entries are only verified or returned from now on; a return now leaves the entry out of the results.',
  closeRatingAppeals:
    'Records the appeal window closed once appealsUntil has passed in Kyrgyzstan; the hub’s clock sends it by itself the day after, and no appeal is filed afterwards.',
  publishRatingResults:
    'Publishes totals and ranks (per unit and university-wide) once every submitted entry is verified or returned, and opens appeals until appealsUntil.',
};

const entryDescriptions: Record<RatingEntryCommandName, string> = {
  recordRatingScores:
    'Records quantities (with the number of authors where a criterion is shared, and evidence) in a teacher’s entry, starting it if needed; the points follow from each criterion’s rule: by the teacher (own entry) or the head of their unit. A submitted or verified entry is locked.',
  recordRatingEntryProfile:
    "Records the teacher's faculty, chair, position, degree and staff rate in their entry, which ranks and the normalisation per full rate read: by the teacher or the head of their unit, while the entry can be changed.",
  submitRatingEntry: "Submits an entry with a score for every criterion and the teacher's profile, for verification: by the teacher or the head of their unit.",
  verifyRatingEntry: 'Verifies a submitted entry: by the head of its unit or the department, never by its teacher.',
  returnRatingEntry: 'Returns a submitted or verified entry for correction, saying what to correct: by the head of its unit or the department.',
  fileRatingAppeal: 'Appeals one’s own published results, naming the contested criteria, until the appeal deadline (once per entry).',
  resolveRatingAppeal: 'Decides an appeal: upheld with corrected quantities of contested criteria (totals and ranks are recomputed), or rejected.',
};

const withPlainIds = (raw: Record<string, unknown>): Record<string, unknown> => ({
  ...raw,
  ...(typeof raw.campaignId === 'string' ? { campaignId: plainIdOf(raw.campaignId, 'RatingCampaign') } : {}),
  ...(typeof raw.entryId === 'string' ? { entryId: plainIdOf(raw.entryId, 'RatingEntry') } : {}),
});

for (const name of Object.keys(ratingCampaignCommands) as RatingCampaignCommandName[]) {
  commandMutation({
    name,
    description: campaignDescriptions[name],
    schema: ratingCampaignCommands[name],
    payload: CampaignPayload,
    acceptsExpectedRevision: name !== 'createRatingCampaign',
    prepare: withPlainIds,
    run: (call) => runCampaignCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}

for (const name of Object.keys(ratingEntryCommands) as RatingEntryCommandName[]) {
  commandMutation({
    name,
    description: entryDescriptions[name],
    schema: ratingEntryCommands[name],
    payload: EntryPayload,
    acceptsExpectedRevision: true,
    prepare: withPlainIds,
    run: (call) => runEntryCommand(name, call as CommandCall<Record<string, unknown>>),
  });
}
