// The register of data requests: each request folded whole, with the unit, requester, status, due
// date and overdue flag as columns to filter and sort by.
import {
  dataRequestCategory,
  dataRequestDecider,
  dataRequestEventSchemas,
  dataRequestEventTypes,
  type DataRequestEvent,
  type DataRequestState,
} from '../src/domain/data-requests.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { foldedRowQueries, foldedRowsProjection, type FoldedRow } from './folded-rows.ts';
import { inList, type Conditions, type PageRequest } from './keyset.ts';

type Sent = Extract<DataRequestState, { exists: true }>;
export type DataRequestRow = FoldedRow<Sent>;

const parse = (event: RecordedEvent) =>
  ({ type: event.type, data: dataRequestEventSchemas[event.type as DataRequestEvent['type']].parse(event.data) }) as DataRequestEvent;
const sent = (state: DataRequestState): Sent => state as Sent;

export const dataRequestsProjection = foldedRowsProjection({
  name: 'data-requests',
  table: 'data_requests',
  category: dataRequestCategory,
  eventTypes: dataRequestEventTypes,
  parse,
  initialState: dataRequestDecider.initialState,
  evolve: dataRequestDecider.evolve,
  columns: {
    unit: (s) => sent(s).unit,
    requester_id: (s) => sent(s).requester.id,
    status: (s) => sent(s).status,
    due_on: (s) => sent(s).currentDueOn,
    sent_on: (s) => sent(s).sentOn,
    overdue: (s) => (sent(s).overdueOn !== null && (sent(s).status === 'sent' || sent(s).status === 'returned') ? 1 : 0),
  },
});

export const dataRequestOrders = { due: 'due_on', sent: 'sent_on' } as const;

export type DataRequestFilter = {
  /** Only these units; a unit head's reads are narrowed to their own unit here. */
  units?: string[] | null;
  statuses?: string[] | null;
  requesterId?: string | null;
  /** Only requests awaiting an answer past their due date (true), or all others (false). */
  overdue?: boolean | null;
};

export function createDataRequestQueries(db: ReadModelDatabase) {
  const rows = foldedRowQueries<Sent>(db, 'data_requests');
  return {
    ...rows,
    page(filter: DataRequestFilter, order: keyof typeof dataRequestOrders, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      if (filter.units) {
        // An empty list means nothing is visible (a unit head without a unit), not "no filter".
        if (!filter.units.length) conditions.where.push('0');
        inList(conditions, 'unit', filter.units);
      }
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'requester_id', filter.requesterId ? [filter.requesterId] : null);
      if (filter.overdue != null) conditions.where.push(`overdue = ${filter.overdue ? 1 : 0}`);
      return rows.page(conditions, dataRequestOrders[order], request);
    },
  };
}
export type DataRequestQueries = ReturnType<typeof createDataRequestQueries>;
