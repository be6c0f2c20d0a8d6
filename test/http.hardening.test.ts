// The hub's limits, over a real port with real clients: for each one, a request just under it is
// served and one just over it is refused with a message naming the limit, its value and the
// setting, with the right HTTP status (400 for documents, 413 for bodies, 429 for rates, 403 for
// CSRF), and never a 500 or a stack trace. Small limits are configured so each is easy to reach.
import { execute, GraphQLError, Lexer, parse, Source, TokenKind } from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../schema/index.ts';
import { ValidationError } from '../src/domain/errors.ts';
import { maskUnexpected } from '../src/http/masking.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, inspector, sectorHead, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';

type Running = { hub: Hub; server: RunningServer; stop: () => Promise<void> };

async function boot(overrides: Record<string, string>): Promise<Running> {
  const dir = temporaryDirectory();
  const hub = await openHub(testConfig(dir.path, overrides));
  const server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET });
  return {
    hub,
    server,
    stop: async () => {
      await server.close();
      await hub.close();
      dir.remove();
    },
  };
}

type Answer = {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
};

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // Not JSON (GraphiQL's page): only the text is checked.
  }
  expect(response.status).toBeLessThan(500);
  // GraphiQL's page carries the editor's own code, where "stack" is an ordinary word.
  if (!response.headers.get('content-type')?.includes('text/html')) expect(text).not.toMatch(/\n\s+at |"stack"/);
  return { status: response.status, headers: response.headers, text, body };
}

const json = (token: string | undefined, extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});

const query = (url: string, q: string, token?: string) => send(url, { method: 'POST', headers: json(token), body: JSON.stringify({ query: q }) });

