// The programme register through GraphQL: licences and accreditations of the same programme code,
// folded by one cross-module projection, answer "may it run, is it accredited" in one question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import {
  acceptedSender,
  applicationInput as accreditationInput,
  caseAwaitingDecision,
  conditionalDecision,
  registeredAgency,
} from './support/accreditation.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput, expertGroupInput, licensingSender } from './support/licensing.ts';
import { APPLY, CONCLUDE, FORM_GROUP, GRANT, SUSPEND } from './support/licensing-operations.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let gql: ReturnType<typeof yogaClient>;
let token: string;
let send: ReturnType<typeof acceptedSender>;
let license: ReturnType<typeof licensingSender>;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
  token = await tokenFor(director);
  send = acceptedSender(gql, token);
  license = licensingSender(gql, token);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

async function grantedLicence(code: string, faculty: string): Promise<string> {
  const { licenseId } = await license(APPLY, applicationInput({ programme: { ...applicationInput().programme, code, faculty } }));
  await license(FORM_GROUP, expertGroupInput(licenseId));
  await license(CONCLUDE, { licenseId, outcome: 'POSITIVE', summary: 'Meets the requirements', concludedOn: '2026-02-20' });
  await license(GRANT, { licenseId, licenseNumber: `LS-${code}`, appendixNumber: '1', grantedOn: '2026-03-01', validUntil: '2031-02-28' });
  return licenseId;
}

const PROGRAMME = `query($code: String!) { programme(code: $code) {
  code name { en } faculty level mayRun licensed accredited
  licenses { status statusLabel(language: RU) capacity licenseNumber validUntil license { licenseId } }
  accreditations { agencyName stage outcome outcomeLabel(language: KY) validUntil accreditation { accreditationId } } } }`;

/** The moment of the last event stored, once the clock has moved past it, so later events are after it. */
async function momentAfterLastEvent(): Promise<string> {
  let last = '';
  for await (const event of hub.store.readAll()) last = event.recordedAt;
  while (new Date().toISOString() <= last) await new Promise((resolve) => setImmediate(resolve));
  return last;
}

describe('the programme register', () => {
  let beforeWithdrawal: string;
  let agencyId: string;
  let accreditationId: string;

  beforeAll(async () => {
    agencyId = await registeredAgency(send);
    await grantedLicence('580100', 'Faculty of Economics');
    accreditationId = (await send('applyForAccreditation', accreditationInput(agencyId, { programmeCodes: ['580100', '560001'] }))).accreditation
      .accreditationId;
    await caseAwaitingDecision(send, accreditationId);
    await send('decideAccreditation', conditionalDecision(accreditationId));
  });

  it('shows a programme’s licence and accreditation together', async () => {
    const res = await gql(PROGRAMME, { code: '580100' }, { token });
    expect(res.data?.programme).toEqual({
      code: '580100',
      name: { en: 'Economics' },
      faculty: 'Faculty of Economics',
      level: 'BACHELOR',
      mayRun: true,
      licensed: true,
      accredited: true,
      licenses: [
        {
          status: 'ACTIVE',
          statusLabel: 'Действует',
          capacity: 150,
          licenseNumber: 'LS-580100',
          validUntil: '2031-02-28',
          license: { licenseId: expect.any(String) },
        },
      ],
      accreditations: [
        {
          agencyName: 'IAAR',
          stage: 'DECIDED',
          outcome: 'CONDITIONALLY_ACCREDITED',
          outcomeLabel: 'Шарттуу аккредиттелди',
          validUntil: '2029-05-19',
          accreditation: { accreditationId },
        },
      ],
    });
  });

  it('knows a programme only an accreditation names, which may not run', async () => {
    const res = await gql(PROGRAMME, { code: '560001' }, { token });
    expect(res.data?.programme).toMatchObject({ code: '560001', name: null, faculty: null, mayRun: false, licensed: false, accredited: true, licenses: [] });
    expect((await gql(PROGRAMME, { code: '999999' }, { token })).data?.programme).toBeNull();
  });

  it('follows suspension and withdrawal, and filters by what a dean asks', async () => {
    const suspended = await grantedLicence('530500', 'Faculty of Law');
    await license(SUSPEND, { licenseId: suspended, reason: 'Inspection findings', suspendedOn: '2026-09-01' });
    const list = async (filter: Record<string, unknown>) =>
      (
        (await gql(`query($filter: ProgrammeFilter) { programmes(filter: $filter) { edges { node { code } } } }`, { filter }, { token })).data!.programmes
          .edges as { node: { code: string } }[]
      ).map((e) => e.node.code);
    expect(await list({})).toEqual(['530500', '560001', '580100']);
    expect(await list({ mayRun: true })).toEqual(['580100']);
    expect(await list({ mayRun: false, accredited: true })).toEqual(['560001']);
    expect(await list({ faculty: 'Faculty of Law' })).toEqual(['530500']);
    expect((await gql(PROGRAMME, { code: '530500' }, { token })).data?.programme).toMatchObject({ mayRun: false, licensed: true, accredited: false });

    beforeWithdrawal = await momentAfterLastEvent();
    await send('withdrawAccreditation', { accreditationId, reason: 'Agency council withdrew it', withdrawnOn: '2026-10-01' });
    expect(await list({ accredited: true })).toEqual([]);
    expect((await gql(PROGRAMME, { code: '580100' }, { token })).data?.programme.accreditations[0].stage).toBe('WITHDRAWN');
  });

  it('answers the registers as they stood at a moment', async () => {
    const registers = `query($asOf: DateTime) {
      programmes(asOf: $asOf, filter: { accredited: true }) { edges { node { code accreditations { stage } } } }
      accreditations(asOf: $asOf) { edges { node { stage sections { status } } } }
      licenses(asOf: $asOf, filter: { programmeCode: "530500" }) { edges { node { status } } } }`;
    const then = (await gql(registers, { asOf: beforeWithdrawal }, { token })).data;
    expect(then?.programmes.edges).toEqual([
      { node: { code: '560001', accreditations: [{ stage: 'DECIDED' }] } },
      { node: { code: '580100', accreditations: [{ stage: 'DECIDED' }] } },
    ]);
    expect(then?.accreditations.edges).toEqual([{ node: { stage: 'DECIDED', sections: [{ status: 'APPROVED' }, { status: 'APPROVED' }] } }]);
    expect(then?.licenses.edges).toEqual([{ node: { status: 'SUSPENDED' } }]);
    const now = (await gql(registers, {}, { token })).data;
    expect([now?.programmes.edges, now?.accreditations.edges[0].node.stage]).toEqual([[], 'WITHDRAWN']);
    const before = (await gql(registers, { asOf: '2000-01-01T00:00:00Z' }, { token })).data;
    expect([before?.programmes.edges, before?.accreditations.edges, before?.licenses.edges]).toEqual([[], [], []]);
  });

  it('refuses a code that is not six digits, naming the argument', async () => {
    const res = await gql(PROGRAMME, { code: '58' }, { token });
    expect(res.errors?.[0]?.message).toMatch(/code/);
    expect(res.errors?.[0]?.message).toMatch(/six-digit/);
  });
});
