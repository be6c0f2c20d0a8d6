// GraphiQL as a browser gets it from the running hub on a network without internet: every script,
// style, font and worker comes with the page (nothing from a CDN), and it opens on Sapat's own
// example query with the development token in its headers, which runs as it stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { graphqlClient } from './support/graphql.ts';
import { applicationInput } from './support/licensing.ts';
import { APPLY } from './support/licensing-operations.ts';

/** The options the page hands to GraphiQL, as the browser will read them. */
function graphiqlOptionsIn(html: string): { defaultQuery?: string; headers?: string; title?: string } {
  const call = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*([\s\S]*?),\s*\);\s*<\/script>/.exec(html);
  if (!call) throw new Error('the page does not start GraphiQL');
  return JSON.parse(call[1]!) as { defaultQuery?: string; headers?: string };
}

/** The page's own markup, without the inline scripts and styles (whose code may build tags of its own). */
const markupOf = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');

describe('GraphiQL served by the hub', () => {
  let dir: ReturnType<typeof temporaryDirectory>;
  let hub: Hub;
  let server: RunningServer;
  let token: string;
  let html: string;

  beforeAll(async () => {
    dir = temporaryDirectory();
    token = await tokenFor(director);
    hub = await openHub(testConfig(dir.path));
    server = await startServer(hub, { port: 0, host: '127.0.0.1', secret: TEST_SECRET, graphiqlToken: token });
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    html = await response.text();
  });
  afterAll(async () => {
    await server.close();
    await hub.close();
    dir.remove();
  });

  it('brings its scripts, styles, fonts and workers with it, and names no other host', async () => {
    expect(html).toContain('YogaGraphiQL');
    // What a browser would fetch: tag sources, CSS url()/@import, worker scripts, fetch() calls.
    const external = [
      ...html.matchAll(/(?:\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?|importScripts\(\s*["']|fetch\(\s*["'])((?:https?:)?\/\/[^"')\s]+)/gi),
    ].map((m) => m[1]);
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs|esm\.sh|fonts\.googleapis/);
    const referenced = [...markupOf(html).matchAll(/<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThan(0);
    for (const reference of referenced) {
      if (reference.startsWith('data:')) continue;
      const asset = new URL(reference, server.url);
      expect(asset.origin).toBe(new URL(server.url).origin);
      expect((await fetch(asset)).status, reference).toBe(200);
    }
  });

  it("opens on Sapat's licence registry with the development token in its headers, and that query runs as given", async () => {
    const options = graphiqlOptionsIn(html);
    expect(options.title).toBe('Sapat');
    expect(options.defaultQuery).toContain('licenses(first: 10)');
    const headers = JSON.parse(options.headers!) as Record<string, string>;
    expect(headers).toEqual({ Authorization: `Bearer ${token}` });

    const gql = graphqlClient(fetch, server.url);
    const seeded = applicationInput();
    await gql(APPLY, { input: seeded }, { token });
    // As GraphiQL sends it: its headers and no language, so the hub answers in Kyrgyz, its default.
    const answer = await gql(options.defaultQuery!, {}, { headers: { ...headers, 'accept-language': '' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.licenses.edges).toEqual([
      { node: expect.objectContaining({ programmeCode: seeded.programme.code, licenseNumber: null, statusLabel: 'Арыз берилди' }) },
    ]);
  });
});
