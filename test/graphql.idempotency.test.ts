// A commandId is an idempotency key for one command, as a frontend meets it over GraphQL: the same
// mutation with the same input is answered again (replayed), anything else sent under that key is
// a ValidationError on `commandId` that stores nothing, whatever the timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePosition } from '../src/eventstore/position.ts';
import type { Hub } from '../src/hub.ts';
import { applicationInput, expertGroupInput } from './support/licensing.ts';
import { APPLY, FORM_GROUP } from './support/licensing-operations.ts';
import { openDirectorHub, type DirectorHub } from './support/director-hub.ts';

let hub: Hub;
let gql: DirectorHub['gql'];
let token: string;
let close: DirectorHub['close'];

beforeAll(async () => ({ hub, gql, token, close } = await openDirectorHub()));
afterAll(() => close());

const head = async () => {
  const position = await hub.store.headPosition();
  return position ? encodePosition(position) : null;
};

const commandIdIssue = {
  __typename: 'ValidationError',
  issues: [{ path: ['commandId'], message: expect.stringMatching(/already used for a different command/) }],
};

describe('commandId over GraphQL', () => {
  it('refuses the same commandId with another input, leaving the first licence as it was', async () => {
    const input = applicationInput();
    const first = await gql(APPLY, { input: { ...input, commandId: 'form-1' } }, { token });
    const before = await head();
    const second = await gql(APPLY, { input: { ...input, requestedCapacity: 40, commandId: 'form-1' } }, { token });
    expect(second.data?.applyForLicense).toMatchObject(commandIdIssue);
    expect(await head()).toBe(before);
    const again = await gql(APPLY, { input: { ...input, commandId: 'form-1' } }, { token });
    expect(again.data?.applyForLicense).toMatchObject({ replayed: true, position: first.data?.applyForLicense.position, license: { capacity: 150 } });
  });

  it('refuses a commandId reused for another mutation on another licence', async () => {
    const applied = await gql(APPLY, { input: { ...applicationInput(), commandId: 'form-2' } }, { token });
    const other = await gql(APPLY, { input: applicationInput() }, { token });
    const reused = await gql(FORM_GROUP, { input: { ...expertGroupInput(other.data?.applyForLicense.license.id), commandId: 'form-2' } }, { token });
    expect(applied.data?.applyForLicense.__typename).toBe('LicensePayload');
    expect(reused.data?.formExpertGroup).toMatchObject(commandIdIssue);
  });

  it('answers two concurrent identical sends with one licence, the second replayed', async () => {
    const input = { ...applicationInput(), commandId: 'double-click' };
    const [a, b] = await Promise.all([gql(APPLY, { input }, { token }), gql(APPLY, { input }, { token })]);
    const payloads = [a.data?.applyForLicense, b.data?.applyForLicense];
    expect(payloads.map((p) => p.replayed).sort()).toEqual([false, true]);
    expect(payloads[0].position).toBe(payloads[1].position);
  });
});
