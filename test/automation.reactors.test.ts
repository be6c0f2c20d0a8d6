// Reactors through the real pipeline: a reactor answering LicenseGranted with recordLicenseExpiry
// (accepted for a licence with a time limit, refused for one without), on a hub with the embedded
// store. The follow-up carries the system actor, the event as its cause and the correlation id;
// a refusal is recorded once and shown in GraphQL and /metrics; a reactor that re-reads events
// after a crash (its checkpoint lost) stores nothing twice; rebuilding read models never re-runs it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automationParts } from '../schema/follow-up.ts';
import type { Reactor } from '../src/automation/contracts.ts';
import { startAutomation, type Automation } from '../src/automation/index.ts';
import { followUpCommandIdFor } from '../src/commands/ids.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { eventsOfType } from './support/hub-events.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { manualClock } from './support/manual-clock.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';

const auditorActor = { id: 'u-auditor', name: 'Asel Auditor', roles: ['auditor' as const] };

const expireOnGrant: Reactor = {
  name: 'expire-on-grant',
  eventTypes: ['LicenseGranted'],
  react: (event) => [{ command: 'recordLicenseExpiry', input: { licenseId: event.data.licenseId, expiredOn: '2026-05-01' } }],
};

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
let send: ReturnType<typeof licensingSender>;
const time = manualClock('2026-06-01T06:00:00.000Z');
/** A reactor with a bug on one kind of event: its failure is recorded and the other reactors go on. */
const failsWithoutTimeLimit: Reactor = {
  name: 'fails-without-time-limit',
  eventTypes: ['LicenseGranted'],
  react: (event) => {
    if (event.data.validUntil === null) throw new Error('no rule for licences without a time limit');
    return [];
  },
};
const start = (h: Hub): Promise<Automation> =>
  startAutomation(h, { ...automationParts(h), clock: time.clock, reactors: [expireOnGrant, failsWithoutTimeLimit], clockRules: [] });

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  send = licensingSender(gql, await tokenFor(director));
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

async function granted(validUntil?: string): Promise<string> {
  const { licenseId } = await send(APPLY, applicationInput());
  await send(FORM_GROUP, expertGroupInput(licenseId));
  await send(CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await send(GRANT, {
    licenseId,
    licenseNumber: `LS-${licenseId.slice(0, 8)}`,
    appendixNumber: '1',
    grantedOn: '2026-03-01',
    ...(validUntil ? { validUntil } : { indefinite: true }),
  });
  return licenseId;
}

const REFUSALS = `{ followUpRefusals(first: 10) { edges { node { sourceKind source eventId command commandId code message } } } }`;

describe('a reactor', () => {
  let limited: string;
  let unlimited: string;

  it('answers an event with a follow-up through the pipeline, as the system actor, caused by the event', async () => {
    limited = await granted('2026-04-30');
    unlimited = await granted();
    const automation = await start(hub);
    await automation.settled();
    await automation.stop();

    const [grant] = (await eventsOfType(hub, 'LicenseGranted')).filter((e) => e.data.licenseId === limited);
    const expiries = await eventsOfType(hub, 'LicenseExpired');
    expect(expiries.map((e) => e.data)).toEqual([{ licenseId: limited, expiredOn: '2026-05-01' }]);
    expect(expiries[0]!.metadata).toMatchObject({
      actor: { id: 'sapat-system', roles: ['system'] },
      commandId: followUpCommandIdFor('reactor:expire-on-grant', grant!.id),
      causationId: grant!.id,
      correlationId: grant!.metadata.correlationId,
      occurredAt: '2026-06-01T06:00:00.000Z',
    });
    expect(hub.licenses.byIds([limited])[0]?.status).toBe('expired');
  });

  it('records a refused follow-up once, shows it in GraphQL and /metrics, and goes on', async () => {
    const [grant] = (await eventsOfType(hub, 'LicenseGranted')).filter((e) => e.data.licenseId === unlimited);
    const res = await gql(REFUSALS, {}, { token: await tokenFor(auditorActor) });
    expect(res.errors).toBeUndefined();
    const bySource = (source: string) => res.data!.followUpRefusals.edges.map((e: any) => e.node).filter((n: any) => n.source === source);
    expect(bySource('fails-without-time-limit')).toMatchObject([
      { sourceKind: 'REACTOR', eventId: grant!.id, code: 'REACTOR_FAILED', message: 'no rule for licences without a time limit' },
    ]);
    expect(bySource('expire-on-grant')).toEqual([
      {
        sourceKind: 'REACTOR',
        source: 'expire-on-grant',
        eventId: grant!.id,
        command: 'recordLicenseExpiry',
        commandId: followUpCommandIdFor('reactor:expire-on-grant', grant!.id),
        code: 'LICENSE_WITHOUT_TIME_LIMIT',
        message: 'the licence is valid without a time limit, so it cannot expire',
      },
    ]);
    const metrics = await (await yoga.fetch('http://hub.test/metrics')).text();
    expect(metrics).toContain('sapat_follow_up_refusals{source_kind="reactor",source="expire-on-grant",code="LICENSE_WITHOUT_TIME_LIMIT"} 1');
  });

  it('keeps refusals from callers who do not answer for the processes', async () => {
    const res = await gql(REFUSALS, {}, { token: await tokenFor({ id: 'u-t', name: 'T', roles: ['teacher'] }) });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('re-reading the log after a crash (checkpoint lost) stores nothing twice and records no refusal twice', async () => {
    const third = await granted('2026-04-30');
    hub.automation.prepare("DELETE FROM automation_checkpoints WHERE consumer = 'reactor:expire-on-grant'").run();
    const automation = await start(hub);
    await automation.settled();
    await automation.stop();
    const expiries = await eventsOfType(hub, 'LicenseExpired');
    expect(expiries.map((e) => e.data.licenseId).sort()).toEqual([limited, third].sort());
    expect(hub.automation.prepare('SELECT COUNT(*) AS n FROM follow_up_refusals').get()).toEqual({ n: 2 });
  });

  it('does not run again when the read models are rebuilt', async () => {
    const before = await hub.store.headPosition();
    await hub.close();
    for (const file of ['read-models.db', 'read-models.db-wal', 'read-models.db-shm']) rmSync(join(dir.path, file), { force: true });
    hub = await openHub(testConfig(dir.path));
    const automation = await start(hub);
    await automation.settled();
    await automation.stop();
    expect(await hub.store.headPosition()).toEqual(before);
  });
});
