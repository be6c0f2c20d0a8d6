// Webhook delivery. Each active webhook has one worker that walks the log after its own cursor
// (in the automation database) and posts the matching events one at a time, in log order: the
// next event waits until the receiver has taken this one. A failed attempt (an error status, a
// refused connection, no answer in time) is retried with exponential back-off and jitter, for as
// long as it takes; the cursor moves in the same transaction that records the delivery, so after
// a crash the event in hand is sent again (at least once), under the same idempotency key.
import type { Hub } from '../hub.ts';
import type { WebhookRow } from '../../projections/webhooks.ts';
import { decodePosition, encodePosition } from '../eventstore/position.ts';
import type { RecordedEvent } from '../eventstore/types.ts';
import { signatureOf } from './webhook-secret.ts';

export type WebhookDelivery = { stop(): Promise<void> };

type Cursor = { position: string | null; round: number };

/** What an integration receives: the event as `events` shows it, and where it sits in the log. */
export const webhookBody = (webhookId: string, event: RecordedEvent): string =>
  JSON.stringify({
    webhookId,
    position: encodePosition(event.position),
    event: {
      id: event.id,
      stream: event.stream,
      revision: event.revision.toString(),
      type: event.type,
      data: event.data,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
    },
  });

/** Exponential back-off with jitter: attempt n waits about base·2^(n-1), capped, between half and all of it. */
export const retryDelayMs = (attempt: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30)) * (0.5 + Math.random() / 2);

