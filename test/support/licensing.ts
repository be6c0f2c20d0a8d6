// Licensing inputs as a frontend would send them, for the GraphQL and HTTP tests.
export const applicationInput = (overrides: Record<string, unknown> = {}) => ({
  programme: {
    code: '580100',
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
