// The register of quality monitorings: one row per monitoring, with its focus group, findings and
// recommendations (and each recommendation's follow-ups) kept as JSON beside the columns lists
// filter on: the kind and name of the object, the status, and how many recommendations are open.
import { z } from 'zod';
import {
  findingKind,
  focusGroupAffiliation,
  monitoringCategory,
  monitoringEventSchemas,
  monitoringEventTypes,
  monitoringObjectKind,
  monitoringStatus,
  recommendationFollowUp,
  type MonitoringEvent,
} from '../src/domain/monitoring.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import { inList, keysetPage, type Conditions, type PageRequest } from './keyset.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'monitorings';

const dataOf = (event: RecordedEvent): MonitoringEvent =>
  ({ type: event.type, data: monitoringEventSchemas[event.type as MonitoringEvent['type']].parse(event.data) }) as MonitoringEvent;

const focusGroup = z.object({
  members: z.array(z.object({ name: z.string(), affiliation: focusGroupAffiliation, role: z.string().optional() })),
  formedOn: z.string(),
});
const finding = z.object({ code: z.string(), kind: findingKind, description: z.string(), recordedOn: z.string() });
const recommendation = z.object({
  code: z.string(),
  findingCode: z.string(),
  text: z.string(),
  responsibleUnit: z.string(),
  dueOn: z.string(),
  issuedOn: z.string(),
  followUps: z.array(z.object({ followUp: recommendationFollowUp, note: z.string(), recordedOn: z.string() })),
});
export type FocusGroup = z.infer<typeof focusGroup>;
export type Finding = z.infer<typeof finding>;
export type Recommendation = z.infer<typeof recommendation>;

const settled = (r: Recommendation) => ['implemented', 'not_implemented'].includes(r.followUps.at(-1)?.followUp ?? '');

export const monitoringsProjection: ProjectionDefinition<Table> = {
  name: 'monitorings',
  version: 1,
  tables: ['monitorings'],
  eventTypes: monitoringEventTypes,
  open(db, { monitorings: table }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, object_kind TEXT NOT NULL, object_name TEXT NOT NULL, title TEXT NOT NULL, procedure TEXT NOT NULL,
        starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, status TEXT NOT NULL, focus_group TEXT,
        findings TEXT NOT NULL DEFAULT '[]', recommendations TEXT NOT NULL DEFAULT '[]', open_recommendations INTEGER NOT NULL DEFAULT 0,
        conclusion TEXT, closed_on TEXT,
        planned_position INTEGER NOT NULL, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS ${table}_order ON ${table} (starts_on, id);`);
    const insert =
      db.prepare(`INSERT INTO ${table} (id, object_kind, object_name, title, procedure, starts_on, ends_on, status, planned_position, revision, position, updated_at)
      VALUES (@id, @objectKind, @objectName, @title, @procedure, @startsOn, @endsOn, 'planned', @commit, @revision, @position, @updatedAt)`);
    const current = db.prepare<[string], { findings: string; recommendations: string }>(`SELECT findings, recommendations FROM ${table} WHERE id = ?`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${table} SET ${assignments}, revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const statements = {
      focusGroup: update(`focus_group = @focusGroup, status = 'in_progress'`),
      findings: update(`findings = @findings, status = 'in_progress'`),
      recommendations: update(`recommendations = @recommendations, open_recommendations = @open`),
      closed: update(`status = 'closed', conclusion = @conclusion, closed_on = @closedOn`),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(monitoringCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        const lists = () => {
          const row = current.get(stamp.id)!;
          return {
            findings: z.array(finding).parse(JSON.parse(row.findings)),
            recommendations: z.array(recommendation).parse(JSON.parse(row.recommendations)),
          };
        };
        const saveRecommendations = (list: Recommendation[]) =>
          statements.recommendations.run({ ...stamp, recommendations: JSON.stringify(list), open: list.filter((r) => !settled(r)).length });
        switch (event.type) {
          case 'MonitoringPlanned': {
            const { monitoringId: _id, ...d } = event.data;
            insert.run({ ...stamp, ...d, commit: recorded.position.commit });
            return;
          }
          case 'MonitoringFocusGroupFormed':
            statements.focusGroup.run({ ...stamp, focusGroup: JSON.stringify({ members: event.data.members, formedOn: event.data.formedOn }) });
            return;
          case 'MonitoringFindingRecorded': {
            const { monitoringId: _id, ...d } = event.data;
            statements.findings.run({ ...stamp, findings: JSON.stringify([...lists().findings, d]) });
            return;
          }
          case 'MonitoringRecommendationIssued': {
            const { monitoringId: _id, ...d } = event.data;
            saveRecommendations([...lists().recommendations, { ...d, followUps: [] }]);
            return;
          }
          case 'RecommendationFollowedUp': {
            const { recommendationCode, followUp, note, recordedOn } = event.data;
            saveRecommendations(
              lists().recommendations.map((r) => (r.code === recommendationCode ? { ...r, followUps: [...r.followUps, { followUp, note, recordedOn }] } : r)),
            );
            return;
          }
          case 'MonitoringClosed':
            statements.closed.run({ ...stamp, conclusion: event.data.conclusion, closedOn: event.data.closedOn });
            return;
        }
      },
    };
  },
};

export const monitoringRow = z.object({
  id: z.string(),
  object_kind: monitoringObjectKind,
  object_name: z.string(),
  title: z.string(),
  procedure: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  status: monitoringStatus,
  focus_group: z
    .string()
    .nullable()
    .transform((s) => (s === null ? null : focusGroup.parse(JSON.parse(s)))),
  findings: z.string().transform((s) => z.array(finding).parse(JSON.parse(s))),
  recommendations: z.string().transform((s) => z.array(recommendation).parse(JSON.parse(s))),
  open_recommendations: z.number(),
  conclusion: z.string().nullable(),
  closed_on: z.string().nullable(),
  planned_position: z.number(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type MonitoringRow = z.infer<typeof monitoringRow>;

export type MonitoringFilter = {
  statuses?: string[] | null;
  objectKinds?: string[] | null;
  objectName?: string | null;
  withOpenRecommendations?: boolean | null;
};

export function createMonitoringQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM monitorings WHERE id = ?');
  return {
    byIds: (ids: readonly string[]): (MonitoringRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : monitoringRow.parse(row);
      }),
    sortKey: (row: MonitoringRow): [string, string] => [row.starts_on, row.id],
    /** One page of the register, by start of the monitoring period. */
    page(filter: MonitoringFilter, request: PageRequest) {
      const conditions: Conditions = { where: [], params: [] };
      inList(conditions, 'status', filter.statuses);
      inList(conditions, 'object_kind', filter.objectKinds);
      inList(conditions, 'object_name', filter.objectName ? [filter.objectName] : null);
      if (filter.withOpenRecommendations != null) conditions.where.push(`open_recommendations ${filter.withOpenRecommendations ? '>' : '='} 0`);
      return keysetPage(db, 'monitorings', conditions, 'starts_on', request, (r) => monitoringRow.parse(r));
    },
  };
}
export type MonitoringQueries = ReturnType<typeof createMonitoringQueries>;
