// Published and draft SWOT analyses: one row per analysis, its sources and quadrants kept as JSON.
import { z } from 'zod';
import {
  swotAnalysisCategory,
  swotAnalysisEventSchemas,
  swotAnalysisEventTypes,
  swotSourceKind,
  swotStatus,
  type SwotAnalysisEvent,
} from '../src/domain/swot-analyses.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'swot_analyses';

const dataOf = (event: RecordedEvent): SwotAnalysisEvent =>
  ({ type: event.type, data: swotAnalysisEventSchemas[event.type as SwotAnalysisEvent['type']].parse(event.data) }) as SwotAnalysisEvent;

export const swotAnalysesProjection: ProjectionDefinition<Table> = {
  name: 'swot-analyses',
  version: 1,
  tables: ['swot_analyses'],
  eventTypes: swotAnalysisEventTypes,
  open(db, { swot_analyses: table }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, scope TEXT NOT NULL, sources TEXT NOT NULL,
        strengths TEXT NOT NULL, weaknesses TEXT NOT NULL, opportunities TEXT NOT NULL, threats TEXT NOT NULL,
        analysed_on TEXT NOT NULL, status TEXT NOT NULL, published_on TEXT,
        revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (analysed_on, id);`);
    const insert =
      db.prepare(`INSERT INTO ${table} (id, title, scope, sources, strengths, weaknesses, opportunities, threats, analysed_on, status, revision, position, updated_at)
      VALUES (@id, @title, @scope, @sources, @strengths, @weaknesses, @opportunities, @threats, @analysedOn, 'draft', @revision, @position, @updatedAt)`);
    const publish = db.prepare(
      `UPDATE ${table} SET status = 'published', published_on = @publishedOn, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`,
    );
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(swotAnalysisCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        if (event.type === 'SwotAnalysisPublished') {
          publish.run({ ...stamp, publishedOn: event.data.publishedOn });
          return;
        }
        const d = event.data;
        const json = JSON.stringify;
        insert.run({
          ...stamp,
          title: d.title,
          scope: d.scope,
          sources: json(d.sources),
          strengths: json(d.strengths),
          weaknesses: json(d.weaknesses),
          opportunities: json(d.opportunities),
          threats: json(d.threats),
          analysedOn: d.analysedOn,
        });
      },
    };
  },
};

const list = z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s)));
export const swotAnalysisRow = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.string(),
  sources: z.string().transform((s) => z.array(z.object({ kind: swotSourceKind, description: z.string() })).parse(JSON.parse(s))),
  strengths: list,
  weaknesses: list,
  opportunities: list,
  threats: list,
  analysed_on: z.string(),
  status: swotStatus,
  published_on: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type SwotAnalysisRow = z.infer<typeof swotAnalysisRow>;

export function createSwotAnalysisQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM swot_analyses WHERE id = ?');
  return {
    byIds: (ids: readonly string[]): (SwotAnalysisRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : swotAnalysisRow.parse(row);
      }),
    sortKey: (row: SwotAnalysisRow): [string, string] => [row.analysed_on, row.id],
    /** One page of analyses, oldest first. */
    page(filter: { statuses?: string[] | null; scope?: string | null }, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'scope', filter.scope ? [filter.scope] : null);
      return keysetPage(db, 'swot_analyses', conditions, 'analysed_on', request, (r) => swotAnalysisRow.parse(r));
    },
  };
}
export type SwotAnalysisQueries = ReturnType<typeof createSwotAnalysisQueries>;
