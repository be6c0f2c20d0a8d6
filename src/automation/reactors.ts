// Reactors: each reads the log from its own checkpoint and answers the events it chose with
// follow-up commands. The follow-up's command id comes from the reactor's name and the event's id,
// so a reactor that crashed after sending and re-reads the event stores nothing twice. A refused
// follow-up is recorded and the reactor goes on; only an unreachable store makes it wait and retry.
import { followUpCommandIdFor } from '../commands/ids.ts';
import type { EventStore, Position } from '../eventstore/types.ts';
import type { FollowUpCommand, Reactor } from './contracts.ts';
import type { AutomationDatabase } from './database.ts';
import { sendFollowUp, type SendFollowUp } from './follow-up.ts';
import { consumeLog, type LogConsumer } from './log-consumer.ts';
import { refusalCodeOf, refusals } from './refusals.ts';

const RETRY_MS = 1000;

export type ReactorRunner = { reached(position: Position): Promise<void>; stop(): Promise<void> };

export function startReactors(options: {
  store: EventStore;
  db: AutomationDatabase;
  reactors: readonly Reactor[];
  send: SendFollowUp;
  now: () => string;
  onError?: (error: Error) => void;
}): ReactorRunner {
  const refused = refusals(options.db);
  const consumers: LogConsumer[] = options.reactors.map((reactor) =>
    consumeLog({
      store: options.store,
      db: options.db,
      consumer: `reactor:${reactor.name}`,
      eventTypes: new Set(reactor.eventTypes),
      ...(options.onError ? { onError: options.onError } : {}),
      async handle(event, stopping) {
        let followUps: FollowUpCommand[];
        try {
          followUps = reactor.react(event);
        } catch (error) {
          // A reactor that cannot answer one event is a fault to see, not a reason to stop answering the next.
          const message = error instanceof Error ? error.message : String(error);
          refused.record({
            source_kind: 'reactor',
            source: reactor.name,
            event_id: event.id,
            command: '(none: the reactor failed)',
            command_id: followUpCommandIdFor(`reactor:${reactor.name}`, event.id, -1),
            code: 'REACTOR_FAILED',
            message,
          });
          return;
        }
        for (const [index, followUp] of followUps.entries()) {
          const commandId = followUpCommandIdFor(`reactor:${reactor.name}`, event.id, index);
          const request = { followUp, commandId, correlationId: event.metadata.correlationId, causationId: event.id, now: options.now() };
          for (;;) {
            const result = await sendFollowUp(options.send, request);
            if (result.kind === 'done') break;
            if (result.kind === 'refused') {
              const message = result.error instanceof Error ? result.error.message : String(result.error);
              refused.record({
                source_kind: 'reactor',
                source: reactor.name,
                event_id: event.id,
                command: followUp.command,
                command_id: commandId,
                code: refusalCodeOf(result.error),
                message,
              });
              break;
            }
            await stopping.pause(RETRY_MS);
            if (stopping.stopped) return;
          }
        }
      },
    }),
  );
  return {
    reached: async (position) => void (await Promise.all(consumers.map((c) => c.reached(position)))),
    stop: async () => void (await Promise.all(consumers.map((c) => c.stop()))),
  };
}
