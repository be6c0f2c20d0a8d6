// A GraphQL-over-HTTP client as small as a frontend's: POST JSON, read JSON. It takes any fetch, so
// the same tests run through yoga.fetch (no port) and over a real socket.
export type GraphQLResponse<Data = Record<string, any>> = {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
};

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export function graphqlClient(fetchFn: Fetch, url: string) {
  return async function gql<Data = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: { token?: string; headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
    return { status: response.status, ...body };
  };
}

/** A client that reaches a hub's GraphQL handler directly (yoga.fetch), as a frontend would over HTTP. */
export const yogaClient = (yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> }) =>
  graphqlClient((url, init) => Promise.resolve(yoga.fetch(url, init)), 'http://hub.test/graphql');
