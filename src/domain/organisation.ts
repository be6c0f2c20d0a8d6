// The organisation module as the rest of the hub sees it: its permission rows, limits and the
// commands its clock sends, gathered from the small files that hold its rules.
import { actingDirectorFollowUps, actingDirectorPermissions } from './acting-director.ts';
import { motivationProposalPermissions } from './motivation-proposals.ts';
import { organisationTaskPermissions, organisationTaskScopes } from './organisation-tasks.ts';
import { staffingPermissions, staffingScopes } from './staffing.ts';
import { workingTimePermissions } from './working-time.ts';

/** Not named …Permissions: each row is owned by the file that declares it (test/modules.names.test.ts). */
export const organisationCommandRoles = {
  ...staffingPermissions,
  ...actingDirectorPermissions,
  ...organisationTaskPermissions,
  ...workingTimePermissions,
  ...motivationProposalPermissions,
};

export const organisationScopes = {
  ...staffingScopes,
  ...organisationTaskScopes,
  grantTimeOffInLieu: 'never beyond the person’s balance of approved overtime',
};

export const organisationFollowUpCommands: readonly string[] = [...actingDirectorFollowUps, 'markOrganisationTaskOverdue'];
