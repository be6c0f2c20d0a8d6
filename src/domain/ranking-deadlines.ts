// An edition's data-collection window closes on a day: sending the university's data set by then is
// an obligation on the deadlines list, from the announcement until the data set is sent. Editions
// whose indicators the ranking takes from its own data (ARWU, Webometrics) or that name no window
// put nothing there.
import type { DueDateSource } from '../automation/contracts.ts';
import { rankingEditionEventSchemas } from './ranking-editions.ts';

const submissionKey = (editionId: string) => `ranking-edition:${editionId}:submission`;

export const rankingSubmissionDueDates: DueDateSource = {
  module: 'rankings',
  eventTypes: ['RankingEditionAnnounced', 'RankingDataSubmitted'],
  kindLabels: {
    ranking_submission: {
      ky: 'Рейтингге маалымат тапшыруу',
      ru: 'Представление данных в рейтинг',
      en: 'Data submission to a ranking',
    },
  },
  changes(event) {
    const editionId = String(event.data.rankingEditionId);
    if (event.type === 'RankingDataSubmitted') return [{ action: 'done', key: submissionKey(editionId), on: String(event.data.submittedOn) }];
    const d = rankingEditionEventSchemas.RankingEditionAnnounced.parse(event.data);
    if (!d.collectionClosesOn || !d.indicators.some((i) => i.source === 'submitted')) return [];
    return [
      {
        action: 'due',
        key: submissionKey(editionId),
        kind: 'ranking_submission',
        title: d.title,
        dueOn: d.collectionClosesOn,
        entityType: 'RankingEdition',
        entityId: editionId,
      },
    ];
  },
};
