// One permission matrix for the whole hub: each module declares, next to its commands, which roles
// of the regulation's staffing may send them; this file gathers them and checks a caller against
// them before any input is validated or decided. Rules that depend on the entity (a unit head acts
// only for their own unit) are the deciders' to check, where the entity's state is known.
import type { Actor, Role } from '../domain/decider.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { documentPermissions } from '../domain/documents.ts';
import { educationStandardPermissions } from '../domain/education-standards.ts';
import { licensingFollowUpCommands } from '../domain/licensing-clock.ts';
import { ratingFollowUpCommands } from '../domain/rating-clock.ts';
import { accreditationPermissions } from '../domain/accreditation.ts';
import { licensingPermissions } from '../domain/licensing.ts';
import { qualityPolicyPermissions } from '../domain/quality-policy.ts';
import { qualityStandardPermissions } from '../domain/quality-standards.ts';
import { ratingsPermissions, ratingsScopes } from '../domain/ratings.ts';
import { rankingsFollowUpCommands, rankingsPermissions, rankingsScopes } from '../domain/rankings.ts';
import { correctiveActionPermissions, correctiveActionScopes } from '../domain/corrective-actions.ts';
import { indicatorPermissions, indicatorScopes } from '../domain/indicators.ts';
import { monitoringPermissions } from '../domain/monitoring.ts';
import { proposalPermissions } from '../domain/proposals.ts';
import { qualityPlanPermissions } from '../domain/quality-plans.ts';
import { swotAnalysisPermissions } from '../domain/swot-analyses.ts';
import { assessmentInstrumentPermissions } from '../domain/assessment-instruments.ts';
import { surveyPermissions } from '../domain/surveys.ts';
import { strategicPlanPermissions } from '../domain/strategic-plan.ts';
import { webhookPermissions, webhookScopes } from '../domain/webhooks.ts';
import { secretariatCommandRoles, secretariatScopes } from '../domain/secretariat.ts';
import { secretariatFollowUpCommands } from '../domain/secretariat-automation.ts';
import { organisationFollowUpCommands, organisationCommandRoles, organisationScopes } from '../domain/organisation.ts';

const staffPermissions = {
  ...licensingPermissions,
  ...ratingsPermissions,
  ...documentPermissions,
  ...educationStandardPermissions,
  ...qualityPolicyPermissions,
  ...qualityStandardPermissions,
  ...strategicPlanPermissions,
  ...indicatorPermissions,
  ...correctiveActionPermissions,
  ...monitoringPermissions,
  ...swotAnalysisPermissions,
  ...proposalPermissions,
  ...qualityPlanPermissions,
  ...assessmentInstrumentPermissions,
  ...surveyPermissions,
  ...webhookPermissions,
  ...accreditationPermissions,
  ...rankingsPermissions,
  ...secretariatCommandRoles,
  ...organisationCommandRoles,
} satisfies Record<string, Role[]>;

/**
 * Commands the hub sends itself as the system actor: what the clock rules and reactors registered in
 * src/modules.ts answer with (a test sends each of them as the system through the registry).
 */
const followUpCommands: readonly string[] = [
  ...licensingFollowUpCommands,
  'markDocumentReviewOverdue',
  'retireDocument',
  'markQualityStandardRevisionOverdue',
  'recordIndicatorDeviation',
  'recordIndicatorPeriodMissed',
  'markCorrectiveActionOverdue',
  'recordAccreditationExpiry',
  'markRecommendationActionOverdue',
  'recordAccreditationRenewal',
  ...ratingFollowUpCommands,
  ...rankingsFollowUpCommands,
  ...secretariatFollowUpCommands,
  ...organisationFollowUpCommands,
];

export const commandPermissions = Object.fromEntries(
  Object.entries(staffPermissions).map(([command, roles]) => [command, followUpCommands.includes(command) ? [...roles, 'system'] : roles]),
) as Record<keyof typeof staffPermissions, Role[]>;
export type CommandName = keyof typeof commandPermissions;

/** Limits on a permitted role that depend on the entity (own unit, own entry). */
export const commandScopes: Partial<Record<CommandName, string>> = {
  ...ratingsScopes,
  ...indicatorScopes,
  ...correctiveActionScopes,
  ...webhookScopes,
  ...rankingsScopes,
  ...secretariatScopes,
  ...organisationScopes,
};

/** Throws ForbiddenError unless the actor holds one of the roles allowed to send the command. */
export function authorizeCommand(actor: Actor | undefined, command: CommandName): Actor {
  if (!actor) throw new ForbiddenError(`${command} needs a signed-in caller: send an Authorization: Bearer <token> header`, 'SIGN_IN_REQUIRED');
  const allowed: Role[] = commandPermissions[command];
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(
      `${command} needs one of the roles ${allowed.join(', ')}; the caller has ${actor.roles.join(', ') || 'no role'}`,
      'ROLE_REQUIRED',
      { allowed, held: actor.roles },
    );
  }
  return actor;
}
