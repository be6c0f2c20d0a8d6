// The pipeline folds only what was appended since a stream's last command (src/commands/
// stream-states.ts). These tests hold it to the whole-stream fold: same state after many commands,
// a log restored from an older copy under the hub noticed, and a remembered state nobody can change.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleCommand, type CommandRequest } from '../src/commands/handler.ts';
import { cachedStreamState } from '../src/commands/stream-states.ts';
import { fold } from '../src/domain/decider.ts';
import { licensingDecider, type LicenseState, type LicensingCommand, type LicensingEvent } from '../src/domain/licensing.ts';
import { openSqliteEventStore } from '../src/eventstore/sqlite.ts';
import type { EventStore } from '../src/eventstore/types.ts';
import { director, temporaryDirectory } from './support/fixtures.ts';

const licenseId = 'c3f1b7e2-1a2b-4c3d-8e9f-000000000001';
const stream = `license-${licenseId}`;
let sent = 0;

const request = (command: LicensingCommand): CommandRequest<LicensingCommand, LicensingEvent, LicenseState> => ({
  decider: licensingDecider,
  stream,
  command,
  target: { kind: command.type === 'applyForLicense' ? 'new' : 'existing', entity: 'licence', id: licenseId },
  actor: director,
  commandId: `cmd-${sent++}`,
  correlationId: 'corr',
  now: '2026-11-25T09:00:00.000Z',
});

const toGrant: LicensingCommand[] = [
  {
    type: 'applyForLicense',
    licenseId,
    programme: {
      code: '580100',
      name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
      level: 'bachelor',
      formOfStudy: 'full_time',
      faculty: 'Economics',
    },
    requestedCapacity: 100,
    submittedOn: '2026-01-15',
    registry: {},
  },
  { type: 'formExpertGroup', licenseId, kind: 'expert_group', members: [{ name: 'Erkin Saparov', role: 'chair' }], formedOn: '2026-02-01' },
  { type: 'recordExpertConclusion', licenseId, outcome: 'positive', summary: 'ok', concludedOn: '2026-02-20' },
  { type: 'grantLicense', licenseId, licenseNumber: 'LS-1', appendixNumber: 'A-1', grantedOn: '2026-03-01', indefinite: true, registry: {} },
];
const amendment = (capacity: number, amendedOn = '2026-04-01'): LicensingCommand => ({
  type: 'amendLicense',
  licenseId,
  capacity,
  reason: 'revised',
  amendedOn,
});

async function wholeFold(store: EventStore): Promise<LicenseState> {
  const events: LicensingEvent[] = [];
  for await (const e of store.readStream(stream)) events.push({ type: e.type, data: e.data } as LicensingEvent);
  return fold(licensingDecider, events);
}

describe('remembered stream states', () => {
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

  it('decides on the same state as folding the whole stream, command after command', async () => {
    for (const command of toGrant) await handleCommand(store, request(command));
    for (let capacity = 101; capacity <= 130; capacity++) {
      const outcome = await handleCommand(store, request(amendment(capacity)));
      expect(outcome.state).toEqual(await wholeFold(store));
    }
    expect(cachedStreamState(store, licensingDecider, stream)?.revision).toBe(33n);
  });

  it('notices a log restored from an older copy under it and folds what the store now holds', async () => {
    for (const command of toGrant) await handleCommand(store, request(command));
    await handleCommand(store, request(amendment(150)));
    await store.close();
    copyFileSync(join(dir.path, 'events.db'), join(dir.path, 'older.db'));
    const latest = openSqliteEventStore({ path: join(dir.path, 'events.db') });
    const older = openSqliteEventStore({ path: join(dir.path, 'older.db') });
    store = latest;
    // One store object for the pipeline, whose file is swapped underneath it, as a restore does.
    let current = latest;
    const restorable = new Proxy({} as EventStore, { get: (_, key: keyof EventStore) => (current[key] as (...args: never) => unknown).bind(current) });

    await handleCommand(restorable, request(amendment(160)));
    await handleCommand(restorable, request(amendment(170)));
    expect(cachedStreamState(restorable, licensingDecider, stream)?.revision).toBe(6n);

    // The older copy went on differently: revisions 5 and 6 are other events than the ones remembered.
    await handleCommand(older, request(amendment(900)));
    await handleCommand(older, request({ type: 'suspendLicense', licenseId, reason: 'inspection', suspendedOn: '2026-05-01' }));
    current = older;
    const outcome = await handleCommand(restorable, request(amendment(902, '2026-06-01')));
    expect(outcome.revision).toBe(7n);
    expect(outcome.state).toEqual(await wholeFold(older));
    expect(outcome.state).toMatchObject({ capacity: 902, status: 'suspended' });

    // And a copy that does not reach the remembered revision at all.
    const shorter = openSqliteEventStore({ path: join(dir.path, 'shorter.db') });
    for (const command of toGrant) await handleCommand(shorter, request(command));
    current = shorter;
    const fresh = await handleCommand(restorable, request(amendment(120)));
    expect(fresh.revision).toBe(4n);
    expect(fresh.state).toEqual(await wholeFold(shorter));
    await Promise.all([older.close(), shorter.close()]);
  });

  it('keeps a remembered state from being changed by anyone who holds it', async () => {
    for (const command of toGrant) await handleCommand(store, request(command));
    const remembered = cachedStreamState<LicenseState>(store, licensingDecider, stream)!;
    expect(() => {
      (remembered.state as { capacity: number }).capacity = 1;
    }).toThrow(TypeError);
  });
});
