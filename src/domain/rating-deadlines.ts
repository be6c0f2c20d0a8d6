// The teaching-staff rating's dates in the list of deadlines: the last day for entries of a
// campaign, moved by an extension and met when the campaign closes for entries.
import type { DueDateSource } from '../automation/contracts.ts';
import { ratingCampaignCategory } from './rating-campaigns.ts';

const entriesKey = (campaignId: string) => `ratingCampaign:${campaignId}:entries`;

export const ratingDueDates: DueDateSource = {
  module: 'ratings',
  eventTypes: ['RatingCampaignCreated', 'RatingEntryDeadlineExtended', 'RatingEntriesClosed'],
  kindLabels: {
    rating_entries: { ky: 'Рейтингге арыздарды тапшыруу', ru: 'Подача заявок на рейтинг', en: 'Rating entries due' },
  },
  changes(event) {
    const campaignId = event.stream.slice(ratingCampaignCategory.length + 1);
    const due = (dueOn: string) => ({
      action: 'due' as const,
      key: entriesKey(campaignId),
      kind: 'rating_entries',
      title: 'Teaching-staff rating: last day to submit entries',
      dueOn,
      entityType: 'RatingCampaign',
      entityId: campaignId,
    });
    switch (event.type) {
      case 'RatingCampaignCreated':
      case 'RatingEntryDeadlineExtended':
        return [due(String(event.data.entriesDue))];
      case 'RatingEntriesClosed':
        return [{ action: 'done', key: entriesKey(campaignId), on: String(event.data.closedOn) }];
      default:
        return [];
    }
  },
};
