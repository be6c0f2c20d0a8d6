// The clock's scheduler. A feeder reads the log from its own checkpoint and keeps the due moments
// the modules' ClockRules declare in the automation database (in the same transaction as the
// checkpoint); one timer wakes the hub at the earliest moment not yet acted on, and the follow-up
// is sent as the system actor. Moments that fell due while the hub was down are acted on as soon
// as the feeder has caught up with the log, so a moment cancelled meanwhile is not acted on.
import { followUpCommandIdFor } from '../commands/ids.ts';
import { encodePosition } from '../eventstore/position.ts';
import type { EventStore, Position } from '../eventstore/types.ts';
import type { Clock } from './clock.ts';
import type { ClockChange, ClockRule } from './contracts.ts';
import { checkpoints, type AutomationDatabase } from './database.ts';
import { sendFollowUp, type SendFollowUp } from './follow-up.ts';
import { consumeLog } from './log-consumer.ts';
import { refusalCodeOf, refusals } from './refusals.ts';

const RETRY_MS = 1000;
const CONSUMER = 'clock';

type MomentRow = { key: string; rule: string; at: string; command: string; input: string; cause_event_id: string; correlation_id: string };

export type Scheduler = {
  /** Resolves once the feeder has read the log up to `position` and every moment due now is acted on. */
  settled(position?: Position): Promise<void>;
  /** The clock moved (tests): act on what is due now. */
  wake(): void;
  stop(): Promise<void>;
};

export async function startScheduler(options: {
  store: EventStore;
  db: AutomationDatabase;
  rules: readonly ClockRule[];
  send: SendFollowUp;
  clock: Clock;
  onError?: (error: Error) => void;
}): Promise<Scheduler> {
  const { db, clock } = options;
  const refused = refusals(db);
  const upsert = db.prepare(`INSERT INTO clock_moments (key, rule, at, command, input, cause_event_id, correlation_id, fired_at)
    VALUES (@key, @rule, @at, @command, @input, @cause_event_id, @correlation_id, NULL)
    ON CONFLICT (key) DO UPDATE SET rule = excluded.rule, at = excluded.at, command = excluded.command, input = excluded.input,
      cause_event_id = excluded.cause_event_id, correlation_id = excluded.correlation_id,
      fired_at = CASE WHEN clock_moments.at = excluded.at THEN clock_moments.fired_at ELSE NULL END`);
  const cancel = db.prepare('DELETE FROM clock_moments WHERE key = ?');
  const nextDue = db.prepare<[], { at: string }>('SELECT at FROM clock_moments WHERE fired_at IS NULL ORDER BY at LIMIT 1');
  const dueNow = db.prepare<[string], MomentRow>('SELECT * FROM clock_moments WHERE fired_at IS NULL AND at <= ? ORDER BY at, key');
  const markFired = db.prepare('UPDATE clock_moments SET fired_at = ? WHERE key = ? AND at = ?');
  const saveCheckpoint = checkpoints(db).save;

  const byType = new Map<string, ClockRule[]>();
  for (const rule of options.rules) for (const type of rule.eventTypes) byType.set(type, [...(byType.get(type) ?? []), rule]);

  let caughtUp = false;
  let stopped = false;
  let cancelTimer: (() => void) | undefined;
  let firing: Promise<void> | undefined;
  let again = false;

  function arm(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    if (stopped || !caughtUp) return;
    const next = nextDue.get();
    if (next) cancelTimer = clock.setTimer(Date.parse(next.at) - clock.now(), wake);
  }

  function wake(): void {
    if (stopped || !caughtUp) return;
    if (firing) {
      again = true;
      return;
    }
    firing = fireDue().finally(() => {
      firing = undefined;
      if (again) {
        again = false;
        wake();
      } else arm();
    });
  }

  async function fireDue(): Promise<void> {
    for (;;) {
      const now = new Date(clock.now()).toISOString();
      const due = dueNow.all(now);
      if (due.length === 0 || stopped) return;
      for (const moment of due) {
        const followUp = { command: moment.command, input: JSON.parse(moment.input) as Record<string, unknown> };
        const commandId = followUpCommandIdFor(`clock:${moment.rule}`, `${moment.key}@${moment.at}`);
        const result = await sendFollowUp(options.send, { followUp, commandId, correlationId: moment.correlation_id, causationId: moment.cause_event_id, now });
        if (result.kind === 'retry') {
          // The store is unreachable: try again shortly rather than hold the loop.
          cancelTimer?.();
          cancelTimer = clock.setTimer(RETRY_MS, wake);
          return;
        }
        if (result.kind === 'refused') {
          const message = result.error instanceof Error ? result.error.message : String(result.error);
          refused.record({
            source_kind: 'clock',
            source: moment.rule,
            event_id: moment.cause_event_id,
            command: moment.command,
            command_id: commandId,
            code: refusalCodeOf(result.error),
            message,
          });
        }
        markFired.run(now, moment.key, moment.at);
        if (stopped) return;
      }
    }
  }

  const apply = db.transaction((changes: { rule: string; change: ClockChange }[], cause: { id: string; correlationId: string }, position: string) => {
    for (const { rule, change } of changes) {
      if (change.action === 'cancel') cancel.run(change.key);
      else {
        upsert.run({
          key: change.key,
          rule,
          at: new Date(change.at).toISOString(),
          command: change.followUp.command,
          input: JSON.stringify(change.followUp.input),
          cause_event_id: cause.id,
          correlation_id: cause.correlationId,
        });
      }
    }
    saveCheckpoint(CONSUMER, position);
  });

  const headAtStart = await options.store.headPosition();
  const feeder = consumeLog({
    store: options.store,
    db,
    consumer: CONSUMER,
    eventTypes: new Set(byType.keys()),
    ...(options.onError ? { onError: options.onError } : {}),
    handle(event) {
      const changes = (byType.get(event.type) ?? []).flatMap((rule) => rule.changes(event).map((change) => ({ rule: rule.name, change })));
      apply(changes, { id: event.id, correlationId: event.metadata.correlationId }, encodePosition(event.position));
      if (caughtUp) wake();
    },
  });
  const startFiring = () => {
    caughtUp = true;
    wake();
  };
  if (headAtStart) void feeder.reached(headAtStart).then(startFiring);
  else startFiring();

  const idle = async (): Promise<void> => {
    while (firing) await firing;
  };

  return {
    async settled(position) {
      if (position) await feeder.reached(position);
      else if (headAtStart) await feeder.reached(headAtStart);
      await idle();
      // A moment that came due during the wait is acted on before this resolves.
      if (caughtUp && dueNow.all(new Date(clock.now()).toISOString()).length > 0) {
        wake();
        await idle();
      }
    },
    wake,
    async stop() {
      stopped = true;
      cancelTimer?.();
      await feeder.stop();
      await idle();
    },
  };
}
