// The register of meetings, seminars and conferences: each folded whole, filtered by kind and status
// and listed by date.
import { meetingCategory, meetingDecider, meetingEventSchemas, meetingEventTypes, type MeetingEvent, type MeetingState } from '../src/domain/meetings.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { foldedRowQueries, foldedRowsProjection, type FoldedRow } from './folded-rows.ts';
import { inList, type Conditions, type PageRequest } from './keyset.ts';

type Planned = Extract<MeetingState, { exists: true }>;
export type MeetingRow = FoldedRow<Planned>;
const planned = (s: MeetingState) => s as Planned;

export const meetingsProjection = foldedRowsProjection({
  name: 'meetings',
  table: 'meetings',
  category: meetingCategory,
  eventTypes: meetingEventTypes,
  parse: (event: RecordedEvent) => ({ type: event.type, data: meetingEventSchemas[event.type as MeetingEvent['type']].parse(event.data) }) as MeetingEvent,
  initialState: meetingDecider.initialState,
  evolve: meetingDecider.evolve,
  columns: { kind: (s) => planned(s).kind, status: (s) => planned(s).status, date: (s) => planned(s).date },
});

export function createMeetingQueries(db: ReadModelDatabase) {
  const rows = foldedRowQueries<Planned>(db, 'meetings');
  return {
    ...rows,
    page(filter: { kinds?: string[] | null; statuses?: string[] | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'kind', filter.kinds);
      inList(conditions, 'status', filter.statuses);
      return rows.page(conditions, 'date', request);
    },
  };
}
