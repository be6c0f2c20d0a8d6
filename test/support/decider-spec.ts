// Given/when/then for any Decider: given the events already in the stream, when a command arrives,
// then exactly these events are decided, or a DomainRuleError with this stable code is thrown.
// Assertions go through vitest's `expect`, so a mismatch shows a diff of the events.
import { expect } from 'vitest';
import { fold, type CommandContext, type Decider, type DomainEvent } from '../../src/domain/decider.ts';
import { DomainRuleError } from '../../src/domain/errors.ts';

type Outcome = { kind: 'events'; events: unknown[] } | { kind: 'error'; error: unknown };

export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>, context: CommandContext) {
  return {
    given: (history: readonly Event[]) => ({
      when: (command: Command) => {
        const run = (): Outcome => {
          // A copy, so a decider that mutated its input could not leak into the next test.
          const state = fold(decider, structuredClone([...history]));
          try {
            return { kind: 'events', events: decider.decide(structuredClone(command), state, context) };
          } catch (error) {
            return { kind: 'error', error };
          }
        };
        return {
          then(expected: readonly Event[]): void {
            const outcome = run();
            if (outcome.kind === 'error') throw new Error(`expected events, but decide threw: ${String(outcome.error)}`, { cause: outcome.error });
            expect(outcome.events).toStrictEqual(expected);
          },
          thenThrows(code: string): void {
            const outcome = run();
            if (outcome.kind === 'events') expect.fail(`expected DomainRuleError ${code}, but decide returned ${JSON.stringify(outcome.events)}`);
            expect(outcome.error).toBeInstanceOf(DomainRuleError);
            expect((outcome.error as DomainRuleError).code).toBe(code);
            expect((outcome.error as DomainRuleError).message).not.toBe('');
          },
        };
      },
    }),
  };
}
