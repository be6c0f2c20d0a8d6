// One permission matrix for the whole hub: each module declares, next to its commands, which roles
// of the regulation's staffing may send them; this file gathers them and checks a caller against
// them before any input is validated or decided. Rules that depend on the entity (a unit head acts
// only for their own unit) are the deciders' to check, where the entity's state is known.
import type { Actor, Role } from '../domain/decider.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { accreditationPermissions } from '../domain/accreditation.ts';
import { licensingPermissions } from '../domain/licensing.ts';
import { ratingsPermissions, ratingsScopes } from '../domain/ratings.ts';

export const commandPermissions = {
  ...licensingPermissions,
  ...ratingsPermissions,
  ...accreditationPermissions,
} satisfies Record<string, Role[]>;
export type CommandName = keyof typeof commandPermissions;

/** Limits on a permitted role that depend on the entity (own unit, own entry). */
export const commandScopes: Partial<Record<CommandName, string>> = { ...ratingsScopes };

/** Throws ForbiddenError unless the actor holds one of the roles allowed to send the command. */
export function authorizeCommand(actor: Actor | undefined, command: CommandName): Actor {
  if (!actor) throw new ForbiddenError(`${command} needs a signed-in caller: send an Authorization: Bearer <token> header`);
  const allowed: Role[] = commandPermissions[command];
  if (!actor.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`${command} needs one of the roles ${allowed.join(', ')}; the caller has ${actor.roles.join(', ') || 'no role'}`);
  }
  return actor;
}
