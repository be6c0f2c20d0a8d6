// The shape of every module's pure core: a command and the current state decide new events, and
// events fold into state. No I/O, clock or randomness here: time, ids and the actor arrive in the
// command context, which is what makes deciders replayable and their tests plain given/when/then.
import { z } from 'zod';

export const roleSchema = z.enum([
  'rector',
  'director',
  'acting_director',
  'head_of_accreditation_sector',
  'senior_inspector',
  'specialist',
  'inspector',
  'head_of_rating_division',
  // The Rating division's inspector: `inspector` is the sector's (licensing, accreditation), so a
  // licensing inspector does not review rating entries.
  'rating_inspector',
  'methodist',
  'unit_head',
  'teacher',
  'auditor',
  'integration',
  // The hub itself, sending follow-ups of reactors and the clock; never given in a token.
  'system',
]);
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(roleSchema),
  unit: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export type CommandContext = {
  actor: Actor;
  /** The moment the command is decided, ISO 8601. */
  now: string;
  commandId: string;
};

/** A domain event before it is stored: its type and its data. */
export type DomainEvent<Type extends string = string, Data extends Record<string, unknown> = Record<string, unknown>> = {
  type: Type;
  data: Data;
};

export type Decider<Command, Event extends DomainEvent, State> = {
  initialState: State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: CommandContext) => Event[];
};

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
