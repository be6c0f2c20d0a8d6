// Who may send which command, from the regulation's staffing (§1.2, §3.3, §4.3): the director and
// acting director decide everything the department does; the accreditation and licensing sector
// runs licensing. Read by the GraphQL layer before a command is validated or decided.
import type { Actor, Role } from '../domain/decider.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { LicensingCommandName } from '../domain/licensing.ts';

const leadership: Role[] = ['director', 'acting_director'];
const licensingSector: Role[] = [...leadership, 'head_of_accreditation_sector', 'senior_inspector', 'specialist', 'inspector'];
const licensingDecisions: Role[] = [...leadership, 'head_of_accreditation_sector'];

export const commandPermissions: Record<LicensingCommandName, Role[]> = {
  applyForLicense: licensingSector,
  formExpertGroup: licensingSector,
  recordExpertConclusion: licensingSector,
  grantLicense: licensingDecisions,
  amendLicense: licensingDecisions,
  suspendLicense: licensingDecisions,
  resumeLicense: licensingDecisions,
  revokeLicense: licensingDecisions,
  recordLicenseExpiry: licensingSector,
};
export type CommandName = keyof typeof commandPermissions;

/** Throws ForbiddenError unless the actor holds one of the roles allowed to send the command. */
export function authorizeCommand(actor: Actor | undefined, command: CommandName): Actor {
  if (!actor) throw new ForbiddenError(`${command} needs a signed-in caller: send an Authorization: Bearer <token> header`);
  const allowed = commandPermissions[command];
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`${command} needs one of the roles ${allowed.join(', ')}; the caller has ${actor.roles.join(', ') || 'no role'}`);
  }
  return actor;
}
