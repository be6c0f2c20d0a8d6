// The deadlineAlerts subscription over SSE (yoga.fetch), on a hub whose clock the test moves by
// hand: a unit head hears, at the start of a day in Kyrgyzstan, of their unit's licences that fell
// overdue or came within 30 days, at once of a new deadline already inside the window, and never
// of another faculty's; what stood before subscribing is not pushed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT } from './support/licensing-operations.ts';
import { manualClock } from './support/manual-clock.ts';

const FACULTY = 'Faculty of Economics';
const unitHead = { id: 'u-dean', name: 'Dean of Economics', roles: ['unit_head' as const], unit: FACULTY };
let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let yoga: ReturnType<typeof createGraphQLHandler>;
let send: ReturnType<typeof licensingSender>;
const time = manualClock('2026-06-01T06:00:00.000Z');

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path), { clock: time.clock });
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  send = licensingSender(yogaClient(yoga), await tokenFor(director));
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

async function granted(faculty: string, validUntil: string): Promise<string> {
  const base = applicationInput();
  const { licenseId } = await send(APPLY, { ...base, programme: { ...base.programme, faculty } });
  await send(FORM_GROUP, expertGroupInput(licenseId));
  await send(CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await send(GRANT, { licenseId, licenseNumber: `LS-${licenseId.slice(0, 8)}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil });
  return licenseId;
}

async function subscribe(token: string) {
  const response = await yoga.fetch('http://hub.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'subscription { deadlineAlerts(withinDays: 30) { reason on deadline { key dueOn unit overdue daysLeft } } }' }),
  });
  const reader = response.body!.getReader();
  // Yoga starts the subscription when the stream is first read (its first chunk is a keep-alive).
  let buffer = new TextDecoder().decode((await reader.read()).value);
  return {
    async next(): Promise<Record<string, any>> {
      for (;;) {
        const match = /event: next\ndata: (.*)\n\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice(match.index + match[0].length);
          return (JSON.parse(match[1]!) as { data: { deadlineAlerts: Record<string, any> } }).data.deadlineAlerts;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the subscription ended');
        buffer += new TextDecoder().decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

describe('deadline alerts', () => {
  it('announce a deadline entering the window, a new one inside it, and both falling overdue', async () => {
    const early = await granted(FACULTY, '2026-06-10');
    const later = await granted(FACULTY, '2026-07-15');
    const alerts = await subscribe(await tokenFor(unitHead));
    // A licence of another faculty, inside the window: not this unit head's to hear of.
    await granted('Medical Faculty', '2026-06-12');

    time.advanceTo('2026-06-14T18:00:00.000Z');
    expect(await alerts.next()).toEqual({
      reason: 'OVERDUE',
      on: '2026-06-15',
      deadline: { key: `license:${early}:validity`, dueOn: '2026-06-10', unit: FACULTY, overdue: true, daysLeft: -5 },
    });
    expect(await alerts.next()).toEqual({
      reason: 'ENTERS_WINDOW',
      on: '2026-06-15',
      deadline: { key: `license:${later}:validity`, dueOn: '2026-07-15', unit: FACULTY, overdue: false, daysLeft: 30 },
    });
    const soon = await granted(FACULTY, '2026-06-20');
    expect(await alerts.next()).toMatchObject({ reason: 'ENTERS_WINDOW', on: '2026-06-15', deadline: { key: `license:${soon}:validity`, daysLeft: 5 } });

    time.advanceTo('2026-06-20T18:00:00.000Z');
    expect(await alerts.next()).toMatchObject({ reason: 'OVERDUE', on: '2026-06-21', deadline: { key: `license:${soon}:validity`, daysLeft: -1 } });
    await alerts.close();
  });
});
