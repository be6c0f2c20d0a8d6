// The command pipeline against the real embedded store: metadata on every event, idempotent
// retries by commandId, the caller's expectedRevision, and bounded re-deciding on a conflict.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommand, type CommandRequest } from '../src/commands/handler.ts';
import { eventIdFor } from '../src/commands/ids.ts';
import { ConcurrencyError, DomainRuleError, NotFoundError, ValidationError } from '../src/domain/errors.ts';
import { licensingDecider, type LicenseState, type LicensingCommand, type LicensingEvent } from '../src/domain/licensing.ts';
import { GENESIS_HASH } from '../src/eventstore/hashchain.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore, RecordedEvent } from '../src/eventstore/types.ts';
import { eventMetadata } from './support/events.ts';
import { director, temporaryDirectory } from './support/fixtures.ts';
import { economicsApplication } from './support/licensing.ts';

const licenseId = '0b0c4a52-7d5e-4a8f-9d51-0d6c1f0f6a11';
const stream = `license-${licenseId}`;

const application = economicsApplication(licenseId);

const group = (formedOn: string): LicensingCommand => ({
  type: 'formExpertGroup',
  licenseId,
  kind: 'expert_group',
  members: [{ name: 'Erkin Saparov', role: 'chair' }],
  formedOn,
});

type Request = CommandRequest<LicensingCommand, LicensingEvent, LicenseState>;

const request = (command: LicensingCommand, overrides: Partial<Request> = {}): Request => ({
  decider: licensingDecider,
  stream,
  command,
  target: { kind: command.type === 'applyForLicense' ? 'new' : 'existing', entity: 'licence', id: licenseId },
  actor: director,
  commandId: `cmd-${command.type}-${Math.random()}`,
  correlationId: 'corr-1',
  now: '2026-11-25T09:00:00.000Z',
  ...overrides,
});

async function read(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readStream(stream)) events.push(e);
  return events;
}

