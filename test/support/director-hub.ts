// The set-up most GraphQL test files share: a hub on a temporary data directory with the real
// embedded store, a GraphQL client through Yoga (no port), the director's token, and a close that
// removes everything again. Use as
//   beforeAll(async () => ({ hub, gql, token, close } = await openDirectorHub()));
//   afterAll(() => close());
import { openHub, type Hub } from '../../src/hub.ts';
import { createGraphQLHandler } from '../../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './fixtures.ts';
import { yogaClient } from './graphql.ts';

export type DirectorHub = { hub: Hub; gql: ReturnType<typeof yogaClient>; token: string; close: () => Promise<void> };

export async function openDirectorHub(): Promise<DirectorHub> {
  const dir = temporaryDirectory();
  const hub = await openHub(testConfig(dir.path));
  return {
    hub,
    gql: yogaClient(createGraphQLHandler(hub, { secret: TEST_SECRET })),
    token: await tokenFor(director),
    close: async () => {
      await hub.close();
      dir.remove();
    },
  };
}
