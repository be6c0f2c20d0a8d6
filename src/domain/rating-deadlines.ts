// The teaching-staff rating's dates in the list of deadlines: the last day for entries of a
// campaign, moved by an extension and met when the campaign closes for entries; and the last day
// for appeals, set at publication and met when the appeal window is recorded closed.
import type { DueDateSource } from '../automation/contracts.ts';
import { ratingCampaignCategory } from './rating-campaigns.ts';

const entriesKey = (campaignId: string) => `ratingCampaign:${campaignId}:entries`;
const appealsKey = (campaignId: string) => `ratingCampaign:${campaignId}:appeals`;

export const ratingDueDates: DueDateSource = {
  module: 'ratings',
  eventTypes: ['RatingCampaignCreated', 'RatingEntryDeadlineExtended', 'RatingEntriesClosed', 'RatingResultsPublished', 'RatingAppealsClosed'],
  kindLabels: {
    rating_entries: { ky: 'Рейтингге арыздарды тапшыруу', ru: 'Подача заявок на рейтинг', en: 'Rating entries due' },
    rating_appeals: { ky: 'Рейтинг боюнча апелляциялар', ru: 'Апелляции по рейтингу', en: 'Rating appeals due' },
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
      case 'RatingResultsPublished':
        return [
          {
            action: 'due',
            key: appealsKey(campaignId),
            kind: 'rating_appeals',
            title: 'Teaching-staff rating: last day to appeal the results',
            dueOn: String(event.data.appealsUntil),
            entityType: 'RatingCampaign',
            entityId: campaignId,
          },
        ];
      case 'RatingAppealsClosed':
        return [{ action: 'done', key: appealsKey(campaignId), on: String(event.data.closedOn) }];
      default:
        return [];
    }
  },
};
