// A command that creates its stream, sent for the first time, is decided on the initial state
// without reading the stream (src/commands/handler.ts): the append expecting no stream is what
// proves the guess. Counted on the real embedded store: the stream is read only when the guess
// fails, and then the answer is the one a read would have given.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommand, type CommandRequest } from '../src/commands/handler.ts';
import { DomainRuleError } from '../src/domain/errors.ts';
import { licensingDecider, type LicenseState, type LicensingCommand, type LicensingEvent } from '../src/domain/licensing.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { director, temporaryDirectory } from './support/fixtures.ts';
import { economicsApplication } from './support/licensing.ts';

const licenseId = '5f1d7c2e-3b4a-4c8e-9a6f-2d7e8b9c0a13';
const stream = `license-${licenseId}`;

const application = economicsApplication(licenseId);

const request = (commandId: string): CommandRequest<LicensingCommand, LicensingEvent, LicenseState> => ({
  decider: licensingDecider,
  stream,
  command: application,
  target: { kind: 'new', entity: 'licence', id: licenseId },
  actor: director,
  commandId,
  correlationId: 'corr-1',
  now: '2026-11-25T09:00:00.000Z',
});

describe('a command that creates its stream', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let store: EventStore;
  /** Streams the handler read, in order. */
  let reads: string[];
  beforeEach(() => {
    dir = temporaryDirectory();
    const real = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    reads = [];
    store = {
      ...real,
      readStream: (name, options) => {
        reads.push(name);
        return real.readStream(name, options);
      },
    };
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('reads nothing of its stream the first time, and reads it when the stream exists after all', async () => {
    const first = await handleCommand(store, request('cmd-apply-1'));
    expect(first).toMatchObject({ revision: 0n, replayed: false });
    expect(reads).toEqual([]);

    // Another command for the same stream: the guess fails at the append and the stream is read,
    // so the refusal is the decider's answer to the licence as it stands.
    await expect(handleCommand(store, request('cmd-apply-2'))).rejects.toBeInstanceOf(DomainRuleError);
    expect(reads).toContain(stream);

    // A retry of the first command is found by its commandId and answered as before, from the stream.
    expect(await handleCommand(store, request('cmd-apply-1'))).toMatchObject({ revision: 0n, replayed: true });
  });
});
