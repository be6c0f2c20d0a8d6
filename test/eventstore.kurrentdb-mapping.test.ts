import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  EVENT_TYPE,
  NO_STREAM,
  NotLeaderError,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedRevisionError } from '../src/eventstore/errors.ts';
import {
  checkExpected,
  fromClientPosition,
  fromStoredMetadata,
  fromStreamState,
  planFilter,
  storedBatch,
  storedEventId,
  toClientPosition,
  toEventData,
  toRecordedEvent,
  toStoreError,
  toStoredMetadata,
  toStreamState,
  type StoredEvent,
} from '../src/eventstore/kurrentdb-mapping.ts';
import { decodePosition, encodePosition } from '../src/eventstore/position.ts';
import type { EventMetadata, NewEvent, RecordedEvent } from '../src/eventstore/types.ts';

const metadata: EventMetadata = {
  actor: { id: 'u-7', name: 'Нурлан', roles: ['planner'], unit: 'QA' },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  occurredAt: '2026-11-25T09:00:00.000Z',
  schemaVersion: 2,
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
  source: 'import',
};

const uuid = '7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b';

const stored = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  streamId: 'licence-7f3c',
  id: uuid,
  revision: 4n,
  type: 'LicenceGranted',
  created: new Date('2026-11-25T09:00:01.250Z'),
  isJson: true,
  data: { programme: 'Педагогика', seats: 120 },
  metadata: toStoredMetadata(metadata),
  position: { commit: 1200n, prepare: 1100n },
  ...overrides,
});

describe('expected state ↔ streamState', () => {
  it('maps each expected state to the client constant and back', () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState(41n)).toBe(41n);
    expect(fromStreamState(NO_STREAM)).toBe('no_stream');
    expect(fromStreamState(STREAM_EXISTS)).toBe('exists');
    expect(fromStreamState(ANY)).toBe('any');
    expect(fromStreamState(0n)).toBe(0n);
  });

  it('checks an expectation against the revision read', () => {
    expect(() => checkExpected('s-1', 'any', undefined)).not.toThrow();
    expect(() => checkExpected('s-1', 'any', 3n)).not.toThrow();
    expect(() => checkExpected('s-1', 'no_stream', undefined)).not.toThrow();
    expect(() => checkExpected('s-1', 'exists', 0n)).not.toThrow();
    expect(() => checkExpected('s-1', 3n, 3n)).not.toThrow();
    expect(() => checkExpected('s-1', 'no_stream', 0n)).toThrow(WrongExpectedRevisionError);
    expect(() => checkExpected('s-1', 'exists', undefined)).toThrow(WrongExpectedRevisionError);
    expect(() => checkExpected('s-1', 0n, undefined)).toThrow(WrongExpectedRevisionError);
    try {
      checkExpected('s-1', 2n, 5n);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ stream: 's-1', expected: 2n, actual: 5n });
    }
  });
});

describe('positions', () => {
  it('carry commit and prepare across unchanged, and survive the GraphQL cursor', () => {
    const client = toClientPosition({ commit: 1200n, prepare: 1100n });
    expect(client).toEqual({ commit: 1200n, prepare: 1100n });
    expect(fromClientPosition(client)).toEqual({ commit: 1200n, prepare: 1100n });
    expect(decodePosition(encodePosition(fromClientPosition({ commit: 9223372036854775807n, prepare: 7n })))).toEqual({
      commit: 9223372036854775807n,
      prepare: 7n,
    });
  });
});

describe('metadata', () => {
  it('stores correlation and causation under the reserved keys and keeps everything else', () => {
    const out = toStoredMetadata(metadata);
    expect(out).toEqual({
      actor: { id: 'u-7', name: 'Нурлан', roles: ['planner'], unit: 'QA' },
      commandId: 'cmd-1',
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      occurredAt: '2026-11-25T09:00:00.000Z',
      schemaVersion: 2,
      prevHash: 'p'.repeat(64),
      hash: 'h'.repeat(64),
      source: 'import',
    });
    expect(out).not.toHaveProperty('correlationId');
    expect(out).not.toHaveProperty('causationId');
  });

  it('round-trips exactly, through JSON as the server stores it', () => {
    expect(fromStoredMetadata(JSON.parse(JSON.stringify(toStoredMetadata(metadata))))).toEqual(metadata);
  });

  it('refuses metadata without the reserved keys', () => {
    expect(() => fromStoredMetadata({ actor: {}, $correlationId: 'c' })).toThrow(/\$correlationId\/\$causationId/);
  });
});

