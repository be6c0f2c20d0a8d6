// Live changes of the teaching-staff rating: a campaign's and an entry's, each with the entity as it
// stood at that change; an entry only ever reaches those who may read it (schema/ratings.ts).

import { entryVisibility, ratingsProjection, type RatingCampaignRow, type RatingEntryRow } from '../projections/ratings.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import { builder } from './builder.ts';
import { changesOf, endOfChange, type Change } from './changes.ts';
import { plainIdOf } from './ids.ts';
import { campaignPrefix, entryPrefix, RatingCampaign, RatingEntry } from './ratings.ts';

const CampaignChange = builder.objectRef<Change<RatingCampaignRow>>('RatingCampaignChange').implement({
  description: 'A rating campaign changed, or its ranks were recomputed after an upheld appeal; with the campaign as it stood right after the change.',
  fields: (t) => ({
    // The row read as the change was applied, not through the request's dataloader: a subscription
    // keeps one context for its whole life, and its loader cache would repeat the first state.
    campaign: t.field({
      type: RatingCampaign,
      description: 'The campaign as it stood right after this change, even when later changes followed at once.',
      resolve: (c) => c.row,
    }),
    eventType: t.exposeString('eventType', { description: 'The event, e.g. RatingResultsPublished, or RatingAppealUpheld when ranks were recomputed.' }),
    revision: t.int({ description: 'Revision of the stream the event belongs to (the campaign, or the appealed entry).', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

const EntryChange = builder.objectRef<Change<RatingEntryRow>>('RatingEntryChange').implement({
  description: 'A rating entry the subscriber may read changed; with the entry as it stood right after the change.',
  fields: (t) => ({
    entry: t.field({
      type: RatingEntry,
      description: 'The entry as it stood right after this change, even when later changes followed at once.',
      resolve: (c) => c.row,
    }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it, e.g. RatingEntryVerified.' }),
    revision: t.int({ description: 'Revision of the entry stream after the change.', resolve: (c) => Number(c.revision) }),
    position: t.exposeString('position', { description: 'Position of the event in the global log.' }),
  }),
});

builder.subscriptionField('ratingCampaignChanged', (t) =>
  t.field({
    type: CampaignChange,
    description: 'Each change to a rating campaign once the read model includes it, and each recomputation of its ranks; pass id to follow one campaign.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: false, description: 'Only this campaign (global id or plain campaignId).' }) },
    subscribe: (_root, args, context) => {
      const only = args.id ? plainIdOf(String(args.id), 'RatingCampaign') : undefined;
      const { ratings } = context.hub;
      const selection = {
        key: 'ratingCampaign',
        projection: ratingsProjection.name,
        entityOf: (event: RecordedEvent) =>
          event.stream.startsWith(campaignPrefix)
            ? event.stream.slice(campaignPrefix.length)
            : event.type === 'RatingAppealUpheld' && event.stream.startsWith(entryPrefix)
              ? String(event.data.campaignId)
              : undefined,
        read: (id: string) => ratings.campaignsByIds([id])[0],
      };
      return changesOf(context.hub, selection, (id) => only === undefined || id === only);
    },
    resolve: endOfChange,
  }),
);

builder.subscriptionField('ratingEntryChanged', (t) =>
  t.field({
    type: EntryChange,
    description: 'Each change to a rating entry the subscriber may read, once the read model includes it; others are never sent. Filter by campaign or entry.',
    authScopes: { authenticated: true },
    args: {
      id: t.arg.id({ required: false, description: 'Only this entry (global id or plain entryId).' }),
      campaignId: t.arg.id({ required: false, description: 'Only entries of this campaign (global id or plain campaignId).' }),
    },
    subscribe: (_root, args, context) => {
      const only = args.id ? plainIdOf(String(args.id), 'RatingEntry') : undefined;
      const campaign = args.campaignId ? plainIdOf(String(args.campaignId), 'RatingCampaign') : undefined;
      const { ratings } = context.hub;
      const { actor } = context;
      // Readers who see the same entries share a feed; each other reader has one of their own.
      const visibility = entryVisibility(actor);
      const selection = {
        key: `ratingEntry:${visibility.sql}:${JSON.stringify(visibility.params)}`,
        projection: ratingsProjection.name,
        entityOf: (event: RecordedEvent) => (event.stream.startsWith(entryPrefix) ? event.stream.slice(entryPrefix.length) : undefined),
        read: (id: string) => ratings.entriesByIds([id], actor)[0],
      };
      return changesOf(
        context.hub,
        selection,
        (id, event) => (only === undefined || id === only) && (campaign === undefined || event.data.campaignId === campaign),
      );
    },
    resolve: endOfChange,
  }),
);
