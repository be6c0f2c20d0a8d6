// Applications for different programmes sent at once are not queued behind one another (the
// registry gate is per programme), so their appends share a commit of the event log. Counted in the
// WAL's commit frames of the hub's events.db.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';
import { walCommits } from './support/wal.ts';

describe('applications sent together', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  beforeAll(async () => {
    dir = temporaryDirectory();
    hub = await openHub(testConfig(dir.path));
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
  });

  it('are each accepted, with fewer commits of the log than applications', async () => {
    const gql = yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET }));
    const token = await tokenFor(director);
    const log = join(dir.path, 'events.db');
    const before = walCommits(log);
    const count = 8;
    const answers = await Promise.all(Array.from({ length: count }, () => gql(APPLY, { input: applicationInput() }, { token })));
    expect(answers.map((a) => a.data?.applyForLicense.__typename)).toEqual(Array(count).fill('LicensePayload'));
    const commits = walCommits(log) - before;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(count);
    const registry = await gql(`{ licenses(first: 100) { edges { node { id } } } }`, {}, { token });
    expect(registry.data?.licenses.edges).toHaveLength(count);
  });
});
