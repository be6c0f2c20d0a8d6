// Chooses the event store the configuration asks for. The embedded SQLite store needs nothing set
// up; KurrentDB is for deployments that run a KurrentDB node or cluster (docker-compose.yml).
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openKurrentDbEventStore } from './kurrentdb.ts';
import { openSqliteEventStore } from './sqlite.ts';
import type { EventStore } from './types.ts';

export function openEventStore(config: Pick<Config, 'store' | 'dataDir' | 'kurrentDbUrl' | 'commitOn'>): EventStore {
  if (config.store === 'kurrentdb') return openKurrentDbEventStore({ connectionString: config.kurrentDbUrl! });
  return openSqliteEventStore({ path: join(config.dataDir, 'events.db'), commitOn: config.commitOn });
}
