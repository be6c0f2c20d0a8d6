// The teaching-staff rating on the hub's clock: the appeal window closes by itself. Appeals are
// received until appealsUntil inclusive, so at the start of the next day in Kyrgyzstan the clock
// records the window closed as the system actor, and history, subscriptions and webhooks see it.
// A closing recorded by hand first cancels the moment.
import type { ClockRule } from '../automation/contracts.ts';
import { dayAfter, startOfKyrgyzDay } from './kyrgyz-time.ts';
import { ratingCampaignCategory } from './rating-campaigns.ts';

/** What the system actor may send in ratings (its row in the permission matrix). */
export const ratingFollowUpCommands = ['closeRatingAppeals'] as const;

const appealsKey = (campaignId: string) => `ratingCampaign:${campaignId}:appeals`;

export const ratingAppealsClock: ClockRule = {
  name: 'rating-appeals-close',
  eventTypes: ['RatingResultsPublished', 'RatingAppealsClosed'],
  changes(event) {
    // The stream names the campaign even if a later event version drops the field.
    const campaignId = event.stream.slice(ratingCampaignCategory.length + 1);
    if (event.type !== 'RatingResultsPublished') return [{ action: 'cancel', key: appealsKey(campaignId) }];
    const appealsUntil = event.data.appealsUntil;
    if (typeof appealsUntil !== 'string') return [];
    const closedOn = dayAfter(appealsUntil);
    return [
      {
        action: 'at',
        key: appealsKey(campaignId),
        at: startOfKyrgyzDay(closedOn),
        followUp: { command: 'closeRatingAppeals', input: { campaignId, closedOn } },
      },
    ];
  },
};
