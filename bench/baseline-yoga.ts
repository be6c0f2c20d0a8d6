// The floor the hub's HTTP numbers are compared with: graphql-yoga alone, on the same Node, with a
// mutation that returns a string and a licences page served from an array in memory in the shape
// the hub answers (the same 15 fields). No auth, no store, no read model: what is left is Yoga,
// GraphQL execution and JSON over HTTP.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const licences = Array.from({ length: 2000 }, (_, i) => ({
  id: `License-${String(i).padStart(6, '0')}`,
  licenseId: String(i).padStart(6, '0'),
  programmeCode: String(500000 + i),
  programmeName: { ky: 'Программа', ru: 'Программа', en: 'Programme' },
  level: 'BACHELOR',
  formOfStudy: 'FULL_TIME',
  faculty: `Faculty ${i % 12}`,
  status: 'APPLIED',
  capacity: 50 + (i % 100),
  requestedCapacity: 50 + (i % 100),
  submittedOn: '2026-01-15',
  grantedOn: null,
  validUntil: null,
  licenseNumber: null,
  revision: 0,
  updatedAt: '2026-11-30T10:00:00.000Z',
}));

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type Name { ky: String! ru: String! en: String! }
    type License { id: ID! licenseId: String! programmeCode: String! programmeName: Name! level: String! formOfStudy: String!
      faculty: String! status: String! capacity: Int! requestedCapacity: Int! submittedOn: String! grantedOn: String
      validUntil: String licenseNumber: String revision: Int! updatedAt: String! }
    type Edge { cursor: String! node: License! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Connection { edges: [Edge!]! pageInfo: PageInfo! }
    input ApplicationInput { programme: ProgrammeInput! requestedCapacity: Int! submittedOn: String! }
    input ProgrammeInput { code: String! name: NameInput! level: String! formOfStudy: String! faculty: String! }
    input NameInput { ky: String! ru: String! en: String! }
    type Query { licenses(first: Int!, after: String): Connection! }
    type Mutation { applyForLicense(input: ApplicationInput!): String! }
  `,
  resolvers: {
    Query: {
      licenses: (_: unknown, { first, after }: { first: number; after?: string }) => {
        const start = after ? Number(after) + 1 : 0;
        const page = licences.slice(start, start + first);
        return {
          edges: page.map((node, i) => ({ cursor: String(start + i), node })),
          pageInfo: { hasNextPage: start + first < licences.length, endCursor: String(start + page.length - 1) },
        };
      },
    },
    Mutation: { applyForLicense: () => 'accepted' },
  },
});

const yoga = createYoga({ schema, logging: false });
const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`baseline yoga at http://${address.address}:${address.port}/graphql`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
