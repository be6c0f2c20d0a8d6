// The registered webhooks as the deliverer and GraphQL read them: URL, filter, status, and the
// replay asked for last. Where each webhook's deliveries stand is not here but in the automation
// database (src/automation/webhooks.ts), which a rebuild of read models never touches.
import { webhookCategory, webhookEventSchemas, webhookEventTypes, type WebhookEvent } from '../src/domain/webhooks.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import type { RecordedEvent } from '../src/eventstore/types.ts';
import type { ReadModelDatabase } from './database.ts';
import type { ProjectionDefinition, TableNames } from './projection.ts';

type Table = 'webhooks';

export type WebhookRow = {
  id: string;
  url: string;
  /** JSON arrays. */
  categories: string;
  event_types: string;
  description: string | null;
  owner_id: string;
  status: 'active' | 'paused';
  /** Deliveries start after the registration's position. */
  registered_position: string;
  /** How many replays were asked for, and from where the last one starts. */
  replay_count: number;
  replay_after: string | null;
  revision: number;
  position: string;
  registered_at: string;
  updated_at: string;
};

const dataOf = (event: RecordedEvent): WebhookEvent =>
  ({ type: event.type, data: webhookEventSchemas[event.type as WebhookEvent['type']].parse(event.data) }) as WebhookEvent;

export const webhooksProjection: ProjectionDefinition<Table> = {
  name: 'webhooks',
  version: 1,
  tables: ['webhooks'],
  eventTypes: webhookEventTypes,
  open(db, { webhooks }: TableNames<Table>) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${webhooks} (
      id TEXT PRIMARY KEY, url TEXT NOT NULL, categories TEXT NOT NULL, event_types TEXT NOT NULL, description TEXT, owner_id TEXT NOT NULL,
      status TEXT NOT NULL, registered_position TEXT NOT NULL, replay_count INTEGER NOT NULL DEFAULT 0, replay_after TEXT,
      revision INTEGER NOT NULL, position TEXT NOT NULL, registered_at TEXT NOT NULL, updated_at TEXT NOT NULL)`);
    const insert =
      db.prepare(`INSERT INTO ${webhooks} (id, url, categories, event_types, description, owner_id, status, registered_position, revision, position, registered_at, updated_at)
      VALUES (@id, @url, @categories, @eventTypes, @description, @ownerId, 'active', @position, @revision, @position, @at, @at)`);
    const update = (assignments: string) =>
      db.prepare(`UPDATE ${webhooks} SET ${assignments}, revision = @revision, position = @position, updated_at = @at WHERE id = @id`);
    const statements = {
      changed: update('url = COALESCE(@url, url), categories = COALESCE(@categories, categories), event_types = COALESCE(@eventTypes, event_types)'),
      paused: update("status = 'paused'"),
      resumed: update("status = 'active'"),
      replay: update('replay_count = replay_count + 1, replay_after = @afterPosition'),
    };
    return {
      apply(recorded) {
        const stamp = {
          id: recorded.stream.slice(webhookCategory.length + 1),
          revision: recorded.revision,
          position: encodePosition(recorded.position),
          at: recorded.recordedAt,
        };
        const event = dataOf(recorded);
        const json = (list: string[] | undefined) => (list === undefined ? null : JSON.stringify(list));
        switch (event.type) {
          case 'WebhookRegistered':
            insert.run({
              ...stamp,
              url: event.data.url,
              categories: json(event.data.categories),
              eventTypes: json(event.data.eventTypes),
              description: event.data.description ?? null,
              ownerId: event.data.ownerId,
            });
            return;
          case 'WebhookChanged':
            statements.changed.run({ ...stamp, url: event.data.url ?? null, categories: json(event.data.categories), eventTypes: json(event.data.eventTypes) });
            return;
          case 'WebhookPaused':
            statements.paused.run(stamp);
            return;
          case 'WebhookResumed':
            statements.resumed.run(stamp);
            return;
          case 'WebhookReplayRequested':
            statements.replay.run({ ...stamp, afterPosition: event.data.afterPosition });
        }
      },
    };
  },
};

export function createWebhookQueries(db: ReadModelDatabase) {
  return {
    all: (): WebhookRow[] => db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY registered_at, id').all(),
    byIds: (ids: readonly string[]): (WebhookRow | undefined)[] => {
      const select = db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?');
      return ids.map((id) => select.get(id));
    },
  };
}
export type WebhookQueries = ReturnType<typeof createWebhookQueries>;
