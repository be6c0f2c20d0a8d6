// The register of analytical reports, listed by the end of the period they cover (or by when they
// were prepared), filtered by status and by a record they report on.
import {
  analyticalReportCategory,
  analyticalReportDecider,
  analyticalReportEventSchemas,
  analyticalReportEventTypes,
  type AnalyticalReportEvent,
  type AnalyticalReportState,
} from '../src/domain/analytical-reports.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { foldedRowQueries, foldedRowsProjection, type FoldedRow } from './folded-rows.ts';
import { inList, type Conditions, type PageRequest } from './keyset.ts';

type Prepared = Extract<AnalyticalReportState, { exists: true }>;
export type AnalyticalReportRow = FoldedRow<Prepared>;
const prepared = (s: AnalyticalReportState) => s as Prepared;

export const analyticalReportsProjection = foldedRowsProjection({
  name: 'analytical-reports',
  table: 'analytical_reports',
  category: analyticalReportCategory,
  eventTypes: analyticalReportEventTypes,
  parse: (event: RecordedEvent) =>
    ({ type: event.type, data: analyticalReportEventSchemas[event.type as AnalyticalReportEvent['type']].parse(event.data) }) as AnalyticalReportEvent,
  initialState: analyticalReportDecider.initialState,
  evolve: analyticalReportDecider.evolve,
  columns: {
    status: (s) => prepared(s).status,
    period_to: (s) => prepared(s).periodTo,
    prepared_on: (s) => prepared(s).preparedOn,
    // `kind:id` of every record it refers to, between separators, for a LIKE match on one of them.
    refs: (s) =>
      `|${prepared(s)
        .references.map((r) => `${r.kind}:${r.id}`)
        .join('|')}|`,
  },
});

export const analyticalReportOrders = { period: 'period_to', prepared: 'prepared_on' } as const;

export function createAnalyticalReportQueries(db: ReadModelDatabase) {
  const rows = foldedRowQueries<Prepared>(db, 'analytical_reports');
  return {
    ...rows,
    page(
      filter: { statuses?: string[] | null; reference?: { kind: string; id: string } | null },
      order: keyof typeof analyticalReportOrders,
      request: PageRequest,
    ) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      if (filter.reference) {
        conditions.where.push('instr(refs, ?) > 0');
        conditions.params.push(`|${filter.reference.kind}:${filter.reference.id}|`);
      }
      return rows.page(conditions, analyticalReportOrders[order], request);
    },
  };
}
