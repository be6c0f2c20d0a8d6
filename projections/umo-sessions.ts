// The register of UMO sessions with their attendance and decisions, listed by date; a session is
// found by whether it has decisions still undone or recorded overdue.
import {
  umoSessionCategory,
  umoSessionDecider,
  umoSessionEventSchemas,
  umoSessionEventTypes,
  type UmoSessionEvent,
  type UmoSessionState,
} from '../src/domain/umo-sessions.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { foldedRowQueries, foldedRowsProjection, type FoldedRow } from './folded-rows.ts';
import { inList, type Conditions, type PageRequest } from './keyset.ts';

type Scheduled = Extract<UmoSessionState, { exists: true }>;
export type UmoSessionRow = FoldedRow<Scheduled>;
const scheduled = (s: UmoSessionState) => s as Scheduled;

export const umoSessionsProjection = foldedRowsProjection({
  name: 'umo-sessions',
  table: 'umo_sessions',
  category: umoSessionCategory,
  eventTypes: umoSessionEventTypes,
  parse: (event: RecordedEvent) =>
    ({ type: event.type, data: umoSessionEventSchemas[event.type as UmoSessionEvent['type']].parse(event.data) }) as UmoSessionEvent,
  initialState: umoSessionDecider.initialState,
  evolve: umoSessionDecider.evolve,
  columns: {
    status: (s) => scheduled(s).status,
    scheduled_on: (s) => scheduled(s).scheduledOn,
    overdue_decisions: (s) => scheduled(s).decisions.filter((d) => d.overdueOn && !d.doneOn).length,
  },
});

export function createUmoSessionQueries(db: ReadModelDatabase) {
  const rows = foldedRowQueries<Scheduled>(db, 'umo_sessions');
  return {
    ...rows,
    page(filter: { statuses?: string[] | null; hasOverdueDecisions?: boolean | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      if (filter.hasOverdueDecisions != null) conditions.where.push(`overdue_decisions ${filter.hasOverdueDecisions ? '>' : '='} 0`);
      return rows.page(conditions, 'scheduled_on', request);
    },
  };
}
