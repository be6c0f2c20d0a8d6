// The clock on licence expiry, with time moved by hand: a licence expires at the start of the day
// after its validity (Kyrgyzstan time, UTC+6), recorded by the system actor; a revocation cancels
// the moment; moments that fell due while the hub was down are acted on after the restart, once;
// and a manual recordLicenseExpiry still works and leaves the clock nothing to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { eventsOfType } from './support/hub-events.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, EXPIRE, FORM_GROUP, GRANT, REVOKE } from './support/licensing-operations.ts';
import { manualClock } from './support/manual-clock.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let automation: Automation;
let send: ReturnType<typeof licensingSender>;
const time = manualClock('2026-06-01T06:00:00.000Z');

async function open(): Promise<void> {
  hub = await openHub(testConfig(dir.path));
  send = licensingSender(yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET })), await tokenFor(director));
  automation = await startAutomation(hub, { ...automationParts(hub), clock: time.clock });
  await automation.settled();
}
async function shutDown(): Promise<void> {
  await automation.stop();
  await hub.close();
}

beforeAll(async () => {
  dir = temporaryDirectory();
  await open();
});
afterAll(async () => {
  await shutDown();
  dir.remove();
});

async function granted(validUntil: string): Promise<string> {
  const { licenseId } = await send(APPLY, applicationInput());
  await send(FORM_GROUP, expertGroupInput(licenseId));
  await send(CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await send(GRANT, { licenseId, licenseNumber: `LS-${licenseId.slice(0, 8)}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil });
  return licenseId;
}

const expiries = async () =>
  (await eventsOfType(hub, 'LicenseExpired')).map((e) => ({
    licenseId: e.data.licenseId,
    expiredOn: e.data.expiredOn,
    by: e.metadata.actor.id,
    at: e.metadata.occurredAt,
  }));

describe('the clock', () => {
  const ids: Record<string, string> = {};

  it('records an expiry at the start of the next day in Kyrgyzstan, not before, as the system actor', async () => {
    ids.a = await granted('2026-06-10');
    ids.b = await granted('2026-06-20');
    ids.revoked = await granted('2026-06-05');
    ids.manual = await granted('2026-06-15');
    await send(REVOKE, { licenseId: ids.revoked, reason: 'Closed', basis: 'Order 12', revokedOn: '2026-06-02' });
    await automation.settled();
    expect(time.pendingTimers()).toBe(1);

    time.advanceTo('2026-06-10T17:59:59.999Z');
    await automation.settled();
    expect(await expiries()).toEqual([]);

    time.advanceTo('2026-06-10T18:00:00.000Z');
    await automation.settled();
    expect(await expiries()).toEqual([{ licenseId: ids.a, expiredOn: '2026-06-11', by: 'sapat-system', at: '2026-06-10T18:00:00.000Z' }]);
    const [grant] = (await eventsOfType(hub, 'LicenseGranted')).filter((e) => e.data.licenseId === ids.a);
    const [expiry] = await eventsOfType(hub, 'LicenseExpired');
    expect(expiry!.metadata.causationId).toBe(grant!.id);
    expect(expiry!.metadata.correlationId).toBe(grant!.metadata.correlationId);
  });

  it('catches up after a restart on what fell due while the hub was down, once, and skips what a person already recorded', async () => {
    await automation.stop();
    // Staff record one expiry by hand while the clock is not running.
    await send(EXPIRE, { licenseId: ids.manual, expiredOn: '2026-06-16' });
    await hub.close();

    time.advanceTo('2026-07-01T00:00:00.000Z');
    await open();
    expect(await expiries()).toEqual([
      { licenseId: ids.a, expiredOn: '2026-06-11', by: 'sapat-system', at: '2026-06-10T18:00:00.000Z' },
      { licenseId: ids.manual, expiredOn: '2026-06-16', by: 'u-director', at: expect.any(String) },
      { licenseId: ids.b, expiredOn: '2026-06-21', by: 'sapat-system', at: '2026-07-01T00:00:00.000Z' },
    ]);
    expect(hub.automation.prepare('SELECT COUNT(*) AS n FROM follow_up_refusals').get()).toEqual({ n: 0 });
    expect(time.pendingTimers()).toBe(0);

    await shutDown();
    await open();
    expect(await expiries()).toHaveLength(3);
  });
});
