// The command pipeline every mutation goes through: read the stream, fold it, decide, append with
// the revision that was read. Without a caller's expectedRevision a conflict means someone else
// appended in between, so the command is decided again on the fresh state a bounded number of
// times; with one, the caller asked for exactly that revision and gets a ConcurrencyError instead.
// A commandId names one command: sent again with the same command (same digest) it is answered
// with the first result; with anything else it is refused, whether the first send finished long
// ago, on another stream, or is still running in this process.
import type { Actor, CommandContext, Decider, DomainEvent } from '../domain/decider.ts';
import { ConcurrencyError, NotFoundError, UnavailableError, ValidationError } from '../domain/errors.ts';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedRevisionError } from '../eventstore/errors.ts';
import type { EventStore, ExpectedState, NewEvent, Position, RecordedEvent } from '../eventstore/types.ts';
import { commandDigest } from './digest.ts';
import { eventIdFor } from './ids.ts';
import { cachedStreamState, forgetStreamState, rememberStreamState } from './stream-states.ts';

export type CommandRequest<Command, Event extends DomainEvent, State> = {
  decider: Decider<Command, Event, State>;
  stream: string;
  command: Command;
  /** `existing`: the stream must already exist, else NotFoundError; `new`: the command creates it. */
  target: { kind: 'existing' | 'new'; entity: string; id: string };
  actor: Actor;
  commandId: string;
  /**
   * What the caller asked for, if `command` also carries facts the hub looked up (a campaign's
   * dates): the digest that recognises a retry covers this, so a retry stays one after those change.
   */
  input?: unknown;
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
  /** Types of the events the command stored (first time or earlier), for the read models that must include them. */
  eventTypes: string[];
};

const MAX_ATTEMPTS = 5;

type Earlier = { revision: bigint; position: Position; digest: unknown; eventTypes: string[] };

type Loaded<State> = {
  state: State;
  revision: bigint | undefined;
  /** What this commandId stored in the stream earlier, if anything: its last event and its digest. */
  earlier: Earlier | undefined;
};

/**
 * The stream's state and revision, and what this commandId stored in it earlier. With a store that
 * can find a command by id (the embedded one), the state comes from the fold remembered after the
 * stream's last command plus the events appended since (src/commands/stream-states.ts), and the
 * earlier send from that lookup; otherwise the whole stream is read and each event's commandId seen.
 */
async function load<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: CommandRequest<Command, Event, State>,
  found: RecordedEvent | undefined,
): Promise<Loaded<State>> {
  if (!store.findCommand) return loadWhole(store, request);
  const { decider, stream } = request;
  const remembered = cachedStreamState<State>(store, decider, stream);
  let state = remembered?.state ?? decider.initialState;
  let revision = remembered?.revision;
  let lastEventId = remembered?.eventId;
  let first = true;
  for await (const recorded of store.readStream(stream, remembered ? { from: remembered.revision } : {})) {
    if (first && remembered) {
      first = false;
      if (recorded.id === remembered.eventId) continue;
      // The remembered event is no longer there: the log was restored under the hub.
      forgetStreamState(store, decider, stream);
      return load(store, request, found);
    }
    first = false;
    state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
    revision = recorded.revision;
    lastEventId = recorded.id;
  }
  if (remembered && first) {
    // The stream no longer reaches the remembered revision.
    forgetStreamState(store, decider, stream);
    return load(store, request, found);
  }
  if (revision !== undefined && lastEventId !== undefined) rememberStreamState(store, decider, stream, { state, revision, eventId: lastEventId });
  const earlier = found?.stream === stream ? await earlierSend(store, found) : undefined;
  return { state, revision, earlier };
}

/** The earlier send of a command whose last event is `last`: its events are consecutive in the stream. */
async function earlierSend(store: EventStore, last: RecordedEvent): Promise<Earlier> {
  const types: string[] = [];
  for await (const recorded of store.readStream(last.stream, { from: last.revision, direction: 'backwards' })) {
    if (recorded.metadata.commandId !== last.metadata.commandId) break;
    types.unshift(recorded.type);
  }
  return { revision: last.revision, position: last.position, digest: last.metadata.commandDigest, eventTypes: types };
}

async function loadWhole<Command, Event extends DomainEvent, State>(store: EventStore, request: CommandRequest<Command, Event, State>): Promise<Loaded<State>> {
  let state = request.decider.initialState;
  let revision: bigint | undefined;
  let earlier: Earlier | undefined;
  for await (const recorded of store.readStream(request.stream)) {
    state = request.decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
    revision = recorded.revision;
    if (recorded.metadata.commandId === request.commandId) {
      earlier = {
        revision: recorded.revision,
        position: recorded.position,
        digest: recorded.metadata.commandDigest,
        eventTypes: [...(earlier?.eventTypes ?? []), recorded.type],
      };
    }
  }
  return { state, revision, earlier };
}

const commandIdReused = () =>
  new ValidationError([
    { path: ['commandId'], message: 'was already used for a different command (another input, action, target or caller); send a new commandId' },
  ]);

const nameOf = (command: unknown, stream: string): string => {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : stream;
};

function digestOf<Command, Event extends DomainEvent, State>(request: CommandRequest<Command, Event, State>): string {
  return commandDigest({
    name: nameOf(request.command, request.stream),
    stream: request.stream,
    input: request.input ?? request.command,
    actorId: request.actor.id,
  });
}

