// Rankings (DOMAIN.md §4 and 2.1 item 10; issue 11): the Rating division's work with the
// organisations that publish university rankings. The rules live with their stream kind: an
// organisation and its agreements in ranking-organisations.ts, a cooperation plan in
// ranking-cooperation.ts, an edition with its dictionary, submission, result and measures in
// ranking-editions.ts. This file gathers who may send what.
//
//   the head of the division and the methodist run the work: register organisations, announce
//   editions, plan cooperation, send the data set, record the acknowledgement and the result;
//   the division (with the inspector) verifies or returns the values units supplied, and records
//   values itself;
//   a unit head records values supplied by their own unit only (checked by the edition's decider);
//   the director (or acting director) signs and ends agreements, adopts plans, approves the data
//   set before it is sent, and decides improvement measures with the head of the division.
import type { Role } from './decider.ts';
import { rankingCooperationCommands, rankingCooperationEventTypes, type RankingCooperationCommandName } from './ranking-cooperation.ts';
import { rankingEditionCommands, rankingEditionEventTypes, type RankingEditionCommandName } from './ranking-editions.ts';
import { rankingOrganisationCommands, rankingOrganisationEventTypes, type RankingOrganisationCommandName } from './ranking-organisations.ts';
import { rankingApprovers, rankingDivision, rankingRunners } from './ranking-roles.ts';

export const rankingsCommands = { ...rankingOrganisationCommands, ...rankingCooperationCommands, ...rankingEditionCommands } as const;
export type RankingsCommandName = RankingOrganisationCommandName | RankingCooperationCommandName | RankingEditionCommandName;
export const rankingsEventTypes = [...rankingOrganisationEventTypes, ...rankingCooperationEventTypes, ...rankingEditionEventTypes];

const runnersAndApprovers: Role[] = [...rankingRunners, ...rankingApprovers];

export const rankingsPermissions: Record<RankingsCommandName, Role[]> = {
  registerRankingOrganisation: runnersAndApprovers,
  signRankingAgreement: rankingApprovers,
  endRankingAgreement: rankingApprovers,
  draftRankingCooperationPlan: rankingRunners,
  addRankingCooperationActivity: rankingRunners,
  adoptRankingCooperationPlan: rankingApprovers,
  completeRankingCooperationActivity: rankingDivision,
  cancelRankingCooperationActivity: runnersAndApprovers,
  markRankingCooperationActivityOverdue: rankingRunners,
  announceRankingEdition: rankingRunners,
  recordRankingDataValue: [...rankingDivision, 'unit_head'],
  verifyRankingDataValue: rankingDivision,
  returnRankingDataValue: rankingDivision,
  approveRankingSubmission: rankingApprovers,
  submitRankingData: rankingRunners,
  acknowledgeRankingSubmission: rankingRunners,
  recordRankingResult: rankingRunners,
  correctRankingResult: rankingRunners,
  decideRankingImprovementMeasure: [...rankingApprovers, 'head_of_rating_division'],
};

/** Limits that depend on the entity, checked by the edition's decider; printed with the permission matrix. */
export const rankingsScopes: Partial<Record<RankingsCommandName, string>> = {
  recordRankingDataValue: 'a unit head only values supplied by their own unit',
  verifyRankingDataValue: 'nobody verifies a value they recorded',
};

/** Follow-ups the hub's clock sends (src/modules.ts registers the rule). */
export const rankingsFollowUpCommands: RankingsCommandName[] = ['markRankingCooperationActivityOverdue'];
