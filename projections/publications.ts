// The register of press releases and publications, listed by when they were drafted, filtered by
// topic, kind and status.
import {
  publicationCategory,
  publicationDecider,
  publicationEventSchemas,
  publicationEventTypes,
  type PublicationEvent,
  type PublicationState,
} from '../src/domain/publications.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { foldedRowQueries, foldedRowsProjection, type FoldedRow } from './folded-rows.ts';
import { inList, type Conditions, type PageRequest } from './keyset.ts';

type Drafted = Extract<PublicationState, { exists: true }>;
export type PublicationRow = FoldedRow<Drafted>;
const drafted = (s: PublicationState) => s as Drafted;

export const publicationsProjection = foldedRowsProjection({
  name: 'publications',
  table: 'publications',
  category: publicationCategory,
  eventTypes: publicationEventTypes,
  parse: (event: RecordedEvent) =>
    ({ type: event.type, data: publicationEventSchemas[event.type as PublicationEvent['type']].parse(event.data) }) as PublicationEvent,
  initialState: publicationDecider.initialState,
  evolve: publicationDecider.evolve,
  columns: {
    topic: (s) => drafted(s).topic,
    kind: (s) => drafted(s).kind,
    status: (s) => drafted(s).status,
    drafted_on: (s) => drafted(s).draftedOn,
  },
});

export function createPublicationQueries(db: ReadModelDatabase) {
  const rows = foldedRowQueries<Drafted>(db, 'publications');
  return {
    ...rows,
    page(filter: { topics?: string[] | null; kinds?: string[] | null; statuses?: string[] | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'topic', filter.topics);
      inList(conditions, 'kind', filter.kinds);
      inList(conditions, 'status', filter.statuses);
      return rows.page(conditions, 'drafted_on', request);
    },
  };
}
