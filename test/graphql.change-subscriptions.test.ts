// Change subscriptions as a frontend reaches them (Server-Sent Events through yoga.fetch). The
// projection runner applies a whole batch of events in one transaction; each change must still
// carry the licence as it stood at that change, subscribers of the same selection share one feed,
// and a subscriber that falls too far behind is ended with an error saying where to resume.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { licensingDecider, type LicenseState, type LicensingCommand } from '../src/domain/licensing.ts';
import { fold, type DomainEvent } from '../src/domain/decider.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { eventMetadata } from './support/events.ts';
import { director, TEST_SECRET, temporaryDirectories, testConfig, tokenFor } from './support/fixtures.ts';
import { sseSubscription, yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';

const CHANGES = `subscription($id: ID) { licenseChanged(id: $id) { eventType revision position license { revision capacity } } }`;

const dirs = temporaryDirectories();
let token: string;
const opened: Hub[] = [];

beforeAll(async () => {
  token = await tokenFor(director);
});
afterEach(async () => {
  for (const hub of opened.splice(0)) await hub.close();
});
afterAll(() => dirs.removeAll());

async function hubWith(settings: Record<string, string> = {}) {
  const hub = await openHub(testConfig(dirs.newDir(), settings));
  opened.push(hub);
  const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  const send = licensingSender(yogaClient(yoga), token);
  const { id, licenseId } = await send(APPLY, applicationInput());
  await send(FORM_GROUP, expertGroupInput(id));
  await send(CONCLUDE, { licenseId: id, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await send(GRANT, { licenseId: id, licenseNumber: 'LS240001', appendixNumber: '12', grantedOn: '2026-03-01', indefinite: true });
  return { hub, yoga, id, licenseId };
}

/**
 * Amends the licence `count` times in ONE append, so the runner applies them in one batch: the
 * events the command pipeline would store for these amendments, decided one after another.
 */
async function amendInOneBatch(hub: Hub, licenseId: string, capacities: number[]): Promise<bigint> {
  const stream = `license-${licenseId}`;
  const history: DomainEvent[] = [];
  for await (const event of hub.store.readStream(stream)) history.push({ type: event.type, data: event.data });
  let state = fold(licensingDecider, history as never) as LicenseState;
  const decided: DomainEvent[] = [];
  for (const capacity of capacities) {
    const command = { type: 'amendLicense', licenseId, capacity, reason: 'A new building was opened', amendedOn: '2026-04-01' } as LicensingCommand;
    for (const event of licensingDecider.decide(command, state, { actor: director, now: '2026-04-01T09:00:00Z', commandId: crypto.randomUUID() })) {
      state = licensingDecider.evolve(state, event);
      decided.push(event);
    }
  }
  const before = BigInt(history.length - 1);
  await hub.store.append(
    stream,
    decided.map((e) => ({ id: crypto.randomUUID(), type: e.type, data: e.data, metadata: eventMetadata() })),
    before,
  );
  return before;
}

describe('change subscriptions', () => {
  it('carry each licence as it stood at that change, even when many changes are applied in one batch', async () => {
    const { hub, yoga, id, licenseId } = await hubWith();
    const first = await sseSubscription(yoga, CHANGES, { id }, token);
    const second = await sseSubscription(yoga, CHANGES, {}, token);
    // Two subscribers of the licence changes share one feed: one read per change, not one each.
    expect(hub.projections.listenerCount()).toBe(1);

    const capacities = [160, 170, 180, 190, 200, 210];
    const before = await amendInOneBatch(hub, licenseId, capacities);
    const expected = capacities.map((capacity, i) => ({
      eventType: 'LicenseAmended',
      revision: Number(before) + 1 + i,
      position: expect.any(String),
      license: { revision: Number(before) + 1 + i, capacity },
    }));
    for (const subscriber of [first, second]) {
      const received = [];
      for (const _ of capacities) received.push((await subscriber.next())?.data?.licenseChanged);
      expect(received).toEqual(expected);
    }
    await first.close();
    await second.close();
    expect(hub.projections.listenerCount()).toBe(0);
  });

  it('end a subscriber that falls too far behind with SUBSCRIBER_TOO_SLOW, after the changes it had queued', async () => {
    const { hub, yoga, id, licenseId } = await hubWith({ SAPAT_SUBSCRIPTION_QUEUE: '3' });
    const slow = await sseSubscription(yoga, CHANGES, { id }, token);
    const before = Number(await amendInOneBatch(hub, licenseId, [151, 152, 153, 154, 155]));

    // Three changes fit in its queue; the fourth found it full, so the fifth is never read for it.
    const received = [];
    for (let i = 0; i < 3; i++) received.push((await slow.next())?.data?.licenseChanged);
    expect(received.map((c) => c.revision)).toEqual([before + 1, before + 2, before + 3]);
    const last = await slow.next();
    expect(last?.data).toBeNull();
    expect(last?.errors?.[0]?.extensions).toMatchObject({ code: 'SUBSCRIBER_TOO_SLOW', limit: 3, lastPosition: received[2].position });
    expect(last?.errors?.[0]?.message).toContain(`fell more than 3 changes behind and was ended after the change at position ${received[2].position}`);
    expect(last?.errors?.[0]?.message).toContain(`events(after: "${received[2].position}")`);
    expect(await slow.next()).toBeUndefined();
    expect(hub.projections.listenerCount()).toBe(0);
  });
});
