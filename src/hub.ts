// The hub's composition root: the event store, the read-model database, the projection runner and
// the read-side queries, opened together and closed together. GraphQL resolvers reach everything
// through this one object in their context.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDocumentQueries, type DocumentQueries } from '../projections/documents.ts';
import { createEducationStandardQueries, type EducationStandardQueries } from '../projections/education-standards.ts';
import { createAccreditationQueries, type AccreditationQueries } from '../projections/accreditations.ts';
import { createAgencyQueries, type AgencyQueries } from '../projections/agencies.ts';
import { createEvidenceQueries, type EvidenceQueries } from '../projections/evidence.ts';
import { createProgrammeQueries, type ProgrammeQueries } from '../projections/programmes.ts';
import { createSecretariatQueries, type SecretariatQueries } from '../projections/secretariat.ts';
import { createLicenseQueries, type LicenseQueries } from '../projections/licenses.ts';
import { createQualityQueries, type QualityQueries } from '../projections/quality.ts';
import { createDeadlineQueries, type DeadlineQueries } from '../projections/deadlines.ts';
import { createWebhookQueries, type WebhookQueries } from '../projections/webhooks.ts';
import { openReadModelDatabase, type ReadModelDatabase } from '../projections/database.ts';
import { createRatingQueries, type RatingQueries } from '../projections/ratings.ts';
import { createRankingQueries, type RankingQueries } from '../projections/rankings.ts';
import { createRankingCooperationQueries, type RankingCooperationQueries } from '../projections/ranking-cooperation-plans.ts';
import { createCorrectiveActionQueries, type CorrectiveActionQueries } from '../projections/corrective-actions.ts';
import { createIndicatorQueries, type IndicatorQueries } from '../projections/indicators.ts';
import { createMonitoringQueries, type MonitoringQueries } from '../projections/monitorings.ts';
import { createProposalQueries, type ProposalQueries } from '../projections/proposals.ts';
import { createQualityPlanQueries, type QualityPlanQueries } from '../projections/quality-plans.ts';
import { createSwotAnalysisQueries, type SwotAnalysisQueries } from '../projections/swot-analyses.ts';
import { createSurveyQueries, type SurveyQueries } from '../projections/surveys.ts';
import { createStrategicPlanQueries, type StrategicPlanQueries } from '../projections/strategic-plans.ts';
import { createOrganisationQueries, type OrganisationQueries } from '../projections/organisation.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { createProjectionRunner, type ProjectionRunner } from '../projections/runner.ts';
import { systemClock, type Clock } from './automation/clock.ts';
import { openAutomationDatabase, type AutomationDatabase } from './automation/database.ts';
import { webhookSecrets, type WebhookSecrets } from './automation/webhook-secret.ts';
import { handleCommand, type CommandOutcome, type CommandRequest } from './commands/handler.ts';
import { eventIdFor } from './commands/ids.ts';
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
  documents: DocumentQueries;
  educationStandards: EducationStandardQueries;
  quality: QualityQueries;
  strategicPlans: StrategicPlanQueries;
  indicators: IndicatorQueries;
  correctiveActions: CorrectiveActionQueries;
  monitorings: MonitoringQueries;
  swotAnalyses: SwotAnalysisQueries;
  proposals: ProposalQueries;
  qualityPlans: QualityPlanQueries;
  /** Assessment instruments and survey rounds. */
  surveys: SurveyQueries;
  deadlines: DeadlineQueries;
  webhooks: WebhookQueries;
  /** What reactors, the clock and webhooks have done: checkpoints, due moments, refusals, deliveries. */
  automation: AutomationDatabase;
  /** The hub's time: what is due or overdue, and when the clock acts (a hand-moved one in tests). */
  clock: Clock;
  /** Each webhook's signing secret, derived from a key in the data directory. */
  webhookSecrets: WebhookSecrets;
  agencies: AgencyQueries;
  accreditations: AccreditationQueries;
  evidence: EvidenceQueries;
  programmes: ProgrammeQueries;
  rankings: RankingQueries;
  rankingCooperation: RankingCooperationQueries;
  /** Data requests, meetings, UMO sessions, analytical reports and publications. */
  secretariat: SecretariatQueries;
  /** The department's staffing, acting designations, tasks, working time and motivation proposals. */
  organisation: OrganisationQueries;
  /** Runs a command and, when it stored events, waits until the read models include them. */
  execute<Command, Event extends DomainEvent, State>(request: CommandRequest<Command, Event, State>): Promise<CommandOutcome<State>>;
  close(): Promise<void>;
};

export async function openHub(
  config: Config,
  options: { store?: EventStore; projections?: ProjectionDefinition[]; onProjectionError?: (error: Error) => void; clock?: Clock } = {},
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
  const automation = openAutomationDatabase(join(config.dataDir, 'automation.db'));
  return {
    config,
    store,
    rawStore,
    eventVersions,
    readModels,
    projections,
    licenses: createLicenseQueries(readModels),
    ratings: createRatingQueries(readModels),
    documents: createDocumentQueries(readModels),
    educationStandards: createEducationStandardQueries(readModels),
    quality: createQualityQueries(readModels),
    strategicPlans: createStrategicPlanQueries(readModels),
    indicators: createIndicatorQueries(readModels),
    correctiveActions: createCorrectiveActionQueries(readModels),
    monitorings: createMonitoringQueries(readModels),
    swotAnalyses: createSwotAnalysisQueries(readModels),
    proposals: createProposalQueries(readModels),
    qualityPlans: createQualityPlanQueries(readModels),
    surveys: createSurveyQueries(readModels),
    deadlines: createDeadlineQueries(readModels),
    webhooks: createWebhookQueries(readModels),
    automation,
    webhookSecrets: webhookSecrets(config.dataDir),
    clock: options.clock ?? systemClock(config.clockOffsetMs),
    agencies: createAgencyQueries(readModels),
    accreditations: createAccreditationQueries(readModels),
    evidence: createEvidenceQueries(readModels),
    programmes: createProgrammeQueries(readModels),
    rankings: createRankingQueries(readModels),
    rankingCooperation: createRankingCooperationQueries(readModels),
    secretariat: createSecretariatQueries(readModels),
    organisation: createOrganisationQueries(readModels),
    async execute(request) {
      const outcome = await handleCommand(store, { schemaVersionOf: eventVersions.currentVersion, ...request });
      if (outcome.position) {
        // A fresh append names its last event, so the runner can tell whether the log was rewound under it.
        const appended = outcome.replayed ? {} : { appended: { eventId: eventIdFor(request.commandId, outcome.eventTypes.length - 1) } };
        await projections.waitFor(outcome.position, config.readYourWritesMs, outcome.revision, { eventTypes: outcome.eventTypes, ...appended });
      }
      return outcome;
    },
    async close() {
      await projections.stop();
      readModels.close();
      automation.close();
      await store.close();
    },
  };
}
