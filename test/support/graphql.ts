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
        // The suite reads messages in English, the language the rules are written in; the hub's
        // default is Kyrgyz (test/languages.test.ts checks it and the other languages).
        'accept-language': 'en',
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

export type SubscriptionResult = { data?: Record<string, any> | null; errors?: GraphQLResponse['errors'] };

/**
 * A subscription over Server-Sent Events through yoga.fetch, read one result at a time as a
 * frontend's EventSource would. `next()` answers undefined once the server has completed it. The
 * subscription is running on the server when this resolves (Yoga starts it on the first read).
 */
export async function sseSubscription(
  yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> },
  query: string,
  variables: Record<string, unknown>,
  token: string,
) {
  const response = await yoga.fetch('http://hub.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-language': 'en', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = decoder.decode((await reader.read()).value, { stream: true });
  return {
    async next(): Promise<SubscriptionResult | undefined> {
      for (;;) {
        const message = /event: (next|complete)\ndata:(?: (.*))?\n\n/.exec(buffer);
        if (message) {
          buffer = buffer.slice(message.index + message[0].length);
          return message[1] === 'next' ? (JSON.parse(message[2]!) as SubscriptionResult) : undefined;
        }
        const { value, done } = await reader.read();
        if (done) return undefined;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}
