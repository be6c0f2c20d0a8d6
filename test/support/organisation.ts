// The organisation's GraphQL operations and people, shared by the in-process and HTTP tests. The
// people's tokens carry no roles: what they may do comes from the positions the hub records.
import type { Actor } from '../../src/domain/decider.ts';
import type { GraphQLResponse } from './graphql.ts';

export const rector: Actor = { id: 'u-rector', name: 'Kanybek Isakov', roles: ['rector'] };
export const person = (id: string, name: string): Actor => ({ id, name, roles: [] });
export const newDirector = person('p-director', 'Gulnara Asanova');
export const newHead = person('p-head', 'Bakyt Toktogulov');
export const newInspector = person('p-inspector', 'Aizada Sydykova');

type Gql = (query: string, variables?: Record<string, unknown>, options?: { token?: string }) => Promise<GraphQLResponse>;

/** Sends one organisation mutation; answers with its result object (a payload or a typed error). */
export async function mutate(gql: Gql, token: string, name: string, input: Record<string, unknown>, selection = ''): Promise<Record<string, any>> {
  const res = await gql(
    `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on DomainRuleError { code } ${selection} } }`,
    { input },
    { token },
  );
  if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  return res.data![name] as Record<string, any>;
}

export const CASE = '... on StaffingPayload { staffCase { caseId status } }';

export const MY_ORGANISATION = `{ myOrganisation { personId roles unit positions { position unit since orderNumber }
  timeOffBalance { earnedHours grantedHours balanceHours }
  tasks(first: 10) { edges { node { taskId title status overdue assigneeUnit assigneePersonId } } } } }`;
