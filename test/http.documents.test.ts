// Normative documents and education standards over a real socket, as the department's frontend and
// an integration reach them: a document from draft to a second version that supersedes the first,
// watched over WebSocket (documentChanged), and an education standard from draft through two review
// rounds to force.
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let server: RunningServer;
let token: string;
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
  token = await tokenFor(director);
  gql = graphqlClient(fetch, server.url);
});
afterAll(async () => {
  await server.close();
  await hub.close();
  dir.remove();
});

async function send(name: string, input: Record<string, unknown>, selection: string) {
  const typeName = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const res = await gql(
    `mutation($input: ${typeName}!) { ${name}(input: $input) { __typename ${selection} ... on DomainRuleError { code message } } }`,
    { input },
    { token },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data![name].__typename, JSON.stringify(res.data![name])).toMatch(/Payload$/);
  return res.data![name] as Record<string, any>;
}

describe('documents and standards over HTTP', () => {
  it('takes a document from draft to a superseding version while a WebSocket client watches', async () => {
    const doc = ' ... on DocumentPayload { document { id documentId status versionInForce } }';
    const created = await send(
      'registerDocument',
      {
        title: { ky: 'Бөлүм жөнүндө жобо', ru: 'Положение об отделе', en: 'Regulation on the department' },
        documentType: 'REGULATION',
        tag: 'ORG',
        code: 'ОшМУ-Ж-001',
        annotation: 'Tasks, functions, rights and duties of the department.',
        basedOn: ['Law on Education', 'Charter of OshSU'],
      },
      doc,
    );
    const documentId = created.document.documentId as string;

    const ws = createWsClient({ url: server.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    const seen: { eventType: string; status: string }[] = [];
    const watched = new Promise<void>((resolve, reject) => {
      ws.subscribe<{ documentChanged: { eventType: string; document: { status: string } } }>(
        { query: 'subscription($id: ID) { documentChanged(id: $id) { eventType document { status } } }', variables: { id: documentId } },
        {
          next: ({ data }) => {
            seen.push({ eventType: data!.documentChanged.eventType, status: data!.documentChanged.document.status });
            if (data!.documentChanged.eventType === 'DocumentVersionPutInForce' && seen.filter((s) => s.eventType === 'DocumentVersionPutInForce').length === 2)
              resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    // The subscription is live once the server counts it; only then do the changes begin.
    await expect.poll(() => hub.projections.listenerCount()).toBeGreaterThan(0);

    const file = (n: number) => ({
      pages: 14,
      contents: ['General provisions', 'Tasks', 'Functions'],
      fileSha256: `${n}f`.repeat(32),
      fileReference: `archive/ORG/001/v${n}`,
    });
    await send('draftDocumentVersion', { documentId, version: 1, draftedOn: '2025-09-01', ...file(1) }, doc);
    await send(
      'approveDocumentVersion',
      { documentId, version: 1, approvedOn: '2025-09-20', approvingBody: 'Academic Council, protocol 2', nextReviewDue: '2026-09-20' },
      doc,
    );
    const first = await send('putDocumentVersionInForce', { documentId, version: 1, inForceFrom: '2025-10-01' }, doc);
    expect(first.document).toMatchObject({ documentId, status: 'IN_FORCE', versionInForce: 1 });
    await send('draftDocumentVersion', { documentId, version: 2, draftedOn: '2026-03-01', changeSummary: 'Rating division added', ...file(2) }, doc);
    await send(
      'approveDocumentVersion',
      { documentId, version: 2, approvedOn: '2026-03-20', approvingBody: 'Academic Council, protocol 7', nextReviewDue: '2027-03-20' },
      doc,
    );
    const second = await send('putDocumentVersionInForce', { documentId, version: 2, inForceFrom: '2026-04-01' }, doc);
    expect(second.document).toMatchObject({ documentId, status: 'IN_FORCE', versionInForce: 2 });

    await watched;
    await ws.dispose();
    expect(seen.map((s) => s.eventType)).toEqual([
      'DocumentVersionDrafted',
      'DocumentVersionApproved',
      'DocumentVersionPutInForce',
      'DocumentVersionDrafted',
      'DocumentVersionApproved',
      'DocumentVersionPutInForce',
    ]);
    const versions = await gql('query($id: ID!) { document(id: $id) { versions { version status supersededOn } } }', { id: documentId }, { token });
    expect(versions.data?.document.versions).toEqual([
      { version: 1, status: 'SUPERSEDED', supersededOn: '2026-04-01' },
      { version: 2, status: 'IN_FORCE', supersededOn: null },
    ]);
    const history = await gql('query($id: ID!) { history(id: $id) { events { type } } }', { id: created.document.id }, { token });
    expect(history.errors).toBeUndefined();
    expect(history.data?.history.events).toHaveLength(7);
  });

  it('takes an education standard from draft through two review rounds to force', async () => {
    const std = ' ... on EducationStandardPayload { educationStandard { standardId stage heldBy round } }';
    const created = await send(
      'registerEducationStandard',
      {
        title: { ky: 'Информатика', ru: 'Информатика', en: 'Computer science' },
        level: 'HIGHER',
        code: '710400',
        developer: 'Faculty of Mathematics and IT',
        registeredOn: '2025-11-01',
      },
      std,
    );
    const standardId = created.educationStandard.standardId as string;
    const reviewers = [
      { name: 'K. Tashiev', organisation: 'KNU' },
      { name: 'M. Alieva', organisation: 'KSTU' },
    ];
    await send('sendEducationStandardForReview', { standardId, reviewers, sentOn: '2025-11-10' }, std);
    await send(
      'recordEducationStandardReview',
      { standardId, reviewer: 'K. Tashiev', verdict: 'REVISE', summary: 'Competences too broad', receivedOn: '2025-12-01' },
      std,
    );
    await send('recordEducationStandardReview', { standardId, reviewer: 'M. Alieva', verdict: 'APPROVE', summary: 'Sound', receivedOn: '2025-12-03' }, std);
    const revising = await send('reviseEducationStandard', { standardId, summary: 'Competences narrowed', revisedOn: '2025-12-10' }, std);
    expect(revising.educationStandard).toMatchObject({ stage: 'REVISION', heldBy: 'Faculty of Mathematics and IT' });
    await send('sendEducationStandardForReview', { standardId, reviewers, sentOn: '2026-01-15' }, std);
    await send('recordEducationStandardReview', { standardId, reviewer: 'K. Tashiev', verdict: 'APPROVE', summary: 'Now fine', receivedOn: '2026-02-01' }, std);
    await send('recordEducationStandardReview', { standardId, reviewer: 'M. Alieva', verdict: 'APPROVE', summary: 'Sound', receivedOn: '2026-02-02' }, std);
    const approved = await send(
      'approveEducationStandard',
      { standardId, approvedOn: '2026-03-01', approvingBody: 'Ministry of Science, Higher Education and Innovation', orderNumber: '45/1' },
      std,
    );
    expect(approved.educationStandard).toMatchObject({ stage: 'APPROVED', heldBy: 'Ministry of Science, Higher Education and Innovation', round: 2 });
    const inForce = await send('putEducationStandardInForce', { standardId, inForceFrom: '2026-09-01' }, std);
    expect(inForce.educationStandard).toMatchObject({ stage: 'IN_FORCE', round: 2 });
    const reviews = await gql('query($id: ID!) { educationStandard(id: $id) { reviews { round reviewer verdict } } }', { id: standardId }, { token });
    expect(reviews.data?.educationStandard.reviews).toEqual([
      { round: 1, reviewer: 'K. Tashiev', verdict: 'REVISE' },
      { round: 1, reviewer: 'M. Alieva', verdict: 'APPROVE' },
      { round: 2, reviewer: 'K. Tashiev', verdict: 'APPROVE' },
      { round: 2, reviewer: 'M. Alieva', verdict: 'APPROVE' },
    ]);
  });
});
