// Roles follow appointments, over a real socket to a hub in its own process: the head of the sector
// proposes an inspector, the director consents, the rector's order is recorded, and the new
// inspector's token, which claims no role at all, can then do what the sector's inspector may and no
// more. The acting director's rights start with the rector's designation (its days taken from the
// hub's clock) and end with its recall.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../src/domain/values.ts';
import { director, sectorHead, temporaryDirectory, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';
import { applicationInput } from './support/licensing.ts';
import { CASE, MY_ORGANISATION, mutate, person, rector } from './support/organisation.ts';

describe('an appointment over HTTP gives the new inspector an inspector’s rights, and no more', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: HubProcess;
  let gql: ReturnType<typeof graphqlClient>;

  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await startHubProcess(dir.path);
    gql = graphqlClient(fetch, hub.url);
  }, PROCESS_CEILING_MS);
  afterAll(async () => {
    if (hub) await stopHubProcess(hub);
    dir.remove();
  }, PROCESS_CEILING_MS);

  it(
    'proposed by the head, consented by the director, ordered by the rector; acting rights start and end with the designation',
    async () => {
      const newcomer = person('p-new-inspector', 'Aizada Sydykova');
      const [rectorToken, headToken, directorToken, newcomerToken] = await Promise.all([
        tokenFor(rector),
        tokenFor(sectorHead),
        tokenFor(director),
        tokenFor(newcomer),
      ]);
      const apply = () => mutate(gql, newcomerToken, 'applyForLicense', applicationInput());
      const grant = () =>
        mutate(gql, newcomerToken, 'grantLicense', {
          licenseId: randomUUID(),
          licenseNumber: 'LS-1',
          appendixNumber: '1',
          grantedOn: '2026-03-01',
          validUntil: '2031-03-01',
        });
      const verifyRating = () => mutate(gql, newcomerToken, 'verifyRatingEntry', { entryId: randomUUID() });
      const consent = (caseId: string) => mutate(gql, newcomerToken, 'consentToStaffCase', { caseId, consentedOn: '2026-03-02' });

      // Before the appointment the token names a person with no rights.
      expect(await apply()).toMatchObject({ __typename: 'ForbiddenError' });

      const proposal = await mutate(
        gql,
        headToken,
        'proposeStaffAppointment',
        { personId: newcomer.id, personName: newcomer.name, position: 'INSPECTOR', proposedOn: '2026-03-02' },
        CASE,
      );
      expect(proposal.staffCase).toMatchObject({ status: 'PROPOSED' });
      const { caseId } = proposal.staffCase;
      expect(await mutate(gql, rectorToken, 'recordStaffCaseOrder', { caseId, orderNumber: '15-к', orderDate: '2026-03-03' })).toMatchObject({
        code: 'CASE_NOT_CONSENTED',
      });
      expect((await mutate(gql, directorToken, 'consentToStaffCase', { caseId, consentedOn: '2026-03-02' }, CASE)).staffCase.status).toBe('CONSENTED');
      // Consent alone does not appoint: the rector's order does.
      expect(await apply()).toMatchObject({ __typename: 'ForbiddenError' });
      expect((await mutate(gql, rectorToken, 'recordStaffCaseOrder', { caseId, orderNumber: '15-к', orderDate: '2026-03-03' }, CASE)).staffCase.status).toBe(
        'ORDERED',
      );

      // What the sector's inspector may do...
      expect((await apply()).__typename).toBe('LicensePayload');
      // ...and no more: decisions of the head, the Rating division's review, the director's consent.
      expect(await grant()).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await verifyRating()).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await consent(caseId)).toMatchObject({ __typename: 'ForbiddenError' });
      const mine = (await gql(MY_ORGANISATION, {}, { token: newcomerToken })).data!.myOrganisation;
      expect(mine).toMatchObject({
        roles: ['inspector'],
        unit: 'accreditation_sector',
        positions: [{ position: 'INSPECTOR', orderNumber: '15-к', since: '2026-03-03' }],
      });

      // The hub's clock is real time here: a designation for today is in force now.
      const today = localDateOf(new Date().toISOString());
      const designated = await mutate(
        gql,
        rectorToken,
        'designateActingDirector',
        { personId: newcomer.id, personName: newcomer.name, startsOn: today, endsOn: today, orderNumber: '16-к', reason: 'Director on leave' },
        '... on ActingDirectorDesignationPayload { designation { designationId } }',
      );
      expect(await grant()).not.toMatchObject({ __typename: 'ForbiddenError' });
      expect((await gql(MY_ORGANISATION, {}, { token: newcomerToken })).data!.myOrganisation.roles).toEqual(['inspector', 'acting_director', 'director']);
      await mutate(gql, rectorToken, 'recallActingDirector', { designationId: designated.designation.designationId, reason: 'Director back' });
      expect(await grant()).toMatchObject({ __typename: 'ForbiddenError' });
      expect((await gql(MY_ORGANISATION, {}, { token: newcomerToken })).data!.myOrganisation.roles).toEqual(['inspector']);
    },
    PROCESS_CEILING_MS,
  );
});
