// The modules of the hub, as the parts that build read models see them: every projection and every
// event's version history. The hub, replay and the tests that rebuild read models all read them
// here, so a new module is registered in one place (its permissions in src/auth/permissions.ts,
// its GraphQL in schema/index.ts).
import { accreditationsProjection } from '../projections/accreditations.ts';
import { agenciesProjection } from '../projections/agencies.ts';
import { correctiveActionsProjection } from '../projections/corrective-actions.ts';
import { deadlinesProjection } from '../projections/deadlines.ts';
import { documentsProjection } from '../projections/documents.ts';
import { educationStandardsProjection } from '../projections/education-standards.ts';
import { evidenceProjection } from '../projections/evidence.ts';
import { indicatorsProjection } from '../projections/indicators.ts';
import { licensesProjection } from '../projections/licenses.ts';
import { monitoringsProjection } from '../projections/monitorings.ts';
import { programmesProjection } from '../projections/programmes.ts';
import type { ProjectionDefinition } from '../projections/projection.ts';
import { proposalsProjection } from '../projections/proposals.ts';
import { qualityPlansProjection } from '../projections/quality-plans.ts';
import { qualityProjection } from '../projections/quality.ts';
import { ratingsProjection } from '../projections/ratings.ts';
import { rankingCooperationPlansProjection } from '../projections/ranking-cooperation-plans.ts';
import { rankingsProjection } from '../projections/rankings.ts';
import { strategicPlansProjection } from '../projections/strategic-plans.ts';
import { surveysProjection } from '../projections/surveys.ts';
import { swotAnalysesProjection } from '../projections/swot-analyses.ts';
import { webhooksProjection } from '../projections/webhooks.ts';
import { secretariatProjections } from '../projections/secretariat.ts';
import { secretariatClock, secretariatDueDates } from './domain/secretariat-automation.ts';
import { organisationStaffingProjection } from '../projections/organisation-staffing.ts';
import { organisationWorkProjection } from '../projections/organisation-work.ts';
import { actingDirectorClock } from './domain/acting-director.ts';
import { organisationTaskDueDates, organisationTaskOverdueRule } from './domain/organisation-tasks.ts';
import type { ClockRule, DueDateSource, Reactor } from './automation/contracts.ts';
import { accreditationClock, accreditationDueDates, accreditationReactors } from './domain/accreditation-automation.ts';
import { correctiveActionDueDates, correctiveActionOverdueRule } from './domain/corrective-actions.ts';
import { documentDueDates, documentReviewClock, documentSupersession } from './domain/documents-automation.ts';
import { indicatorPeriodMissedRule } from './domain/indicator-clock.ts';
import { indicatorDeviationReactor } from './domain/indicators.ts';
import { licenseExpiryRule } from './domain/licensing-clock.ts';
import { licensingDueDates } from './domain/licensing-deadlines.ts';
import { licensingUpcasters } from './domain/licensing.ts';
import { monitoringDueDates } from './domain/monitoring.ts';
import { qualityPolicyDueDates, qualityStandardDueDates, qualityStandardRevisionClock } from './domain/quality-automation.ts';
import { qualityPlanDueDates } from './domain/quality-plans.ts';
import { ratingAppealsClock } from './domain/rating-clock.ts';
import { rankingCooperationDueDates, rankingCooperationOverdueRule } from './domain/ranking-cooperation.ts';
import { rankingSubmissionDueDates } from './domain/ranking-deadlines.ts';
import { ratingDueDates } from './domain/rating-deadlines.ts';
import { ratingEntryUpcasters } from './domain/rating-entries.ts';
import { ratingCampaignUpcasters } from './domain/rating-campaigns.ts';
import { upcasters, type Upcasters } from './eventstore/upcasting.ts';

/** Where the cross-module deadlines read model takes its dates from (projections/deadlines.ts). */
export const dueDateSources: DueDateSource[] = [
  licensingDueDates,
  ratingDueDates,
  documentDueDates,
  qualityPolicyDueDates,
  qualityStandardDueDates,
  correctiveActionDueDates,
  monitoringDueDates,
  qualityPlanDueDates,
  accreditationDueDates,
  rankingCooperationDueDates,
  rankingSubmissionDueDates,
  ...secretariatDueDates,
  organisationTaskDueDates,
];

export const allProjections: ProjectionDefinition[] = [
  licensesProjection,
  ratingsProjection,
  documentsProjection,
  educationStandardsProjection,
  qualityProjection,
  strategicPlansProjection,
  indicatorsProjection,
  correctiveActionsProjection,
  monitoringsProjection,
  swotAnalysesProjection,
  proposalsProjection,
  qualityPlansProjection,
  surveysProjection,
  agenciesProjection,
  accreditationsProjection,
  evidenceProjection,
  programmesProjection,
  rankingsProjection,
  rankingCooperationPlansProjection,
  ...secretariatProjections,
  organisationStaffingProjection,
  organisationWorkProjection,
  deadlinesProjection(dueDateSources),
  webhooksProjection,
] as ProjectionDefinition[];

/** Every module's event versions, in one registry. */
export const eventVersions: Upcasters = upcasters([...licensingUpcasters, ...ratingCampaignUpcasters, ...ratingEntryUpcasters]);

/** What each module's dates mean to the hub's clock (src/automation/scheduler.ts). */
export const clockRules: ClockRule[] = [
  licenseExpiryRule,
  documentReviewClock,
  qualityStandardRevisionClock,
  correctiveActionOverdueRule,
  indicatorPeriodMissedRule,
  ratingAppealsClock,
  ...accreditationClock,
  rankingCooperationOverdueRule,
  ...secretariatClock,
  actingDirectorClock,
  organisationTaskOverdueRule,
];

/** Follow-up commands modules send in answer to events (src/automation/reactors.ts). */
export const reactors: Reactor[] = [documentSupersession, indicatorDeviationReactor, ...accreditationReactors];
