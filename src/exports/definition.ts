// What one export is: a GraphQL list of the hub's schema (a connection, or a plain list) and the
// columns taken from each of its items. The route builds the query from this and the schema, so an
// export accepts exactly the arguments and filter fields of its GraphQL query and answers exactly
// what that query answers for the same caller: one definition per registry, nothing else to keep
// in step.
import type { Language } from '../domain/values.ts';

/** How a column's value is written: text as is, numbers and dates as typed cells in XLSX. */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean';

export type ExportColumn = {
  /** Dotted path into the item, e.g. `programmeName.text`; a list of scalars is joined with "; ". */
  path: string;
  /** The column header in each language. */
  header: Record<Language, string>;
  kind: ColumnKind;
};

export type ExportDefinition = {
  /** The name in the URL: GET /export/<name>.csv|xlsx. */
  name: string;
  /** The Query field it pages through (its filter fields and arguments become query-string parameters). */
  field: string;
  /** The sheet's title in each language. */
  title: Record<Language, string>;
  columns: ExportColumn[];
};

/** Label helper: `h('Статусу', 'Статус', 'Status')` in the order ky, ru, en. */
export const h = (ky: string, ru: string, en: string): Record<Language, string> => ({ ky, ru, en });

export const column = (path: string, kind: ColumnKind, header: Record<Language, string>): ExportColumn => ({ path, kind, header });
