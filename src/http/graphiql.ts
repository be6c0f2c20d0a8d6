// GraphiQL served from the hub itself: @graphql-yoga/render-graphiql inlines the editor's scripts,
// styles, fonts and workers into the page, so it works on a university network cut off from the
// internet, where Yoga's default page (which loads them from unpkg) stays blank.
import type { GraphiQLOptions } from 'graphql-yoga';

/** What a newcomer sees first: Sapat's licence registry, not GraphiQL's generic welcome text. */
export const exampleQuery = `# Sapat: the department's GraphQL hub. Run this with Ctrl+Enter; the Docs panel describes every field.
# The licence registry, ten licences at a time: continue with licenses(first: 10, after: "<endCursor>").
query LicenceRegistry {
  licenses(first: 10) {
    edges {
      node {
        licenseNumber
        programmeCode
        programmeName { text }
        faculty
        statusLabel
        validUntil
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

export type GraphiQLPage = { options: GraphiQLOptions; render: () => Promise<string> };

/**
 * GraphiQL's options and its page. `token` (development only) fills the headers editor, so the
 * example runs at once. The page is 9 MB and the same for every request: it is rendered once, on
 * the first request, since loading the bundle costs close to a second of CPU that a hub start
 * (and a hub without GraphiQL) should not pay.
 */
export function graphiqlPage(token: string | undefined): GraphiQLPage {
  const options: GraphiQLOptions = {
    title: 'Sapat',
    defaultQuery: exampleQuery,
    ...(token ? { headers: JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) } : {}),
  };
  let page: Promise<string> | undefined;
  return { options, render: () => (page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options))) };
}