describe('event ids and event data', () => {
  it('keeps a lowercase UUID and maps anything else to a stable version-8 UUID', () => {
    expect(storedEventId(uuid)).toBe(uuid);
    const mapped = storedEventId('licence-7f3c/apply/0');
    expect(mapped).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(storedEventId('licence-7f3c/apply/0')).toBe(mapped);
    expect(storedEventId('licence-7f3c/apply/1')).not.toBe(mapped);
    expect(storedEventId(uuid.toUpperCase())).not.toBe(uuid);
  });

  it('builds a JSON event with the stored metadata', () => {
    const event: NewEvent = { id: uuid, type: 'LicenceGranted', data: { seats: 120 }, metadata };
    expect(toEventData(event)).toEqual({
      id: uuid,
      contentType: 'application/json',
      type: 'LicenceGranted',
      data: { seats: 120 },
      metadata: toStoredMetadata(metadata),
    });
  });

  it('keeps an id that is not a UUID in the metadata and restores it on read', () => {
    const data = toEventData({ id: 'cmd-1/0', type: 'LicenceGranted', data: {}, metadata });
    expect(data.id).toBe(storedEventId('cmd-1/0'));
    expect(data.metadata).toMatchObject({ originalEventId: 'cmd-1/0' });
    const read = toRecordedEvent(stored({ id: data.id, metadata: JSON.parse(JSON.stringify(data.metadata)) }));
    expect(read.id).toBe('cmd-1/0');
    expect(read.metadata).toEqual(metadata);
  });
});

