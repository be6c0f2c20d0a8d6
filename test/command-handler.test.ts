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
import { director, temporaryDirectory } from './support/fixtures.ts';

const licenseId = '0b0c4a52-7d5e-4a8f-9d51-0d6c1f0f6a11';
const stream = `license-${licenseId}`;

const application: LicensingCommand = {
  type: 'applyForLicense',
  licenseId,
  programme: { code: '580100', name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' }, level: 'bachelor', formOfStudy: 'full_time', faculty: 'Economics' },
  requestedCapacity: 100,
  submittedOn: '2026-01-15',
  registry: {},
};

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
    const grant: LicensingCommand = { type: 'grantLicense', licenseId, licenseNumber: 'LS-1', appendixNumber: '1', grantedOn: '2026-03-01', indefinite: true, registry: {} };
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