export function startWebhookDelivery(hub: Hub, options: { deliverableCategories: () => string[]; onError?: (error: Error) => void }): WebhookDelivery {
  const { retryBaseMs, retryMaxMs, timeoutMs } = hub.config.webhooks;
  const db = hub.automation;
  const selectCursor = db.prepare<[string], { position: string | null; replays_applied: number }>(
    'SELECT position, replays_applied FROM webhook_cursors WHERE webhook_id = ?',
  );
  const saveCursor = db.prepare(`INSERT INTO webhook_cursors (webhook_id, position, replays_applied, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (webhook_id) DO UPDATE SET position = excluded.position, replays_applied = excluded.replays_applied, updated_at = excluded.updated_at`);
  const selectDelivery = db.prepare<[string, number, string], { id: number; attempts: number; status: string }>(
    'SELECT id, attempts, status FROM webhook_deliveries WHERE webhook_id = ? AND round = ? AND position = ?',
  );
  const insertDelivery =
    db.prepare(`INSERT INTO webhook_deliveries (webhook_id, round, position, event_id, event_type, status, attempts, first_attempt_at, last_attempt_at)
    VALUES (?, ?, ?, ?, ?, 'retrying', 0, ?, ?)`);
  const failedAttempt = db.prepare(
    'UPDATE webhook_deliveries SET attempts = ?, response_status = ?, last_error = ?, last_attempt_at = ?, next_attempt_at = ? WHERE id = ?',
  );
  const delivered = db.transaction((id: number, attempts: number, status: number, at: string, webhookId: string, cursor: Cursor) => {
    db.prepare(
      "UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, response_status = ?, last_attempt_at = ?, delivered_at = ?, next_attempt_at = NULL WHERE id = ?",
    ).run(attempts, status, at, at, id);
    saveCursor.run(webhookId, cursor.position, cursor.round, at);
  });

  let stopped = false;
  const stopping = new AbortController();
  const workers = new Map<string, Promise<void>>();
  let generation = 0;
  const waiters = new Set<() => void>();
  const changedSince = (seen: number) => (generation !== seen || stopped ? Promise.resolve() : new Promise<void>((resolve) => waiters.add(resolve)));
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        resolve();
      }
      stopping.signal.addEventListener('abort', done);
    });

  /** The webhook's cursor, moved to the start of a replay asked for since the last look. */
  function cursorOf(target: WebhookRow): Cursor {
    const row = selectCursor.get(target.id);
    if (!row || target.replay_count > row.replays_applied) {
      const position = !row ? target.registered_position : target.replay_after === '0' ? null : target.replay_after;
      saveCursor.run(target.id, position, target.replay_count, new Date().toISOString());
      return { position, round: target.replay_count };
    }
    return { position: row.position, round: row.replays_applied };
  }

  async function nextEvent(target: WebhookRow, after: string | null): Promise<RecordedEvent | undefined> {
    const wanted = JSON.parse(target.categories) as string[];
    const open = options.deliverableCategories();
    const categories = wanted.length ? wanted.filter((c) => open.includes(c)) : open;
    if (categories.length === 0) return undefined;
    const eventTypes = JSON.parse(target.event_types) as string[];
    const filter = { categories, ...(eventTypes.length ? { eventTypes } : {}) };
    for await (const event of hub.store.readAll({ ...(after ? { after: decodePosition(after) } : {}), filter, limit: 1 })) return event;
    return undefined;
  }

  /** Posts until the receiver takes it; false if the webhook was paused or the hub stops first. */
  async function deliver(webhookId: string, cursor: Cursor, event: RecordedEvent): Promise<boolean> {
    const position = encodePosition(event.position);
    const started = new Date().toISOString();
    if (!selectDelivery.get(webhookId, cursor.round, position)) insertDelivery.run(webhookId, cursor.round, position, event.id, event.type, started, started);
    const record = selectDelivery.get(webhookId, cursor.round, position)!;
    const body = webhookBody(webhookId, event);
    const signature = signatureOf(hub.webhookSecrets(webhookId), body);
    for (let attempt = record.attempts + 1; ; attempt++) {
      const target = hub.webhooks.byIds([webhookId])[0];
      if (stopped || !target || target.status !== 'active') return false;
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': position,
            'sapat-signature': signature,
            'sapat-webhook-id': webhookId,
            'sapat-event-type': event.type,
            'sapat-delivery-attempt': String(attempt),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
        });
        status = response.status;
        await response.body?.cancel();
        if (status >= 200 && status < 300) {
          delivered(record.id, attempt, status, new Date().toISOString(), webhookId, { position, round: cursor.round });
          return true;
        }
        error = `the receiver answered HTTP ${status}`;
      } catch (failure) {
        if (stopped) return false;
        const cause = (failure as { cause?: { code?: string } }).cause?.code;
        error = (failure as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `could not reach the receiver${cause ? ` (${cause})` : ''}`;
      }
      const delay = retryDelayMs(attempt, retryBaseMs, retryMaxMs);
      const now = Date.now();
      failedAttempt.run(attempt, status, error, new Date(now).toISOString(), new Date(now + delay).toISOString(), record.id);
      await pause(delay);
    }
  }

  async function work(webhookId: string): Promise<void> {
    while (!stopped) {
      const seen = generation;
      const target = hub.webhooks.byIds([webhookId])[0];
      if (target?.status !== 'active') return;
      const cursor = cursorOf(target);
      const event = await nextEvent(target, cursor.position);
      if (!event) await changedSince(seen);
      else await deliver(webhookId, cursor, event);
    }
  }

  /** A worker for every active webhook that has none (a new registration, a resumed one). */
  function sync(): void {
    if (stopped) return;
    for (const target of hub.webhooks.all()) {
      if (target.status !== 'active' || workers.has(target.id)) continue;
      const worker = work(target.id).then(
        () => {
          workers.delete(target.id);
          // Resumed while this worker was winding down: start again.
          if (!stopped && hub.webhooks.byIds([target.id])[0]?.status === 'active') sync();
        },
        (error: unknown) => {
          workers.delete(target.id);
          options.onError?.(error instanceof Error ? error : new Error(String(error)));
        },
      );
      workers.set(target.id, worker);
    }
  }

  const unsubscribe = hub.projections.onApplied(() => {
    generation++;
    for (const wake of waiters) wake();
    waiters.clear();
    sync();
  });
  sync();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      stopping.abort();
      for (const wake of waiters) wake();
      waiters.clear();
      await Promise.all(workers.values());
    },
  };
}