describe('recorded events', () => {
  it('maps a resolved client event to the port', () => {
    expect(toRecordedEvent(stored())).toEqual({
      id: uuid,
      stream: 'licence-7f3c',
      revision: 4n,
      position: { commit: 1200n, prepare: 1100n },
      type: 'LicenceGranted',
      data: { programme: 'Педагогика', seats: 120 },
      metadata,
      recordedAt: '2026-11-25T09:00:01.250Z',
    });
  });

  it('refuses events the hub cannot have written or cannot place in the log', () => {
    expect(() => toRecordedEvent(stored({ position: undefined }))).toThrow(/no log position/);
    expect(() => toRecordedEvent(stored({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/not JSON/);
    expect(() => toRecordedEvent(stored({ data: [1, 2] }))).toThrow(/not JSON/);
    expect(() => toRecordedEvent(stored({ metadata: undefined }))).toThrow(/not JSON/);
  });
});

describe('stored batch (idempotent retry)', () => {
  const newEvent = (id: string, n: number): NewEvent => ({ id, type: 'IndicatorMeasured', data: { n }, metadata });
  const recorded = (id: string, n: number, revision: bigint): RecordedEvent => ({
    id,
    stream: 'kpi-1',
    revision,
    position: { commit: revision * 100n, prepare: revision * 100n },
    type: 'IndicatorMeasured',
    data: { n },
    metadata,
    recordedAt: '2026-11-25T09:00:00.000Z',
  });
  const latest = [recorded('c', 3, 2n), recorded('b', 2, 1n), recorded('a', 1, 0n)];

  it('finds nothing when no id is stored', () => {
    expect(storedBatch('kpi-1', [newEvent('x', 1)], latest)).toBeUndefined();
  });

  it('answers a retried batch with its last event', () => {
    expect(storedBatch('kpi-1', [newEvent('a', 1), newEvent('b', 2)], latest)).toEqual({
      revision: 1n,
      position: { commit: 100n, prepare: 100n },
    });
  });

  it('treats other content, a partial batch or a rearranged batch as a conflict on the reused id', () => {
    const conflict = (events: NewEvent[]) => {
      try {
        storedBatch('kpi-1', events, latest);
      } catch (error) {
        expect(error).toBeInstanceOf(EventIdConflictError);
        return (error as EventIdConflictError).eventId;
      }
      throw new Error('expected a conflict');
    };
    expect(conflict([newEvent('b', 99)])).toBe('b');
    expect(conflict([newEvent('a', 1), newEvent('x', 9)])).toBe('a');
    expect(conflict([newEvent('x', 9), newEvent('c', 3)])).toBe('c');
    expect(conflict([newEvent('b', 2), newEvent('a', 1)])).toBe('b');
    expect(
      storedBatch(
        'kpi-2',
        [newEvent('a', 1)],
        latest.map((e) => ({ ...e, stream: 'kpi-2' })),
      ),
    ).toBeDefined();
  });
});

describe('filters', () => {
  const event = (streamId: string, type: string) => ({ streamId, type });

  it('excludes system events server-side when nothing is asked for', () => {
    const plan = planFilter();
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(plan.accepts(event('licence-1', 'LicenceGranted'))).toBe(true);
    expect(plan.accepts(event('licence-1', '$metadata'))).toBe(false);
    expect(plan.accepts(event('$projections-x', 'Result'))).toBe(false);
  });

  it('filters categories by stream-name prefix ending in the separator', () => {
    const plan = planFilter({ categories: ['licence', 'rating'] });
    expect(plan.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['licence-', 'rating-'] });
    expect(plan.accepts(event('licence-1', 'LicenceGranted'))).toBe(true);
    expect(plan.accepts(event('licences-1', 'LicenceGranted'))).toBe(false);
    expect(plan.accepts(event('kpi-1', 'LicenceGranted'))).toBe(false);
  });

  it('filters event types exactly, with names escaped, not by prefix', () => {
    const plan = planFilter({ eventTypes: ['Licence.Granted', 'RatingScored'] });
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:Licence\\.Granted|RatingScored)$' });
    const regex = new RegExp((plan.server as { regex: string }).regex);
    expect(regex.test('Licence.Granted')).toBe(true);
    expect(regex.test('LicenceXGranted')).toBe(false);
    expect(regex.test('RatingScoredV2')).toBe(false);
    expect(plan.accepts(event('rating-1', 'RatingScoredV2'))).toBe(false);
  });

  it('puts event types server-side and checks categories here when both are given', () => {
    const plan = planFilter({ categories: ['rating'], eventTypes: ['LicenceApplied'] });
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:LicenceApplied)$' });
    expect(plan.accepts(event('rating-1', 'LicenceApplied'))).toBe(true);
    expect(plan.accepts(event('licence-1', 'LicenceApplied'))).toBe(false);
  });

  it('treats empty lists as no filter and carries the checkpoint callback', () => {
    const checkpointReached = () => undefined;
    const plan = planFilter({ categories: [], eventTypes: [] }, checkpointReached);
    expect(plan.server).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*', checkpointReached, checkpointInterval: 1 });
    expect(plan.accepts(event('kpi-1', 'IndicatorMeasured'))).toBe(true);
  });
});

describe('errors', () => {
  it('turns a wrong expected version into the port error with the caller’s expectation', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'kpi-1', expected: 3n, current: 5n });
    const mapped = toStoreError(error, { stream: 'kpi-1', expected: 'exists' });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 'kpi-1', expected: 'exists', actual: 5n });
  });

  it('reads a missing stream as an undefined actual revision, and falls back to the client’s expectation', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'kpi-2', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(toStoreError(error)).toMatchObject({ name: 'WrongExpectedRevisionError', stream: 'kpi-2', expected: 'exists', actual: undefined });
  });

  it('turns connection failures into StoreUnavailableError, keeping the cause', () => {
    const failures: Error[] = [
      new UnavailableError(undefined, 'connection refused'),
      new DeadlineExceededError(),
      new TimeoutError(),
      new CancelledError(),
      new UnknownError(),
      new NotLeaderError({ metadata: { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' } } as never),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      new Error('Failed to discover after 10 attempts.'),
    ];
    for (const failure of failures) {
      const mapped = toStoreError(failure);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect(mapped.cause).toBe(failure);
    }
    expect(toStoreError(new UnavailableError(undefined, 'connection refused')).message).toBe('KurrentDB could not be reached: connection refused');
  });

  it('passes every other failure through unchanged', () => {
    const deleted = StreamDeletedError.fromStreamName('kpi-1');
    expect(toStoreError(deleted)).toBe(deleted);
    const conflict = new EventIdConflictError('e-1');
    expect(toStoreError(conflict)).toBe(conflict);
    const plain = new Error('bad input');
    expect(toStoreError(plain)).toBe(plain);
    expect(toStoreError('text')).toMatchObject({ message: 'text' });
  });
});
