// How the automation sends a command: through the same registry as GraphQL mutations (schema/
// follow-up.ts builds it), as the system actor, with ids that say why it ran.
import { ReadModelLagError, UnavailableError } from '../domain/errors.ts';
import type { Actor } from '../domain/decider.ts';
import type { FollowUpCommand } from './contracts.ts';

export const systemActor: Actor = { id: 'sapat-system', name: 'Sapat (automation)', roles: ['system'] };

export type FollowUpRequest = {
  followUp: FollowUpCommand;
  /** Derived from the source and its cause, so a re-sent follow-up stores nothing twice. */
  commandId: string;
  /** The triggering event's correlation id, carried over. */
  correlationId: string;
  /** The triggering event's id. */
  causationId: string;
  /** The moment the command is decided (the clock's "now"). */
  now: string;
};

export type SendFollowUp = (request: FollowUpRequest) => Promise<void>;

export type FollowUpResult = { kind: 'done' } | { kind: 'refused'; error: unknown } | { kind: 'retry'; error: unknown };

/**
 * What a follow-up's outcome means for the one who sent it. A store that cannot be reached is
 * worth another try (nothing was stored); a read model that lags means it was stored; every other
 * answer, a rule's refusal or an unexpected fault, is final for this cause and recorded.
 */
export async function sendFollowUp(send: SendFollowUp, request: FollowUpRequest): Promise<FollowUpResult> {
  try {
    await send(request);
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof ReadModelLagError) return { kind: 'done' };
    if (error instanceof UnavailableError) return { kind: 'retry', error };
    return { kind: 'refused', error };
  }
}
