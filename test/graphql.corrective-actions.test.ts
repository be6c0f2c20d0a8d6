// The register of corrective actions as a frontend reaches it: GraphQL through Yoga (no port) on a
// hub with the real embedded store. Actions raised by accreditation recommendations in several
// states (planned, in progress, done, cancelled, overdue), listed soonest due first with every
// filter of the register, and paged forwards and backwards with stable cursors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_ACTION, COMPLETE_ACTION, MARK_OVERDUE, PLAN_ACTION, START_ACTION } from './support/strategy-operations.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

const REGISTER = `query($filter: CorrectiveActionFilter, $first: Int, $after: String, $last: Int, $before: String) {
  correctiveActions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    edges { node { action } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ gql, token, close } = await openDirectorHub()));
afterAll(() => close());

async function send(operation: string, input: Record<string, unknown>) {
  const res = await gql(operation, { input }, { token });
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as Record<string, any>;
  expect(payload.__typename, JSON.stringify(payload)).toBe('CorrectiveActionPayload');
  return payload.correctiveAction as { id: string };
}
const plan = (action: string, dueOn: string, ownerUnit: string, sourceId: string) =>
  send(PLAN_ACTION, {
    source: 'ACCREDITATION_RECOMMENDATION',
    sourceId,
    problem: `Problem behind: ${action}`,
    rootCause: 'Root cause',
    action,
    owner: 'Aibek Sultanov',
    ownerUnit,
    plannedOn: '2027-01-10',
    dueOn,
  });

describe('the register of corrective actions', () => {
  beforeAll(async () => {
    const syllabi = await plan('Publish syllabi', '2027-03-01', 'faculty-law', 'rec-law-1');
    await plan('Train examiners', '2027-04-01', 'faculty-law', 'rec-law-2');
    const labs = await plan('Equip laboratories', '2027-05-01', 'faculty-medicine', 'rec-med-1');
    const survey = await plan('Survey employers', '2027-06-01', 'career-centre', 'rec-law-1');
    const portal = await plan('Open the portal', '2027-07-01', 'faculty-medicine', 'rec-med-2');
    await send(START_ACTION, { correctiveActionId: labs.id, startedOn: '2027-02-01' });
    await send(START_ACTION, { correctiveActionId: survey.id, startedOn: '2027-02-01' });
    await send(COMPLETE_ACTION, { correctiveActionId: survey.id, completedOn: '2027-05-20', evidence: 'Survey report' });
    await send(CANCEL_ACTION, { correctiveActionId: portal.id, reason: 'Replaced by the ministry portal', cancelledOn: '2027-03-01' });
    await send(MARK_OVERDUE, { correctiveActionId: syllabi.id, overdueOn: '2027-03-02' });
  });

  const actions = async (variables: Record<string, unknown>) => {
    const res = await gql(REGISTER, variables, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.correctiveActions as { edges: { node: { action: string } }[]; pageInfo: Record<string, any> };
  };
  const listed = async (filter: Record<string, unknown>) => (await actions({ filter })).edges.map((e) => e.node.action);

  it('lists the actions soonest due first, filtered by status, openness, overdue, owner unit, source and what raised them', async () => {
    expect(await listed({})).toEqual(['Publish syllabi', 'Train examiners', 'Equip laboratories', 'Survey employers', 'Open the portal']);
    expect(await listed({ statuses: ['IN_PROGRESS', 'CANCELLED'] })).toEqual(['Equip laboratories', 'Open the portal']);
    expect(await listed({ open: true })).toEqual(['Publish syllabi', 'Train examiners', 'Equip laboratories']);
    expect(await listed({ open: false })).toEqual(['Survey employers', 'Open the portal']);
    expect(await listed({ overdue: true })).toEqual(['Publish syllabi']);
    expect(await listed({ overdue: false, open: true })).toEqual(['Train examiners', 'Equip laboratories']);
    expect(await listed({ ownerUnit: 'faculty-medicine' })).toEqual(['Equip laboratories', 'Open the portal']);
    expect(await listed({ sourceId: 'rec-law-1' })).toEqual(['Publish syllabi', 'Survey employers']);
    expect(await listed({ source: 'ACCREDITATION_RECOMMENDATION', ownerUnit: 'faculty-law', open: true })).toEqual(['Publish syllabi', 'Train examiners']);
    expect(await listed({ source: 'INDICATOR' })).toEqual([]);
  });

  it('pages forwards and backwards with stable cursors', async () => {
    const first = await actions({ first: 2 });
    expect(first.edges.map((e) => e.node.action)).toEqual(['Publish syllabi', 'Train examiners']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await actions({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.action)).toEqual(['Equip laboratories', 'Survey employers']);
    const third = await actions({ first: 2, after: second.pageInfo.endCursor });
    expect(third.edges.map((e) => e.node.action)).toEqual(['Open the portal']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    const back = await actions({ last: 2, before: third.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.action)).toEqual(['Equip laboratories', 'Survey employers']);
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    const filtered = await actions({ filter: { open: true }, first: 2 });
    const rest = await actions({ filter: { open: true }, first: 2, after: filtered.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.action)).toEqual(['Equip laboratories']);
  });
});