const tokensIn = (document: string): number => {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

const LIMITS = {
  SAPAT_MAX_DEPTH: '4',
  SAPAT_MAX_BREADTH: '6',
  SAPAT_MAX_COMPLEXITY: '40',
  SAPAT_MAX_TOKENS: '80',
  SAPAT_MAX_ALIASES: '2',
  SAPAT_MAX_BODY_BYTES: '4000',
};

describe('document, body and CSRF limits', () => {
  let running: Running;
  let url: string;
  let token: string;
  beforeAll(async () => {
    running = await boot(LIMITS);
    url = running.server.url;
    token = await tokenFor(director);
  });
  afterAll(() => running.stop());

  const served = (answer: Answer) => {
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  };
  const refused = (answer: Answer, status: number, code: string, message: string) => {
    expect(answer.status).toBe(status);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]).toMatchObject({ message, extensions: { code } });
  };

  it('depth: 4 levels are served, 5 refused', async () => {
    served(await query(url, '{ licenses(first: 1) { edges { node { id } } } }', token));
    refused(
      await query(url, '{ licenses(first: 1) { edges { node { programmeName { ky } } } } }', token),
      400,
      'DEPTH_LIMIT',
      'the query is 5 levels deep; the limit is 4 (SAPAT_MAX_DEPTH)',
    );
  });

  it('breadth: 6 fields are served, 7 refused', async () => {
    served(await query(url, '{ license(id: "none") { id status capacity faculty address } }', token));
    refused(
      await query(url, '{ license(id: "none") { id status capacity faculty address level } }', token),
      400,
      'BREADTH_LIMIT',
      'the query selects 7 fields; the limit is 6 (SAPAT_MAX_BREADTH)',
    );
  });

  it('complexity: 32 is served, 42 refused, before anything runs', async () => {
    served(await query(url, '{ licenses(first: 1) { edges { node { id status } } } }', token));
    const answer = await query(url, '{ licenses(first: 1) { edges { node { id status capacity } } } }', token);
    refused(answer, 400, 'COMPLEXITY_LIMIT', "the query's complexity is 42; the limit is 40 (SAPAT_MAX_COMPLEXITY; ask for smaller pages or fewer fields)");
    expect(answer.body.data).toBeUndefined();
  });

  it('complexity: a page costs by its size, so a large page of the same fields is refused', async () => {
    served(await query(url, '{ licenses(first: 10) { edges { node { id status } } } }', token));
    refused(
      await query(url, '{ licenses(first: 11) { edges { node { id status } } } }', token),
      400,
      'COMPLEXITY_LIMIT',
      "the query's complexity is 63; the limit is 40 (SAPAT_MAX_COMPLEXITY; ask for smaller pages or fewer fields)",
    );
  });

  it('complexity: the same document is counted by its variables, however often it comes back', async () => {
    // The cost is remembered per document and variables: a page size sent as a variable must still
    // decide, each time, whether the same text is served or refused.
    const page = 'query Page($n: Int) { licenses(first: $n) { edges { node { id status } } } }';
    const withSize = (n: number) => send(url, { method: 'POST', headers: json(token), body: JSON.stringify({ query: page, variables: { n } }) });
    for (let round = 0; round < 2; round++) {
      served(await withSize(10));
      refused(
        await withSize(11),
        400,
        'COMPLEXITY_LIMIT',
        "the query's complexity is 63; the limit is 40 (SAPAT_MAX_COMPLEXITY; ask for smaller pages or fewer fields)",
      );
    }
  });

  it('complexity: the schema refuses a costly operation run without the server, which counts it once', async () => {
    // The server counted the cost of what it let run, so the schema's own check stands aside there
    // (one count per request); anything executing the schema another way still meets the limit.
    const context = { hub: running.hub, actor: { ...director, roles: ['director'] }, correlationId: 'direct', language: 'en' };
    const direct = await execute({ schema, document: parse('{ licenses(first: 11) { edges { node { id status } } } }'), contextValue: context });
    expect(direct.errors?.map((e) => e.message)).toEqual([expect.stringMatching(/complexity/i)]);
    const small = await execute({ schema, document: parse('{ licenses(first: 1) { edges { node { id } } } }'), contextValue: { ...context } });
    expect(small.errors?.map((e) => e.message)).toBeUndefined();
  });

  it('tokens: a document of exactly 80 tokens is served, 81 refused while parsing', async () => {
    let statuses = 'ACTIVE';
    const document = () => `{ licenses(first: 1, filter: { statuses: [${statuses}] }) { edges { node { id } } } }`;
    while (tokensIn(document()) < 80) statuses += ' ACTIVE';
    expect(tokensIn(document())).toBe(80);
    served(await query(url, document(), token));
    statuses += ' ACTIVE';
    refused(await query(url, document(), token), 400, 'TOKEN_LIMIT', 'the document has more than 80 tokens, the limit (SAPAT_MAX_TOKENS)');
  });

  it('aliases: 2 are served, 3 refused', async () => {
    served(await query(url, '{ a: __typename b: __typename }', token));
    refused(
      await query(url, '{ a: __typename b: __typename c: __typename }', token),
      400,
      'ALIAS_LIMIT',
      'the document uses 3 aliases; the limit is 2 (SAPAT_MAX_ALIASES)',
    );
  });

  it('body: 4000 bytes are served, 4001 refused with 413, by Content-Length or while reading a chunked body', async () => {
    const padded = (bytes: number) => {
      const bare = JSON.stringify({ query: '{ __typename }' });
      return JSON.stringify({ query: `{ __typename }${' '.repeat(bytes - bare.length)}` });
    };
    expect(Buffer.byteLength(padded(4000))).toBe(4000);
    served(await send(url, { method: 'POST', headers: json(token), body: padded(4000) }));
    refused(
      await send(url, { method: 'POST', headers: json(token), body: padded(4001) }),
      413,
      'REQUEST_TOO_LARGE',
      'the request body has 4001 bytes; the limit is 4000 bytes (SAPAT_MAX_BODY_BYTES)',
    );

    const chunked = (body: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(body);
          for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
          controller.close();
        },
      });
    served(await send(url, { method: 'POST', headers: json(token), body: chunked(padded(4000)), duplex: 'half' } as RequestInit));
    refused(
      await send(url, { method: 'POST', headers: json(token), body: chunked(padded(4001)), duplex: 'half' } as RequestInit),
      413,
      'REQUEST_TOO_LARGE',
      'the request body is larger than the limit; the limit is 4000 bytes (SAPAT_MAX_BODY_BYTES)',
    );
  });

  it('CSRF: a GET or a plain-text POST needs the x-graphql-yoga-csrf header; JSON POSTs do not', async () => {
    const get = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    const csrf =
      'a request without a JSON content type (a GET, a form or plain text) must carry the x-graphql-yoga-csrf header (CSRF prevention); send Content-Type: application/json or add the header';
    refused(await send(get, { headers: { accept: 'application/json' } }), 403, 'CSRF_HEADER_REQUIRED', csrf);
    served(await send(get, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } }));
    refused(
      await send(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: 'mutation { __typename }' }) }),
      403,
      'CSRF_HEADER_REQUIRED',
      csrf,
    );
    refused(
      await send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }),
      403,
      'CSRF_HEADER_REQUIRED',
      csrf,
    );
  });

  it('applies the same limits to WebSocket operations', async () => {
    const ws = createWsClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    const run = (q: string) =>
      new Promise<unknown[]>((resolve) => {
        const seen: unknown[] = [];
        ws.subscribe({ query: q }, { next: (v) => seen.push(v), error: (e) => resolve([...seen, e]), complete: () => resolve(seen) });
      });
    try {
      expect(await run('{ a: __typename b: __typename }')).toEqual([{ data: { a: 'Query', b: 'Query' } }]);
      const aliases = JSON.stringify(await run('{ a: __typename b: __typename c: __typename }'));
      expect(aliases).toContain('the document uses 3 aliases; the limit is 2 (SAPAT_MAX_ALIASES)');
      const depth = JSON.stringify(await run('subscription { licenseChanged { license { expertGroup { members { name } } } } }'));
      expect(depth).toContain('the query is 5 levels deep; the limit is 4 (SAPAT_MAX_DEPTH)');
      // HTTP statuses are for HTTP responses only.
      expect(aliases + depth).not.toContain('"http"');
    } finally {
      await ws.dispose();
    }
  });
});