describe('command pipeline', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let store: EventStore;
  beforeEach(() => {
    dir = temporaryDirectory();
    store = openSqliteEventStore({ path: join(dir.path, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('stores the decided events with the actor, command, correlation, causation, time, schema version and hash chain', async () => {
    const outcome = await handleCommand(store, request(application, { commandId: 'cmd-apply', causationId: 'http-request-7' }));
    expect(outcome).toMatchObject({ revision: 0n, replayed: false });
    const [event] = await read(store);
    expect(event!.id).toBe(eventIdFor('cmd-apply', 0));
    expect(event!.type).toBe('LicenseApplied');
    expect(event!.data).toMatchObject({ licenseId, requestedCapacity: 100 });
    expect(event!.metadata).toMatchObject({
      actor: { id: director.id, name: director.name, roles: ['director'] },
      commandId: 'cmd-apply',
      correlationId: 'corr-1',
      causationId: 'http-request-7',
      occurredAt: '2026-11-25T09:00:00.000Z',
      schemaVersion: 1,
      prevHash: GENESIS_HASH,
    });
    expect(event!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a retried commandId with the first result and stores nothing again', async () => {
    const first = await handleCommand(store, request(application, { commandId: 'cmd-apply' }));
    const second = await handleCommand(store, request(application, { commandId: 'cmd-apply' }));
    expect(second).toMatchObject({ revision: first.revision, position: first.position, replayed: true });
    expect(await read(store)).toHaveLength(1);
  });

  it('refuses a commandId already used for another stream, naming the field', async () => {
    await handleCommand(store, request(application, { commandId: 'shared' }));
    const other = request({ ...application, licenseId: 'other' }, { commandId: 'shared', stream: 'license-other' });
    const error = await handleCommand(store, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toEqual(['commandId']);
  });

  it('records a digest of the command with its events, and replays only the very same command', async () => {
    const first = await handleCommand(store, request(application, { commandId: 'cmd-apply' }));
    const [event] = await read(store);
    expect(event!.metadata.commandDigest).toMatch(/^[0-9a-f]{64}$/);
    const again = await handleCommand(
      store,
      request({ ...application, programme: { ...application.programme } }, { commandId: 'cmd-apply', now: '2026-11-26T10:00:00.000Z' }),
    );
    expect(again).toMatchObject({ replayed: true, position: first.position, eventTypes: ['LicenseApplied'] });
  });

  const refusedOnCommandId = async (outcome: Promise<unknown>) => {
    const error = await outcome.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ path: ['commandId'], message: expect.stringMatching(/already used for a different command/) }]);
  };

  it('refuses a commandId sent again with another input, storing nothing', async () => {
    await handleCommand(store, request(application, { commandId: 'cmd-apply' }));
    await refusedOnCommandId(handleCommand(store, request({ ...application, requestedCapacity: 250 }, { commandId: 'cmd-apply' })));
    expect((await read(store)).map((e) => e.data.requestedCapacity)).toEqual([100]);
  });

  it('refuses a commandId sent again for another command on the same stream', async () => {
    await handleCommand(store, request(application));
    await handleCommand(store, request(group('2026-02-01'), { commandId: 'cmd-group' }));
    const conclusion: LicensingCommand = { type: 'recordExpertConclusion', licenseId, outcome: 'positive', summary: 'ok', concludedOn: '2026-02-20' };
    await refusedOnCommandId(handleCommand(store, request(conclusion, { commandId: 'cmd-group' })));
    expect((await read(store)).map((e) => e.type)).toEqual(['LicenseApplied', 'ExpertGroupFormed']);
  });

  it('refuses a commandId sent again by another caller', async () => {
    await handleCommand(store, request(application, { commandId: 'cmd-apply' }));
    await refusedOnCommandId(handleCommand(store, request(application, { commandId: 'cmd-apply', actor: { ...director, id: 'u-someone-else' } })));
  });

  it('refuses a commandId used on another stream before deciding, even where the command would be refused anyway', async () => {
    await handleCommand(store, request(application, { commandId: 'shared' }));
    const elsewhere = request(group('2026-02-01'), {
      commandId: 'shared',
      stream: 'license-missing',
      target: { kind: 'existing', entity: 'licence', id: 'missing' },
    });
    await refusedOnCommandId(handleCommand(store, elsewhere));
  });

  it('answers two concurrent sends of one command with one stored result and one replay', async () => {
    const sends = await Promise.all([
      handleCommand(store, request(application, { commandId: 'twice' })),
      handleCommand(store, request(application, { commandId: 'twice' })),
    ]);
    expect(sends.map((s) => s.replayed)).toEqual([false, true]);
    expect(sends[1]!.position).toEqual(sends[0]!.position);
    expect(await read(store)).toHaveLength(1);
  });

  it('refuses the second of two concurrent sends of one commandId with different inputs', async () => {
    const [first, second] = await Promise.allSettled([
      handleCommand(store, request(application, { commandId: 'racing' })),
      handleCommand(store, request({ ...application, requestedCapacity: 250 }, { commandId: 'racing' })),
    ]);
    expect(first.status).toBe('fulfilled');
    await refusedOnCommandId(second.status === 'rejected' ? Promise.reject(second.reason) : Promise.resolve(second.value));
    expect((await read(store)).map((e) => e.data.requestedCapacity)).toEqual([100]);
  });

  it('digests the caller’s input when the command carries looked-up facts besides it', async () => {
    const input = { ...application };
    await handleCommand(store, request(application, { commandId: 'with-input', input }));
    const replay = await handleCommand(store, request({ ...application, address: 'looked up later' }, { commandId: 'with-input', input }));
    expect(replay.replayed).toBe(true);
  });

  it('replays a commandId whose events were stored before digests were recorded', async () => {
    const legacy = { ...application };
    const [stored] = licensingDecider.decide(legacy, licensingDecider.initialState, { actor: director, now: '2026-11-25T09:00:00.000Z', commandId: 'old' });
    const written = await store.append(
      stream,
      [{ id: eventIdFor('old', 0), type: stored!.type, data: stored!.data, metadata: eventMetadata({ commandId: 'old' }) }],
      'no_stream',
    );
    const outcome = await handleCommand(store, request({ ...application, requestedCapacity: 1 }, { commandId: 'old' }));
    expect(outcome).toMatchObject({ replayed: true, position: written.position });
  });

  it('refuses with ConcurrencyError when the caller expected another revision, storing nothing', async () => {
    await handleCommand(store, request(application));
    await handleCommand(store, request(group('2026-02-01')));
    const error = await handleCommand(store, request(group('2026-02-02'), { expectedRevision: 0n })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedRevision: '0', actualRevision: '1' });
    expect(await read(store)).toHaveLength(2);
  });

  it('honours a correct expectedRevision', async () => {
    await handleCommand(store, request(application));
    const outcome = await handleCommand(store, request(group('2026-02-01'), { expectedRevision: 0n }));
    expect(outcome.revision).toBe(1n);
  });

  it('decides again on fresh state when another writer appended in between', async () => {
    await handleCommand(store, request(application));
    const racing = interleavedWriter(store, async () => {
      await handleCommand(store, request(group('2026-02-01')));
    });
    const outcome = await handleCommand(racing, request(group('2026-02-03')));
    expect(outcome.revision).toBe(2n);
    const events = await read(store);
    expect(events.map((e) => [e.type, e.data.formedOn])).toEqual([
      ['LicenseApplied', undefined],
      ['ExpertGroupFormed', '2026-02-01'],
      ['ExpertGroupFormed', '2026-02-03'],
    ]);
  });

  it('does not retry when the caller gave an expectedRevision and someone else wrote first', async () => {
    await handleCommand(store, request(application));
    const racing = interleavedWriter(store, async () => {
      await handleCommand(store, request(group('2026-02-01')));
    });
    const error = await handleCommand(racing, request(group('2026-02-03'), { expectedRevision: 0n })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(await read(store)).toHaveLength(2);
  });

  it('gives up with ConcurrencyError after a bounded number of conflicts', async () => {
    await handleCommand(store, request(application));
    let intrusions = 0;
    const alwaysRacing: EventStore = {
      ...store,
      readStream: (s, o) => store.readStream(s, o),
      async append(s, events, expected) {
        intrusions++;
        await handleCommand(store, request(group(`2026-03-${String(intrusions).padStart(2, '0')}`)));
        return store.append(s, events, expected);
      },
    };
    const error = await handleCommand(alwaysRacing, request(group('2026-04-01'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(intrusions).toBe(5);
    expect((await read(store)).map((e) => e.data.formedOn)).not.toContain('2026-04-01');
  });

  it('answers NotFoundError for a command on a licence that does not exist', async () => {
    const error = await handleCommand(store, request(group('2026-02-01'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ entity: 'licence', id: licenseId });
    expect(await read(store)).toHaveLength(0);
  });

  it('stores nothing when a rule refuses the command', async () => {
    await handleCommand(store, request(application));
    const grant: LicensingCommand = {
      type: 'grantLicense',
      licenseId,
      licenseNumber: 'LS-1',
      appendixNumber: '1',
      grantedOn: '2026-03-01',
      indefinite: true,
      registry: {},
    };
    const error = await handleCommand(store, request(grant)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).code).toBe('EXPERT_CONCLUSION_REQUIRED');
    expect(await read(store)).toHaveLength(1);
  });
});

/** The real store, with another writer's command run just before this writer's first append. */
function interleavedWriter(store: EventStore, intrude: () => Promise<void>): EventStore {
  let intruded = false;
  return {
    ...store,
    readStream: (s, o) => store.readStream(s, o),
    async append(s, events, expected) {
      if (!intruded) {
        intruded = true;
        await intrude();
      }
      return store.append(s, events, expected);
    },
  };
}
