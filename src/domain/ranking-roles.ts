// Who does what in the Rating division's work with rankings (DOMAIN.md §4; issue 11): the head of
// the division and the methodist run the submissions, the division's inspector checks data with them, the
// director (or acting director) approves and signs, and units supply data for their own unit.
import type { Actor, Role } from './decider.ts';

/** Run the submissions: register organisations and editions, plan cooperation, send data, record results. */
export const rankingRunners: Role[] = ['head_of_rating_division', 'methodist'];
/** The division as a whole, which checks what units supplied. */
export const rankingDivision: Role[] = [...rankingRunners, 'rating_inspector'];
/** Who approves, signs and decides. */
export const rankingApprovers: Role[] = ['director', 'acting_director'];

export const isRankingDepartment = (actor: Actor): boolean => actor.roles.some((r) => rankingDivision.includes(r) || rankingApprovers.includes(r));
