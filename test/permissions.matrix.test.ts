// The permission matrix, walked whole through GraphQL: every command, sent by every role (and by
// nobody), with an input of the right shape built from the schema itself, so new modules are
// covered without touching this file. A role the matrix allows never meets ForbiddenError from the
// role check; every other role does, and nothing is stored for it. The README's copy of the matrix
// must match the tables the hub enforces. The system role, which no token may claim, is checked
// by sending each command as the hub's own follow-ups are sent: through the command registry.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRegistry } from '../schema/command.ts';
import { schema } from '../schema/index.ts';
import { systemActor } from '../src/automation/follow-up.ts';
import { actorWithDerivedRoles } from '../src/auth/derived-roles.ts';
import { permissionMatrixMarkdown } from '../src/auth/matrix.ts';
import { authorizeCommand, commandPermissions, type CommandName } from '../src/auth/permissions.ts';
import { actingDirectorDecider } from '../src/domain/acting-director.ts';
import { roleSchema, type Actor, type Role } from '../src/domain/decider.ts';
import { headOfUnit, isHeadPosition, staffPositions, unitOfPosition, type StaffPosition } from '../src/domain/organisation-units.ts';
import { staffingDecider, type StaffingCommand } from '../src/domain/staffing.ts';
import { localDateOf } from '../src/domain/values.ts';
import { encodePosition } from '../src/eventstore/position.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';

