// The register of accreditation agencies the sector works with: one row per agency, and every
// version of every framework it published (a case names the version it is assessed against).
import { z } from 'zod';
import {
  agencyCategory,
  agencyEventSchemas,
  agencyEventTypes,
  agencyKind,
  agencyMembership,
  frameworkCriterion,
  type AgencyEvent,
} from '../src/domain/agencies.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'agencies' | 'agency_frameworks';

const dataOf = (event: RecordedEvent): AgencyEvent =>
  ({ type: event.type, data: agencyEventSchemas[event.type as AgencyEvent['type']].parse(event.data) }) as AgencyEvent;

export const agenciesProjection: ProjectionDefinition<Table> = {
  name: 'agencies',
  version: 1,
  tables: ['agencies', 'agency_frameworks'],
  eventTypes: agencyEventTypes,
  open(db, t: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.agencies} (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, registered_from TEXT NOT NULL,
        registered_until TEXT, memberships TEXT NOT NULL, website TEXT, revision INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.agency_frameworks} (
        agency_id TEXT NOT NULL, framework TEXT NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, adopted_on TEXT NOT NULL,
        criteria TEXT NOT NULL, PRIMARY KEY (agency_id, framework, version));`);
    const insert =
      db.prepare(`INSERT INTO ${t.agencies} (id, name, kind, country, registered_from, registered_until, memberships, website, revision, position, updated_at)
      VALUES (@id, @name, @kind, @country, @registeredFrom, @registeredUntil, @memberships, @website, @revision, @position, @updatedAt)`);
    const renew = db.prepare(`UPDATE ${t.agencies} SET registered_until = @registeredUntil, memberships = COALESCE(@memberships, memberships),
      revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const touch = db.prepare(`UPDATE ${t.agencies} SET revision = @revision, position = @position, updated_at = @updatedAt WHERE id = @id`);
    const framework = db.prepare(`INSERT INTO ${t.agency_frameworks} (agency_id, framework, version, title, adopted_on, criteria) VALUES (?, ?, ?, ?, ?, ?)`);
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(agencyCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          updatedAt: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        switch (event.type) {
          case 'AgencyRegistered': {
            const d = event.data;
            insert.run({
              ...stamp,
              name: d.name,
              kind: d.kind,
              country: d.country,
              registeredFrom: d.registeredFrom,
              registeredUntil: d.registeredUntil ?? null,
              memberships: JSON.stringify(d.memberships),
              website: d.website ?? null,
            });
            return;
          }
          case 'AgencyRegistrationRenewed':
            renew.run({
              ...stamp,
              registeredUntil: event.data.registeredUntil,
              memberships: event.data.memberships ? JSON.stringify(event.data.memberships) : null,
            });
            return;
          case 'AgencyFrameworkPublished': {
            const d = event.data;
            framework.run(stamp.id, d.framework, d.version, d.title, d.adoptedOn, JSON.stringify(d.criteria));
            touch.run(stamp);
            return;
          }
        }
      },
    };
  },
};

export const agencyRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: agencyKind,
  country: z.string(),
  registered_from: z.string(),
  registered_until: z.string().nullable(),
  memberships: z.string().transform((s) => z.array(agencyMembership).parse(JSON.parse(s))),
  website: z.string().nullable(),
  revision: z.number(),
  position: z.string(),
  updated_at: z.string(),
});
export type AgencyRow = z.infer<typeof agencyRow>;

export const frameworkRow = z.object({
  framework: z.string(),
  version: z.number(),
  title: z.string(),
  adopted_on: z.string(),
  criteria: z.string().transform((s) => z.array(frameworkCriterion).parse(JSON.parse(s))),
});
export type FrameworkRow = z.infer<typeof frameworkRow>;

export function createAgencyQueries(db: ReadModelDatabase) {
  const byId = db.prepare<[string], unknown>('SELECT * FROM agencies WHERE id = ?');
  const all = db.prepare<[], unknown>('SELECT * FROM agencies ORDER BY name, id');
  const frameworks = db.prepare<[string], unknown>('SELECT * FROM agency_frameworks WHERE agency_id = ? ORDER BY framework, version DESC');
  return {
    byIds: (ids: readonly string[]): (AgencyRow | undefined)[] =>
      ids.map((id) => {
        const row = byId.get(id);
        return row === undefined ? undefined : agencyRow.parse(row);
      }),
    /** Every agency by name: the sector works with tens of them, not thousands, so the list is not paged. */
    all: (): AgencyRow[] => all.all().map((r) => agencyRow.parse(r)),
    frameworks: (agencyId: string): FrameworkRow[] => frameworks.all(agencyId).map((r) => frameworkRow.parse(r)),
  };
}
export type AgencyQueries = ReturnType<typeof createAgencyQueries>;