function toNewEvents<Command, Event extends DomainEvent, State>(request: CommandRequest<Command, Event, State>, events: Event[], digest: string): NewEvent[] {
  const { actor } = request;
  return events.map((event, index) => ({
    id: eventIdFor(request.commandId, index),
    type: event.type,
    data: event.data,
    metadata: {
      actor: { id: actor.id, name: actor.name, roles: actor.roles, ...(actor.unit ? { unit: actor.unit } : {}) },
      commandId: request.commandId,
      commandDigest: digest,
      correlationId: request.correlationId,
      causationId: request.causationId ?? request.commandId,
      occurredAt: request.now,
      schemaVersion: request.schemaVersionOf?.(event.type) ?? 1,
    },
  }));
}

const describeRevision = (r: bigint | undefined): string | null => (r === undefined ? null : r.toString());

/** Sends of one commandId still running, per store: a second send waits for the first to finish. */
const running = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

/**
 * Two sends of one commandId in this process run one after the other, so the second always sees
 * what the first stored and is answered as a replay or refused, never by who won a race.
 */
async function oneAtATime<T>(store: EventStore, commandId: string, work: () => Promise<T>): Promise<T> {
  let sends = running.get(store);
  if (!sends) running.set(store, (sends = new Map()));
  const mine = (sends.get(commandId) ?? Promise.resolve()).catch(() => undefined).then(work);
  sends.set(commandId, mine);
  try {
    return await mine;
  } finally {
    if (sends.get(commandId) === mine) sends.delete(commandId);
  }
}

export function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandOutcome<State>> {
  return oneAtATime(store, request.commandId, () => decideAndAppend(store, request));
}

/** The last event this commandId stored anywhere, where the store can tell. */
async function findCommand(store: EventStore, commandId: string): Promise<RecordedEvent | undefined> {
  return store.findCommand ? guardStore(() => store.findCommand!(commandId)) : undefined;
}

async function decideAndAppend<Command, Event extends DomainEvent, State>(
  store: EventStore,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandOutcome<State>> {
  const context: CommandContext = { actor: request.actor, now: request.now, commandId: request.commandId };
  const digest = digestOf(request);
  const found = await findCommand(store, request.commandId);
  // A send aimed at another stream is another command.
  if (found !== undefined && found.stream !== request.stream) throw commandIdReused();
  // A command that creates its stream, sent for the first time, usually finds no stream: it is then
  // decided on the initial state without reading, and appended expecting no stream. Only that
  // append's success is taken from the guess (it proves, atomically, that the stream was empty);
  // any other outcome (the stream exists, the decider refuses or has nothing to do) is decided
  // again on what the store holds, so the answer is the one a read would have given.
  let guessNew = request.target.kind === 'new' && found === undefined && request.expectedRevision === undefined && store.findCommand !== undefined;
  for (let attempt = 1; ; attempt++) {
    const loaded: Loaded<State> = guessNew
      ? { state: request.decider.initialState, revision: undefined, earlier: undefined }
      : await guardStore(() => load(store, request, found));
    if (loaded.earlier) {
      // Events stored before digests were recorded carry none: the commandId is all there is to go by.
      if (loaded.earlier.digest !== undefined && loaded.earlier.digest !== digest) throw commandIdReused();
      const { revision, position, eventTypes } = loaded.earlier;
      return { state: loaded.state, revision, position, eventTypes, replayed: true };
    }
    if (request.target.kind === 'existing' && loaded.revision === undefined) {
      throw new NotFoundError(request.target.entity, request.target.id);
    }
    if (request.expectedRevision !== undefined && request.expectedRevision !== loaded.revision) {
      throw new ConcurrencyError(request.stream, request.expectedRevision.toString(), describeRevision(loaded.revision));
    }
    let events: Event[];
    try {
      events = request.decider.decide(request.command, loaded.state, context);
    } catch (error) {
      if (!guessNew) throw error;
      guessNew = false;
      attempt--;
      continue;
    }
    if (events.length === 0) {
      if (guessNew) {
        guessNew = false;
        attempt--;
        continue;
      }
      return { state: loaded.state, revision: undefined, position: undefined, eventTypes: [], replayed: false };
    }
    const expected: ExpectedState = loaded.revision ?? 'no_stream';
    try {
      const stored = toNewEvents(request, events, digest);
      const result = await guardStore(() => store.append(request.stream, stored, expected));
      const state = events.reduce(request.decider.evolve, loaded.state);
      if (store.findCommand) {
        rememberStreamState(store, request.decider, request.stream, { state, revision: result.revision, eventId: stored.at(-1)!.id });
      }
      return { state, revision: result.revision, position: result.position, eventTypes: events.map((e) => e.type), replayed: false };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError && guessNew) {
        // The stream exists after all: decide again on what it holds, at once and as the same attempt.
        guessNew = false;
        attempt--;
        continue;
      }
      if (error instanceof WrongExpectedRevisionError) {
        // Whatever was remembered is behind; the next attempt folds what the store now holds.
        forgetStreamState(store, request.decider, request.stream);
        if (request.expectedRevision !== undefined || attempt >= MAX_ATTEMPTS) {
          throw new ConcurrencyError(request.stream, (request.expectedRevision ?? loaded.revision ?? -1n).toString(), describeRevision(error.actual));
        }
        await pause(attempt);
        continue;
      }
      // Another process (or, on a store without findCommand, another stream) used the same key.
      if (error instanceof EventIdConflictError) throw commandIdReused();
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
