// The global log read a page at a time, from any store: its own page reader when it has one (the
// embedded store steps SQLite a page per call), else its readAll grouped into pages, so an adapter
// or a wrapper without `readPages` still serves a bulk reader, only without the speed.
import type { EventStore, ReadPagesOptions, RecordedEvent } from './types.ts';

export const DEFAULT_PAGE_SIZE = 500;

export function readPages(store: EventStore, options: ReadPagesOptions = {}): AsyncIterable<RecordedEvent[]> {
  if (store.readPages) return store.readPages(options);
  const { pageSize = DEFAULT_PAGE_SIZE, ...readAllOptions } = options;
  return (async function* grouped() {
    let page: RecordedEvent[] = [];
    for await (const event of store.readAll(readAllOptions)) {
      page.push(event);
      if (page.length >= pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  })();
}
