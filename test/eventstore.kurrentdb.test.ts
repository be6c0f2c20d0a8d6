// The shared contract against a real KurrentDB node. It needs a server, so it runs only when
// KURRENTDB_URL names one, and is reported as skipped (never as passed) otherwise.
import { describe, it } from 'vitest';
import { openKurrentDbEventStore } from '../src/eventstore/kurrentdb.ts';
import { eventStoreContract } from './eventstore.contract.ts';

const url = process.env.KURRENTDB_URL;

if (url) {
  eventStoreContract(`kurrentdb at ${url}`, async () => {
    const store = openKurrentDbEventStore({ connectionString: url });
    return { store, dispose: () => store.close() };
  });
} else {
  const why = 'set KURRENTDB_URL=kurrentdb://localhost:2113?tls=false to run against a real server; see docker-compose.yml and docs/kurrentdb.md';
  console.warn(`KurrentDB contract suite SKIPPED: ${why}`);
  describe.skip(`KurrentDB contract (${why})`, () => {
    it('runs the event store contract against a KurrentDB node', () => undefined);
  });
}
