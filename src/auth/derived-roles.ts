// Roles follow appointments: a signed-in person's rights are their token's roles, plus the role of
// every position they hold on the staffing table now, plus the acting director's (and so the
// director's) while a rector's designation is in force on today's date by the hub's clock. The
// token names the person (`sub`); the hub's own read model says what they hold, so an appointment
// or a dismissal takes effect on the next request without a new token. Two indexed lookups per
// signed-in request, on prepared statements.
import type { Clock } from '../automation/clock.ts';
import type { Actor, Role } from '../domain/decider.ts';
import { localDateOf } from '../domain/values.ts';
import type { TokenVerifier } from './tokens.ts';

export type HeldPositions = {
  positionsOf(personId: string): { staff_position: Role; unit: string }[];
  actingInForce(personId: string, today: string): boolean;
};

/** The actor a token names, with the rights of the positions and acting designation they hold now. */
export function actorWithDerivedRoles(actor: Actor, held: HeldPositions, now: number): Actor {
  const positions = held.positionsOf(actor.id);
  const acting = held.actingInForce(actor.id, localDateOf(new Date(now).toISOString()));
  if (positions.length === 0 && !acting) return actor;
  const roles = new Set<Role>(actor.roles);
  for (const p of positions) roles.add(p.staff_position);
  // Acting for the director is acting with the director's rights; events still record acting_director among the roles.
  if (acting) roles.add('acting_director').add('director');
  // The unit of a position on the department's table is the hub's own record, so it is preferred to a token's claim.
  const unit = positions[0]?.unit ?? (acting ? 'department' : actor.unit);
  return { ...actor, roles: [...roles], ...(unit ? { unit } : {}) };
}

export const withDerivedRoles =
  (verify: TokenVerifier, held: HeldPositions, clock: Clock): TokenVerifier =>
  async (authorization) => {
    const actor = await verify(authorization);
    if (!actor) return actor;
    try {
      return actorWithDerivedRoles(actor, held, clock.now());
    } catch {
      // An unreadable read model fails closed: the token's own roles only, and the request's own
      // reads then fail where they are masked and logged (src/http/masking.ts).
      return actor;
    }
  };
