// Licensing inputs as a frontend would send them, for the GraphQL and HTTP tests, and the decider's
// command for the command-handler tests.
import type { LicensingCommand } from '../../src/domain/licensing.ts';

// A programme has one pending application at a time, so each application is for a programme of
// its own unless a test names the code.
let programmes = 0;
const freshProgrammeCode = () => String(700000 + (programmes++ % 100000));

/** A licence number not used before in this test file (numbers are unique in the registry). */
let numbers = 0;
export const freshLicenseNumber = () => `LS${String(++numbers).padStart(6, '0')}`;

export const applicationInput = (overrides: Record<string, unknown> = {}) => ({
  programme: {
    code: freshProgrammeCode(),
    name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' },
    level: 'BACHELOR',
    formOfStudy: 'FULL_TIME',
    faculty: 'Faculty of Economics and Management',
  },
  requestedCapacity: 150,
  address: 'Osh, Lenin street 331',
  submittedOn: '2026-01-15',
  ...overrides,
});

export const expertGroupInput = (licenseId: string) => ({
  licenseId,
  kind: 'EXPERT_GROUP',
  formedOn: '2026-02-01',
  members: [
    { name: 'Erkin Saparov', role: 'CHAIR', affiliation: 'Ministry of Science, Higher Education and Innovation' },
    { name: 'Cholpon Ismailova', role: 'MEMBER' },
  ],
});

type Gql = (query: string, variables?: Record<string, unknown>, options?: { token?: string }) => Promise<{ data?: Record<string, any> | null }>;

/** Sends licensing mutations as one caller, insisting each succeeds; answers with the licence's ids. */
export const licensingSender =
  (gql: Gql, token: string) =>
  async (operation: string, input: Record<string, unknown>): Promise<{ id: string; licenseId: string }> => {
    const payload = Object.values((await gql(operation, { input }, { token })).data ?? {})[0] as {
      __typename: string;
      license: { id: string; licenseId: string };
    };
    if (payload?.__typename !== 'LicensePayload') throw new Error(`expected a LicensePayload, got ${JSON.stringify(payload)}`);
    return payload.license;
  };

/** The decider's own applyForLicense for an Economics bachelor programme, as the command-handler tests send it. */
export const economicsApplication = (licenseId: string): Extract<LicensingCommand, { type: 'applyForLicense' }> => ({
  type: 'applyForLicense',
  licenseId,
  programme: { code: '580100', name: { ky: 'Экономика', ru: 'Экономика', en: 'Economics' }, level: 'bachelor', formOfStudy: 'full_time', faculty: 'Economics' },
  requestedCapacity: 100,
  submittedOn: '2026-01-15',
  registry: {},
});
