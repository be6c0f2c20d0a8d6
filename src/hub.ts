// The hub's composition root: the event store, the read-model database, the projection runner and
// the read-side queries, opened together and closed together. GraphQL resolvers reach everything
// through this one object in their context.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAccreditationQueries, type AccreditationQueries } from '../projections/accreditations.ts';
import { createAgencyQueries, type AgencyQueries } from '../projections/agencies.ts';
import { createEvidenceQueries, type EvidenceQueries } from '../projections/evidence.ts';
import { createProgrammeQueries, type ProgrammeQueries } from '../projections/programmes.ts';
import { createLicenseQueries, type LicenseQueries } from '../projections/licenses.ts';
import { openReadModelDatabase, type ReadModelDatabase } from '../projections/database.ts';
import { createRatingQueries, type RatingQueries } from '../projections/ratings.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { handleCommand, type CommandOutcome, type CommandRequest } from './commands/handler.ts';
import type { Config } from './config.ts';
import type { DomainEvent } from './domain/decider.ts';
import { openEventStore } from './eventstore/index.ts';
import type { EventStore } from './eventstore/types.ts';
import { upcastingStore, type Upcasters } from './eventstore/upcasting.ts';
import { allProjections, eventVersions } from './modules.ts';

export type Hub = {
  config: Config;
  /** The store as readers see it: events upcast to their current shape. */
  store: EventStore;
  /** The store exactly as written, for the audit tools that check hashes (verify, export). */
  rawStore: EventStore;
  eventVersions: Upcasters;
  readModels: ReadModelDatabase;
  projections: ProjectionRunner;
  licenses: LicenseQueries;
  ratings: RatingQueries;
  agencies: AgencyQueries;
  accreditations: AccreditationQueries;
  evidence: EvidenceQueries;
  programmes: ProgrammeQueries;
  /** Runs a command and, when it stored events, waits until the read models include them. */
  execute<Command, Event extends DomainEvent, State>(request: CommandRequest<Command, Event, State>): Promise<CommandOutcome<State>>;
  close(): Promise<void>;
};


export async function openHub(
  config: Config,
  options: { store?: EventStore; projections?: ProjectionDefinition[]; onProjectionError?: (error: Error) => void } = {},
): Promise<Hub> {
  mkdirSync(config.dataDir, { recursive: true });
  const rawStore = options.store ?? openEventStore(config);
  const store = upcastingStore(rawStore, eventVersions);
  const readModels = openReadModelDatabase(join(config.dataDir, 'read-models.db'));
  const projections = createProjectionRunner({
    store,
    db: readModels,
    projections: options.projections ?? allProjections,
    ...(options.onProjectionError ? { onError: options.onProjectionError } : {}),
  });
  await projections.start();
  return {
    config,
    store,
    rawStore,
    eventVersions,
    readModels,
    projections,
    licenses: createLicenseQueries(readModels),
    ratings: createRatingQueries(readModels),
    agencies: createAgencyQueries(readModels),
    accreditations: createAccreditationQueries(readModels),
    evidence: createEvidenceQueries(readModels),
    programmes: createProgrammeQueries(readModels),
    async execute(request) {
      const outcome = await handleCommand(store, { schemaVersionOf: eventVersions.currentVersion, ...request });
      if (outcome.position) await projections.waitFor(outcome.position, config.readYourWritesMs, outcome.revision);
      return outcome;
    },
    async close() {
      await projections.stop();
      readModels.close();
      await store.close();
    },
  };
}