/** A value of the right GraphQL shape: required fields only, the first enum value, plausible scalars. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (isScalarType(named)) {
    const scalars: Record<string, unknown> = {
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: true,
      ID: randomUUID(),
      Date: '2026-01-15',
      DateTime: '2026-01-15T08:00:00Z',
    };
    return scalars[named.name] ?? 'x';
  }
  throw new Error(`no sample for ${String(type)}`);
}

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
const tokens = {} as Record<Role, string>;
const tokenRoles = roleSchema.options.filter((role) => role !== 'system');

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  const yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  for (const role of tokenRoles) tokens[role] = await tokenFor({ id: `u-${role}`, name: `A ${role}`, roles: [role], unit: 'faculty-economics' });
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const mutationFields = schema.getMutationType()!.getFields();
const commands = Object.keys(commandPermissions) as CommandName[];

describe('the permission matrix', () => {
  it('has one mutation for every command it lists, and lists every mutation', () => {
    expect(Object.keys(mutationFields).sort()).toEqual([...commands].sort());
  });

  it('is printed in the README exactly as the hub enforces it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const printed = /<!-- permissions:start -->\n([\s\S]*?)\n<!-- permissions:end -->/.exec(readme)?.[1];
    expect(printed).toBe(permissionMatrixMarkdown());
  });

  it.each(commands)('%s: allowed roles pass the role check, every other role and anonymous callers get ForbiddenError and store nothing', async (command) => {
    const field = mutationFields[command]!;
    const inputType = field.args.find((a) => a.name === 'input')!.type;
    const operation = `mutation($input: ${String(inputType)}) { ${command}(input: $input) { __typename ... on Error { message } } }`;
    const outcomes: Record<string, string> = {};
    for (const role of [...tokenRoles, 'anonymous' as const]) {
      const before = await hub.store.headPosition();
      const res = await gql(operation, { input: sample(inputType) }, role === 'anonymous' ? {} : { token: tokens[role] });
      expect(res.errors, `${command} as ${role}`).toBeUndefined();
      const result = res.data![command] as { __typename: string; message: string };
      outcomes[role] = result.__typename;
      const allowed = role !== 'anonymous' && (commandPermissions[command] as readonly Role[]).includes(role);
      if (!allowed) {
        expect(result.message).toMatch(role === 'anonymous' ? /needs a signed-in caller/ : /needs one of the roles/);
        const after = await hub.store.headPosition();
        expect(after && encodePosition(after)).toBe(before && encodePosition(before));
      }
    }
    const beforeSystem = await hub.store.headPosition();
    const system = await commandRegistry
      .dispatch(
        { name: command, input: sample(inputType) as Record<string, unknown>, actor: systemActor },
        { actor: systemActor, correlationId: randomUUID(), language: 'en', hub },
      )
      .then(
        () => 'accepted',
        (error: Error) => error.name,
      );
    outcomes.system = system;
    if (!(commandPermissions[command] as readonly Role[]).includes('system')) {
      const after = await hub.store.headPosition();
      expect(after && encodePosition(after)).toBe(beforeSystem && encodePosition(beforeSystem));
    }
    const expected = Object.fromEntries(
      Object.keys(outcomes).map((role) => [
        role,
        (commandPermissions[command] as readonly string[]).includes(role) ? expect.not.stringMatching(/^ForbiddenError$/) : 'ForbiddenError',
      ]),
    );
    expect(outcomes).toEqual(expected);
  });

  it('refuses a token that claims the system role: only the hub itself acts as the system', async () => {
    const res = await gql(
      '{ followUpRefusals(first: 1) { edges { cursor } } }',
      {},
      { token: await tokenFor({ id: 'u-x', name: 'Impostor', roles: ['system'] }) },
    );
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.errors)).toMatch(/system role/);
  });
});

// Rights that come from the hub's records rather than a token: every position's holder gets exactly
// the matrix row of the position's role, and an acting director in force the director's rows too.
describe('the permission matrix for derived roles', () => {
  const run = (command: StaffingCommand, actor: Actor) =>
    hub.execute({
      decider: staffingDecider,
      stream: 'staffing-department',
      input: command,
      command,
      target: { kind: 'new', entity: 'staffing table', id: 'department' },
      actor,
      commandId: randomUUID(),
      correlationId: randomUUID(),
      now: new Date().toISOString(),
    });
  const as = (role: Role): Actor => ({ id: `u-${role}`, name: role, roles: [role] });
  const holderOf = (position: StaffPosition) => `holder-${position}`;
  const allowed = (actor: Actor, command: CommandName) => {
    try {
      authorizeCommand(actor, command);
      return true;
    } catch {
      return false;
    }
  };

  beforeAll(async () => {
    for (const position of staffPositions) {
      const personId = holderOf(position);
      if (position === 'director') {
        await run({ type: 'appointDirector', personId, personName: 'Holder', orderNumber: '1', orderDate: '2026-01-01' }, as('rector'));
        continue;
      }
      const caseId = randomUUID();
      const proposer = isHeadPosition(position) ? as('director') : as(headOfUnit[unitOfPosition[position] as 'accreditation_sector' | 'rating_division']);
      await run({ type: 'proposeStaffAppointment', caseId, personId, personName: 'Holder', position, proposedOn: '2026-01-01' }, proposer);
      if (!isHeadPosition(position)) await run({ type: 'consentToStaffCase', caseId, consentedOn: '2026-01-01' }, as('director'));
      await run({ type: 'recordStaffCaseOrder', caseId, orderNumber: '2', orderDate: '2026-01-02' }, as('rector'));
    }
    const today = localDateOf(new Date(hub.clock.now()).toISOString());
    const designationId = randomUUID();
    const command = {
      type: 'designateActingDirector' as const,
      designationId,
      personId: 'holder-acting',
      personName: 'Acting',
      startsOn: today,
      endsOn: today,
      orderNumber: '3',
      reason: 'Leave',
    };
    await hub.execute({
      decider: actingDirectorDecider,
      stream: `actingDirector-${designationId}`,
      input: command,
      command,
      target: { kind: 'new', entity: 'acting director designation', id: designationId },
      actor: as('rector'),
      commandId: randomUUID(),
      correlationId: randomUUID(),
      now: new Date().toISOString(),
    });
  });

  it.each(staffPositions)('the holder of %s, with no role in their token, passes the role check exactly where that role does', (position) => {
    const actor = actorWithDerivedRoles({ id: holderOf(position), name: 'Holder', roles: [] }, hub.organisation, hub.clock.now());
    expect(actor).toMatchObject({ roles: [position], unit: unitOfPosition[position] });
    const outcomes = Object.fromEntries(commands.map((command) => [command, allowed(actor, command)]));
    expect(outcomes).toEqual(Object.fromEntries(commands.map((command) => [command, (commandPermissions[command] as readonly Role[]).includes(position)])));
  });

  it('an acting director in force passes where the acting director or the director does, and a token with neither nowhere', async () => {
    const actor = actorWithDerivedRoles({ id: 'holder-acting', name: 'Acting', roles: [] }, hub.organisation, hub.clock.now());
    expect(actor.roles).toEqual(['acting_director', 'director']);
    const expected = (command: CommandName) => (commandPermissions[command] as readonly Role[]).some((r) => r === 'acting_director' || r === 'director');
    expect(Object.fromEntries(commands.map((c) => [c, allowed(actor, c)]))).toEqual(Object.fromEntries(commands.map((c) => [c, expected(c)])));
    const nobody = actorWithDerivedRoles({ id: 'holder-none', name: 'Nobody', roles: [] }, hub.organisation, hub.clock.now());
    expect(commands.filter((c) => allowed(nobody, c))).toEqual([]);
    // The same rights reach a request: the token names the holder, the hub adds the position's role.
    const token = await tokenFor({ id: holderOf('rating_inspector'), name: 'Holder', roles: [] });
    const res = await gql('{ myOrganisation { roles unit } }', {}, { token });
    expect(res.data!.myOrganisation).toEqual({ roles: ['rating_inspector'], unit: 'rating_division' });
  });
});
