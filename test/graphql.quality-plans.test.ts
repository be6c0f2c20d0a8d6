// The quality development plan through GraphQL (yoga.fetch) on a real embedded store: drafted,
// its actions added, adopted, completed and cancelled, and its completion in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

const mutation = (name: string) => `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) {
  __typename ... on QualityPlanPayload { qualityPlan { id status completion } } ... on DomainRuleError { code } ... on Error { message }
} }`;

let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ gql, token, close } = await openDirectorHub()));
afterAll(() => close());

const send = async (name: string, input: Record<string, unknown>) => {
  const res = await gql(mutation(name), { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data![name] as Record<string, any>;
};

describe('a quality development plan through GraphQL', () => {
  it('is adopted with its actions, and shows how far they are done', async () => {
    const id = (
      await send('draftQualityPlan', { title: 'Quality development plan 2027–2028', startYear: 2027, endYear: 2028, basis: 'Monitorings and surveys of 2026' })
    ).qualityPlan.id;
    for (const code of ['1.1', '1.2', '1.3'])
      await send('addQualityPlanAction', { qualityPlanId: id, code, action: `Action ${code}`, responsibleUnit: 'faculty-law', dueOn: '2027-06-01' });
    expect(await send('completeQualityPlanAction', { qualityPlanId: id, code: '1.1', completedOn: '2027-05-20', evidence: 'x' })).toMatchObject({
      code: 'PLAN_NOT_ADOPTED',
    });
    expect((await send('adoptQualityPlan', { qualityPlanId: id, adoptedOn: '2027-01-15', decision: 'Academic Council, protocol 4' })).qualityPlan.status).toBe(
      'ADOPTED',
    );
    await send('completeQualityPlanAction', { qualityPlanId: id, code: '1.1', completedOn: '2027-05-20', evidence: 'Portal audit' });
    const cancelled = await send('cancelQualityPlanAction', { qualityPlanId: id, code: '1.3', reason: 'Merged into 1.2', cancelledOn: '2027-02-01' });
    expect(cancelled.qualityPlan.completion).toBe(0.5);

    const list = await gql(
      `query { qualityPlans(filter: { statuses: [ADOPTED] }) { edges { node { title statusLabel(language: RU) completedActions actions { code status statusLabel(language: EN) evidence } } } } }`,
      {},
      { token },
    );
    expect(list.data!.qualityPlans.edges).toEqual([
      {
        node: {
          title: 'Quality development plan 2027–2028',
          statusLabel: 'Утверждён',
          completedActions: 1,
          actions: [
            { code: '1.1', status: 'COMPLETED', statusLabel: 'Completed', evidence: 'Portal audit' },
            { code: '1.2', status: 'OPEN', statusLabel: 'Open', evidence: null },
            { code: '1.3', status: 'CANCELLED', statusLabel: 'Cancelled', evidence: null },
          ],
        },
      },
    ]);
  });
});
