// GraphiQL served from the hub itself: @graphql-yoga/render-graphiql inlines the editor's scripts,
// styles, fonts and workers into the page, so it works on a university network cut off from the
// internet, where Yoga's default page (which loads them from unpkg) stays blank.
import type { GraphiQLOptions } from 'graphql-yoga';
import { exampleOperations, exampleQuery } from './graphiql-examples.ts';

export type GraphiQLPage = { options: GraphiQLOptions; render: () => Promise<string> };

/**
 * GraphiQL's options and its page: a tab per example operation. `token` (development only) fills
 * the headers editor of every tab, so the examples run at once. The page is 9 MB and the same for every request: it is rendered once, on
 * the first request, since loading the bundle costs close to a second of CPU that a hub start
 * (and a hub without GraphiQL) should not pay.
 */
export function graphiqlPage(token: string | undefined): GraphiQLPage {
  const headers = token ? JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2) : undefined;
  const options: GraphiQLOptions = {
    title: 'Sapat',
    defaultQuery: exampleQuery,
    // One tab per example (GraphiQL keeps tabs a user changed in the browser's storage instead).
    defaultTabs: exampleOperations.map((example) => ({
      query: example.query,
      variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
      headers: headers ?? null,
    })),
    ...(headers ? { headers, defaultHeaders: headers } : {}),
  };
  let page: Promise<string> | undefined;
  return { options, render: () => (page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options))) };
}
