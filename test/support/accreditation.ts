// Accreditation as a frontend drives it, for the GraphQL and HTTP tests: any command by its mutation
// name, and the steps that take a programme from application to a decision.
type Gql = (
  query: string,
  variables?: Record<string, unknown>,
  options?: { token?: string },
) => Promise<{ data?: Record<string, any> | null; errors?: unknown[] }>;

const payloads: Record<string, string> = {
  Agency: '... on AgencyPayload { revision agency { id agencyId } }',
  Evidence: '... on EvidencePayload { revision evidence { id evidenceId version } }',
  Accreditation: '... on AccreditationPayload { revision replayed accreditation { id accreditationId stage outcome } }',
};
const payloadOf = (name: string) => (/Agency/.test(name) ? 'Agency' : /^(register|revise)Evidence$/.test(name) ? 'Evidence' : 'Accreditation');
const selection = (name: string) => `__typename
  ... on Error { message }
  ... on DomainRuleError { code }
  ... on ValidationError { issues { path message } }
  ${payloads[payloadOf(name)]}`;

export type CommandResult = { __typename: string; message?: string; code?: string; issues?: { path: string[]; message: string }[]; [key: string]: any };

/** Sends one command mutation (by its name) as one caller and answers with its result union. */
export const commandSender =
  (gql: Gql, token: string) =>
  async (name: string, input: Record<string, unknown>): Promise<CommandResult> => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const res = await gql(`mutation($input: ${type}!) { ${name}(input: $input) { ${selection(name)} } }`, { input }, { token });
    if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
    return res.data![name] as CommandResult;
  };

/** Like commandSender, but insists on success. */
export const acceptedSender = (gql: Gql, token: string) => {
  const send = commandSender(gql, token);
  return async (name: string, input: Record<string, unknown>): Promise<CommandResult> => {
    const result = await send(name, input);
    if (!/Payload$/.test(result.__typename)) throw new Error(`${name} was refused: ${JSON.stringify(result)}`);
    return result;
  };
};

export const criteria = [
  { code: '1.1', standard: '1. Quality assurance policy', title: 'Mission and strategic plans' },
  { code: '1.2', standard: '1. Quality assurance policy', title: 'Annual monitoring of plans' },
];

/** Registers an agency with a programme framework; answers with its plain id. */
export async function registeredAgency(send: ReturnType<typeof acceptedSender>, name = 'IAAR'): Promise<string> {
  const { agency } = await send('registerAgency', {
    name,
    kind: 'INTERNATIONAL',
    country: 'Kazakhstan',
    registeredFrom: '2017-04-06',
    registeredUntil: '2030-04-05',
    memberships: ['EQAR', 'ENQA'],
  });
  await send('publishAgencyFramework', {
    agencyId: agency.agencyId,
    framework: 'programme',
    title: 'Standards of programme accreditation',
    adoptedOn: '2025-01-10',
    criteria,
  });
  return agency.agencyId as string;
}

export const applicationInput = (agencyId: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'PROGRAMME',
  agencyId,
  framework: 'programme',
  programmeCodes: ['580100'],
  faculty: 'Faculty of Economics',
  appliedOn: '2026-01-15',
  ...overrides,
});

/** Takes a case from its application through self-assessment, panel, visit and report, to the point of decision. */
export async function caseAwaitingDecision(send: ReturnType<typeof acceptedSender>, accreditationId: string): Promise<void> {
  const id = { accreditationId };
  await send('startSelfAssessment', {
    ...id,
    startedOn: '2026-02-01',
    workingGroup: [
      { name: 'Cholpon Ismailova', role: 'CHAIR', unit: 'Faculty of Economics' },
      { name: 'Erkin Saparov', role: 'MEMBER' },
    ],
  });
  for (const { code } of criteria) {
    await send('draftSelfAssessmentSection', { ...id, criterion: code, narrative: `How criterion ${code} is met.`, draftedOn: '2026-02-10' });
    await send('submitSelfAssessmentSection', { ...id, criterion: code, submittedOn: '2026-02-12' });
    await send('approveSelfAssessmentSection', { ...id, criterion: code, approvedOn: '2026-02-15' });
  }
  await send('recordSelfAssessmentSwot', {
    ...id,
    strengths: ['Clinical bases'],
    weaknesses: ['Few publications'],
    opportunities: ['Erasmus+'],
    threats: ['Demography'],
    recordedOn: '2026-02-20',
  });
  await send('submitSelfAssessmentReport', { ...id, submittedOn: '2026-03-01' });
  await send('appointExpertPanel', {
    ...id,
    visitFrom: '2026-04-14',
    visitTo: '2026-04-16',
    appointedOn: '2026-03-10',
    members: [
      { name: 'Ainur Bekova', role: 'CHAIR', external: true, affiliation: 'IAAR' },
      { name: 'Aibek Usenov', role: 'MEMBER', external: false },
    ],
  });
  await send('recordVisitHeld', { ...id, heldFrom: '2026-04-14', heldTo: '2026-04-16', notes: 'Met deans, students and employers.' });
  await send('recordExpertReport', { ...id, receivedOn: '2026-04-30', summary: 'Meets the standards, with two recommendations.' });
}

export const conditionalDecision = (accreditationId: string, overrides: Record<string, unknown> = {}) => ({
  accreditationId,
  outcome: 'CONDITIONALLY_ACCREDITED',
  decidedOn: '2026-05-20',
  validFrom: '2026-05-20',
  validUntil: '2029-05-19',
  conditions: ['Raise the share of staff with degrees to 40%'],
  recommendations: [{ text: 'Publish the monitoring results', dueOn: '2026-12-01' }, { text: 'Involve employers in the curriculum' }],
  interimReportDueOn: '2027-05-20',
  ...overrides,
});
