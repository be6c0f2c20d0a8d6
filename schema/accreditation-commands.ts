// What the accreditation module's mutations share: labels of its enums in the caller's language, and
// the state of another stream folded for a resolver (running a command is schema/entity-command.ts).
import { z } from 'zod';
import type { Decider, DomainEvent } from '../src/domain/decider.ts';
import type { Labels } from '../src/domain/values.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import type { Types } from './builder.ts';
import { languageArg } from './language.ts';

/** A `…Label(language:)` field for a value of a labelled zod enum. */
export function labelField<Parent>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>,
  schema: z.ZodType,
  value: (parent: Parent) => string | null,
  description: string,
) {
  const labels = z.globalRegistry.get(schema)?.labels as Labels<string>;
  return t.string({
    nullable: true,
    description,
    args: { language: languageArg(t.arg) },
    resolve: (parent, args, context) => {
      const v = value(parent);
      return v === null ? null : (labels[v]?.[args.language ?? context.language] ?? v);
    },
  });
}

/** The state of another stream, folded for a resolver that must tell a decider about it. */
export async function foldStream<Event extends DomainEvent, State>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<never, Event, State>, 'initialState' | 'evolve'>,
): Promise<State> {
  let state = decider.initialState;
  for await (const recorded of store.readStream(stream)) state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
  return state;
}
