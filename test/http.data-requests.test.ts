// A data request's round trip over HTTP, on the hub as `npm start` runs it: the rating division asks
// two faculties for their staff figures; economics answers on time, law does not. The hub is then
// stopped and started again a week later by its clock (SAPAT_CLOCK_OFFSET_MS, refused in production),
// so the reminder and the overdue record come from the hub's clock rules, not from the test waiting
// for days or sending them itself. Law answers late, both answers are accepted, and each dean sees
// and answers only their own faculty's request.
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/domain/decider.ts';
import { localDateOf } from '../src/domain/values.ts';
import { temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';

const DAY_MS = 86_400_000;
const division: Actor = { id: 'u-rating', name: 'Elmira Tashieva', roles: ['head_of_rating_division'] };
const economics: Actor = { id: 'u-dean-econ', name: 'Dean of Economics', roles: ['unit_head'], unit: 'faculty-economics' };
const law: Actor = { id: 'u-dean-law', name: 'Dean of Law', roles: ['unit_head'], unit: 'faculty-law' };

const FIELDS = 'dataRequestId unit status overdue overdueOn remindedOn responses { answeredOn late outcome values { name value } }';
const mutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename ... on DataRequestPayload { dataRequest { ${FIELDS} } } ... on DomainRuleError { code message } ... on ForbiddenError { message } } }`;
const REGISTER = `query($filter: DataRequestFilter) { dataRequests(filter: $filter) { edges { node { ${FIELDS} } } } }`;

const dir = temporaryDirectory();
let hub: HubProcess | undefined;
afterAll(async () => {
  if (hub) await stopHubProcess(hub);
  dir.remove();
});

describe('the rating division asks two faculties for figures, over HTTP', () => {
  it('takes an answer on time and, after the clock records the other overdue, a late one; each dean sees only their own', async () => {
    const tokens = { division: await tokenFor(division), economics: await tokenFor(economics), law: await tokenFor(law) };
    const today = localDateOf(new Date().toISOString());
    const day = (n: number) => localDateOf(new Date(Date.parse(`${today}T12:00:00+06:00`) + n * DAY_MS).toISOString());

    hub = await startHubProcess(dir.path);
    let gql = graphqlClient(fetch, hub.url);
    const send = async (name: string, input: Record<string, unknown>, token: string) => {
      const res = await gql(mutation(name), { input }, { token });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data![name] as Record<string, any>;
    };
    const register = async (token: string, filter: Record<string, unknown> = {}) => {
      const res = await gql(REGISTER, { filter }, { token });
      expect(res.errors).toBeUndefined();
      return (res.data!.dataRequests.edges as { node: Record<string, any> }[]).map((e) => e.node);
    };

    const ask = (unit: string) => ({
      subject: 'Staff figures for the QS Asia ranking',
      question: 'Give the number of academic staff and of those with a doctorate.',
      figures: [
        { name: 'Academic staff', unit: 'persons' },
        { name: 'With a doctorate', unit: 'persons' },
      ],
      unitKind: 'FACULTY',
      unit,
      sentOn: today,
      dueOn: day(5),
    });
    const toEconomics = (await send('sendDataRequest', ask('faculty-economics'), tokens.division)).dataRequest.dataRequestId as string;
    const toLaw = (await send('sendDataRequest', ask('faculty-law'), tokens.division)).dataRequest.dataRequestId as string;

    // Each dean sees their own faculty's request only, and cannot answer the other's.
    expect((await register(tokens.economics)).map((r) => r.dataRequestId)).toEqual([toEconomics]);
    expect((await register(tokens.law)).map((r) => r.dataRequestId)).toEqual([toLaw]);
    const figures = (staff: number, doctors: number) => [
      { name: 'Academic staff', value: staff },
      { name: 'With a doctorate', value: doctors },
    ];
    const intrusion = await send('answerDataRequest', { dataRequestId: toLaw, answeredOn: today, values: figures(1, 1) }, tokens.economics);
    expect(intrusion).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('faculty-law') });

    // Economics answers on time and the division accepts it.
    const onTime = await send('answerDataRequest', { dataRequestId: toEconomics, answeredOn: today, values: figures(84, 31) }, tokens.economics);
    expect(onTime.dataRequest).toMatchObject({ status: 'ANSWERED', responses: [{ late: false }] });
    expect((await send('acceptDataRequestResponse', { dataRequestId: toEconomics, acceptedOn: today }, tokens.division)).dataRequest.status).toBe('ACCEPTED');
    expect(await register(tokens.division, { overdue: true })).toEqual([]);
    await stopHubProcess(hub);

    // A week later by the hub's clock: the reminder (two days in) and the overdue record (the day
    // after the due date) are the clock's to send as soon as the hub runs.
    hub = await startHubProcess(dir.path, { SAPAT_CLOCK_OFFSET_MS: String(7 * DAY_MS) });
    gql = graphqlClient(fetch, hub.url);
    const overdue = await until(async () => {
      const rows = await register(tokens.division, { overdue: true });
      return rows.length ? rows : undefined;
    }, hub);
    expect(overdue).toEqual([expect.objectContaining({ dataRequestId: toLaw, status: 'SENT', overdue: true, overdueOn: day(6), remindedOn: day(2) })]);
    // The dean of law sees it overdue in their own list; economics' is untouched by the clock.
    expect(await register(tokens.law, { overdue: true })).toHaveLength(1);
    expect(await register(tokens.economics, { overdue: true })).toEqual([]);

    const late = await send('answerDataRequest', { dataRequestId: toLaw, answeredOn: day(7), values: figures(40, 12) }, tokens.law);
    expect(late.dataRequest).toMatchObject({ status: 'ANSWERED', overdue: false, responses: [{ answeredOn: day(7), late: true }] });
    await send('acceptDataRequestResponse', { dataRequestId: toLaw, acceptedOn: day(7) }, tokens.division);

    // Both are due the same day; the register breaks that tie by id, so the test orders by unit.
    const all = (await register(tokens.division, { statuses: ['ACCEPTED'] })).sort((a, b) => a.unit.localeCompare(b.unit));
    expect(all.map((r) => [r.unit, r.responses.map((a: { late: boolean; outcome: string }) => [a.late, a.outcome])])).toEqual([
      ['faculty-economics', [[false, 'ACCEPTED']]],
      ['faculty-law', [[true, 'ACCEPTED']]],
    ]);
    const history = await gql('query($id: ID!) { history(id: $id) { events { type actor { id } } } }', { id: toLaw }, { token: tokens.law });
    expect(history.data?.history.events).toEqual([
      { type: 'DataRequestSent', actor: { id: division.id } },
      { type: 'DataRequestReminded', actor: { id: 'sapat-system' } },
      { type: 'DataRequestOverdue', actor: { id: 'sapat-system' } },
      { type: 'DataRequestAnswered', actor: { id: law.id } },
      { type: 'DataRequestResponseAccepted', actor: { id: division.id } },
    ]);
  });
});

/**
 * What `probe` finds once the hub's clock has acted: asked again while the hub runs, up to the
 * process ceiling (the follow-up is sent right after start, but not within the start itself).
 */
async function until<T>(probe: () => Promise<T | undefined>, process: HubProcess): Promise<T> {
  const deadline = Date.now() + PROCESS_CEILING_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`the hub's clock did not act in time; its output:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
