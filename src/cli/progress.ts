// Progress of a long tool run (verify, export, import, replay on a large log), on one line of stderr
// redrawn in place, and only when stderr is a terminal: in a pipe, a log file or a test, the output
// stays exactly the report. The line is wiped at the end, so the report follows on a clean screen.
import { encodePosition, type Position } from '../eventstore/position.ts';
import type { EventStore, RecordedEvent, Subscription } from '../eventstore/types.ts';

export type ProgressTerminal = { isTTY?: boolean; write(text: string): unknown };

export type Progress = {
  /** One more event handled. */
  event(position: Position): void;
  /** The log's head, once known, so the line can say how far there is to go. */
  head(position: Position | undefined): void;
  /** Wipes the line. */
  done(): void;
};

const REDRAW_MS = 200;

export function progressLine(terminal: ProgressTerminal, label: string, now: () => number = Date.now): Progress {
  if (!terminal.isTTY) return { event() {}, head() {}, done() {} };
  const started = now();
  let events = 0;
  let last: Position | undefined;
  let end: Position | undefined;
  let drawnAt: number | undefined;
  let drawn = false;
  const draw = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const where = last ? ` at position ${encodePosition(last)}${end ? ` of ${encodePosition(end)}` : ''}` : '';
    terminal.write(`\r\x1b[K${label}: ${events.toLocaleString('en')} events${where}, ${Math.round(events / seconds).toLocaleString('en')}/s`);
    drawn = true;
  };
  return {
    event(position) {
      events += 1;
      last = position;
      const t = now();
      if (drawnAt === undefined || t - drawnAt >= REDRAW_MS) {
        drawnAt = t;
        draw();
      }
    },
    head(position) {
      end = position;
    },
    done() {
      if (drawn) terminal.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** The store with every event read (readAll, subscribe) or appended counted on the progress line. */
export function withProgress(store: EventStore, progress: Progress): EventStore {
  void store.headPosition().then(
    (head) => progress.head(head),
    () => {},
  );
  const counted = async function* (events: AsyncIterable<RecordedEvent>) {
    for await (const event of events) {
      progress.event(event.position);
      yield event;
    }
  };
  const countedPages = async function* (pages: AsyncIterable<RecordedEvent[]>) {
    for await (const page of pages) {
      for (const event of page) progress.event(event.position);
      yield page;
    }
  };
  return {
    kind: store.kind,
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => counted(store.readAll(options)),
    ...(store.readPages ? { readPages: (options) => countedPages(store.readPages!(options)) } : {}),
    subscribe(options): Subscription {
      const subscription = store.subscribe(options);
      return { close: () => subscription.close(), [Symbol.asyncIterator]: () => counted(subscription)[Symbol.asyncIterator]() };
    },
    async append(stream, events, expected) {
      const result = await store.append(stream, events, expected);
      for (let i = 0; i < events.length; i += 1) progress.event(result.position);
      return result;
    },
    headPosition: () => store.headPosition(),
    async close() {
      progress.done();
      await store.close();
    },
  };
}
