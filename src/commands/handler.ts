// The command pipeline every mutation goes through: read the stream, fold it, decide, append with
// the revision that was read. Without a caller's expectedRevision a conflict means someone else
// appended in between, so the command is decided again on the fresh state a bounded number of
// times; with one, the caller asked for exactly that revision and gets a ConcurrencyError instead.
import type { Actor, CommandContext, Decider, DomainEvent } from '../domain/decider.ts';
import { ConcurrencyError, NotFoundError, UnavailableError, ValidationError } from '../domain/errors.ts';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedRevisionError } from '../eventstore/errors.ts';
import type { EventStore, ExpectedState, NewEvent, Position } from '../eventstore/types.ts';
import { eventIdFor } from './ids.ts';

export type CommandRequest<Command, Event extends DomainEvent, State> = {
  decider: Decider<Command, Event, State>;
  stream: string;
  command: Command;
  /** `existing`: the stream must already exist, else NotFoundError; `new`: the command creates it. */
  target: { kind: 'existing' | 'new'; entity: string; id: string };
  actor: Actor;
  commandId: string;
  correlationId: string;
  /** What caused this command: the request, or for a follow-up command the event that triggered it. */
  causationId?: string;
  expectedRevision?: bigint;
  now: string;
  /** Version of each event type's data schema, recorded so old events can be upcast on read. */
  schemaVersionOf?: (eventType: string) => number;
};

export type CommandOutcome<State> = {
  /** State of the entity after the command (or now, for a retried command). */
  state: State;
  /** Revision and position of the command's last event; undefined when the command changed nothing. */
  revision: bigint | undefined;
  position: Position | undefined;
  /** True when the commandId had already been handled and the first answer is returned again. */
  replayed: boolean;
};

const MAX_ATTEMPTS = 5;

type Loaded<State> = {
  state: State;
  revision: bigint | undefined;
  /** Revision and position of the last event this commandId stored earlier, if any. */
  earlier: { revision: bigint; position: Position } | undefined;
};

async function load<Command, Event extends DomainEvent, State>(store: EventStore, request: CommandRequest<Command, Event, State>): Promise<Loaded<State>> {
  let state = request.decider.initialState;
  let revision: bigint | undefined;
  let earlier: Loaded<State>['earlier'];
  for await (const recorded of store.readStream(request.stream)) {
    state = request.decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
    revision = recorded.revision;
    if (recorded.metadata.commandId === request.commandId) earlier = { revision: recorded.revision, position: recorded.position };
  }
  return { state, revision, earlier };
}

function toNewEvents<Command, Event extends DomainEvent, State>(request: CommandRequest<Command, Event, State>, events: Event[]): NewEvent[] {
  const { actor } = request;
  return events.map((event, index) => ({
    id: eventIdFor(request.commandId, index),
    type: event.type,
    data: event.data,
    metadata: {
      actor: { id: actor.id, name: actor.name, roles: actor.roles, ...(actor.unit ? { unit: actor.unit } : {}) },
      commandId: request.commandId,
      correlationId: request.correlationId,
      causationId: request.causationId ?? request.commandId,
      occurredAt: request.now,
      schemaVersion: request.schemaVersionOf?.(event.type) ?? 1,
    },
  }));
}

const describeRevision = (r: bigint | undefined): string | null => (r === undefined ? null : r.toString());

export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandOutcome<State>> {
  const context: CommandContext = { actor: request.actor, now: request.now, commandId: request.commandId };
  for (let attempt = 1; ; attempt++) {
    const loaded = await guardStore(() => load(store, request));
    if (loaded.earlier) return { state: loaded.state, ...loaded.earlier, replayed: true };
    if (request.target.kind === 'existing' && loaded.revision === undefined) {
      throw new NotFoundError(request.target.entity, request.target.id);
    }
    if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
      throw new ConcurrencyError(request.stream, request.expectedRevision.toString(), describeRevision(loaded.revision));
    }
    const events = request.decider.decide(request.command, loaded.state, context);
    if (events.length === 0) return { state: loaded.state, revision: undefined, position: undefined, replayed: false };
    const expected: ExpectedState = loaded.revision ?? 'no_stream';
    try {
      const result = await guardStore(() => store.append(request.stream, toNewEvents(request, events), expected));
      const state = events.reduce(request.decider.evolve, loaded.state);
      return { state, revision: result.revision, position: result.position, replayed: false };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        if (request.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
          throw new ConcurrencyError(request.stream, (request.expectedRevision ?? loaded.revision ?? -1n).toString(), describeRevision(error.actual));
        }
        await pause(attempt);
        continue;
      }
      if (error instanceof EventIdConflictError) {
        throw new ValidationError([{ path: ['commandId'], message: 'was already used for a different command; send a new commandId' }]);
      }
      throw error;
    }
  }
}

/** Store faults become a typed "try again" for the caller; everything else passes through. */
async function guardStore<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new UnavailableError();
    throw error;
  }
}

/** A short, jittered pause so that competing writers do not collide again in lockstep. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