describe('introspection and GraphiQL', () => {
  let development: Running;
  let production: Running;
  beforeAll(async () => {
    [development, production] = await Promise.all([boot({}), boot({ NODE_ENV: 'production' })]);
  });
  afterAll(() => Promise.all([development.stop(), production.stop()]));

  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('are on in development', async () => {
    expect((await query(development.server.url, INTROSPECT)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const page = await send(development.server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Sapat</title>');
  });

  it('are off in production, where __typename still works', async () => {
    const refusal = await query(production.server.url, INTROSPECT);
    expect(refusal.status).toBe(400);
    expect(refusal.body.errors).toEqual([
      expect.objectContaining({
        message: 'introspection (__schema) is turned off on this hub (SAPAT_INTROSPECTION); the schema is published as schema/schema.graphql',
      }),
    ]);
    expect((await query(production.server.url, '{ __type(name: "License") { name } }')).status).toBe(400);
    expect((await query(production.server.url, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    const page = await send(production.server.url, { headers: { accept: 'text/html' } });
    expect(page.text).not.toContain('<title>Sapat</title>');
  });
});

describe('rate limit per caller', () => {
  let running: Running;
  beforeAll(async () => {
    running = await boot({ SAPAT_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => running.stop());

  it('serves 5 requests a minute per user, refuses the 6th with 429 and Retry-After, and leaves other users alone', async () => {
    const url = running.server.url;
    const [directorToken, inspectorToken] = await Promise.all([tokenFor(director), tokenFor(inspector)]);
    for (let i = 0; i < 5; i++) expect((await query(url, '{ __typename }', directorToken)).status).toBe(200);
    const refusal = await query(url, '{ __typename }', directorToken);
    expect(refusal.status).toBe(429);
    const retryAfter = Number(refusal.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(12);
    expect(refusal.body.errors![0]).toMatchObject({
      message: `rate limit reached: at most 5 requests per minute for user u-director (SAPAT_RATE_LIMIT_PER_MINUTE); try again in ${retryAfter} s`,
      extensions: { code: 'RATE_LIMITED', limit: 5, retryAfterSeconds: retryAfter },
    });
    expect((await query(url, '{ __typename }', inspectorToken)).status).toBe(200);
  });

  it('counts anonymous callers and bad tokens by address', async () => {
    const url = running.server.url;
    for (let i = 0; i < 4; i++) expect((await query(url, '{ __typename }')).status).toBe(200);
    expect((await query(url, '{ __typename }', 'forged.token.value')).status).toBe(401);
    const refusal = await query(url, '{ __typename }', 'forged.token.value');
    expect(refusal.status).toBe(429);
    expect(refusal.body.errors![0]!.message).toMatch(/^rate limit reached: at most 5 requests per minute for address (127\.0\.0\.1|::ffff:127\.0\.0\.1) /);
  });

  it('counts each WebSocket operation', async () => {
    const token = await tokenFor(sectorHead);
    const ws = createWsClient({
      url: running.server.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const run = () =>
      new Promise<string>((resolve) => {
        ws.subscribe({ query: '{ __typename }' }, { next: () => {}, error: (e) => resolve(JSON.stringify(e)), complete: () => resolve('served') });
      });
    try {
      for (let i = 0; i < 5; i++) expect(await run()).toBe('served');
      expect(await run()).toContain('rate limit reached: at most 5 requests per minute for user u-sector-head');
    } finally {
      await ws.dispose();
    }
  });

  it('keeps a bucket per caller that refills at limit/60 per second', async () => {
    const { createRateLimiter } = await import('../src/http/rate-limit.ts');
    const limiter = createRateLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('u', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('u', 1_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('u', 2_000)).toEqual({ allowed: true });
    expect(limiter.take('other', 2_000)).toEqual({ allowed: true });
  });
});

describe('error masking', () => {
  it('lets DomainErrors (written for callers) through wherever they are thrown, and masks every other fault', () => {
    const node = parse('{ __typename }').definitions[0]!;
    const domain = new GraphQLError('Variable "$input" got invalid value 0 at "input.submittedOn"; a date must be a string', {
      nodes: [node],
      originalError: new ValidationError([{ path: ['submittedOn'], message: 'must be a string' }]),
    });
    const kept = maskUnexpected(domain, 'Unexpected error.') as GraphQLError;
    expect(kept.message).toBe(domain.message);
    expect(kept.originalError).toBeUndefined();
    expect(kept.locations).toEqual(domain.locations);

    const fault = new GraphQLError('The database connection is not open', {
      originalError: new TypeError('The database connection is not open'),
      path: ['licenses'],
    });
    const masked = maskUnexpected(fault, 'Unexpected error.') as GraphQLError;
    expect(masked.toJSON()).toEqual({ message: 'Unexpected error.', path: ['licenses'], extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true } });
    expect(maskUnexpected(new Error('disk full'), 'Unexpected error.').message).toBe('Unexpected error.');
  });
});

describe('the existing clients', () => {
  it('still pass CSRF prevention: they send application/json', async () => {
    const running = await boot({});
    try {
      const gql = graphqlClient(fetch, running.server.url);
      expect((await gql('{ __typename }', {}, { token: await tokenFor(director) })).data).toEqual({ __typename: 'Query' });
    } finally {
      await running.stop();
    }
  });
});
