// GraphiQL as a person uses it: the hub runs as `npm start` runs it in development (its own process,
// a development secret), Debian's headless Chromium opens the page, and the test works it like a
// newcomer: the tabs of example operations are there with the director's token in their headers,
// a mutation tab is run with the run button, then a query tab, and the result pane shows what the
// hub answered. Without /usr/bin/chromium the test says so and is skipped, never passed silently.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOperations } from '../src/http/graphiql-examples.ts';
import { temporaryDirectory } from './support/fixtures.ts';
import { PROCESS_CEILING_MS, startHubProcess, stopHubProcess, type HubProcess } from './support/hub-ready.ts';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`test/browser.graphiql.test.ts SKIPPED: ${CHROMIUM} is missing (apt-get install chromium; .ci/run installs it)`);

// The page is 9 MB of editor; on a loaded two-core machine it takes a while to start.
const UI_TIMEOUT = 90_000;

let dir: ReturnType<typeof temporaryDirectory>;
let hub: HubProcess | undefined;
let browser: Browser | undefined;
let page: Page;

/** The operation name GraphiQL shows as a tab's title. */
const operationName = (query: string) => /\b(?:query|mutation)\s+(\w+)/.exec(query)![1]!;

/**
 * What a pane shows, as the lines a person reads (Monaco draws spaces as no-break spaces). The
 * rendered text is the point here, so Playwright's innerText, not the DOM's textContent.
 */
async function shown(p: Page, selector: string): Promise<string> {
  const pane = p.locator(selector);
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, read as rendered
  const text = await pane.innerText();
  return text.replace(/\u00a0/g, ' ');
}
const resultText = (p: Page) => shown(p, '.graphiql-response');

async function runTab(p: Page, name: string, expected: string): Promise<string> {
  // The tabs are drag-to-reorder items that move while the page settles, and a pointer press on one
  // starts a drag; a person using the keyboard (Tab to it, Enter) opens it without one.
  await p.locator('.graphiql-tab-button', { hasText: name }).press('Enter');
  // The tab is open once the query editor shows its operation.
  await expect.poll(() => shown(p, '.graphiql-query-editor'), { timeout: UI_TIMEOUT }).toMatch(new RegExp(`(query|mutation)\\s+${name}\\b`));
  await p.locator('.graphiql-execute-button').click();
  await expect.poll(() => resultText(p), { timeout: UI_TIMEOUT }).toContain(expected);
  return resultText(p);
}

describe.skipIf(!available)('GraphiQL in a browser', () => {
  beforeAll(
    async () => {
      dir = temporaryDirectory();
      // Development, without a secret: the hub makes its development secret and puts the director's token in GraphiQL.
      hub = await startHubProcess(dir.path, { NODE_ENV: 'development', SAPAT_JWT_SECRET: '' });
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(hub.url, { timeout: UI_TIMEOUT });
      await page.locator('.graphiql-execute-button').waitFor({ timeout: UI_TIMEOUT });
    },
    PROCESS_CEILING_MS + 2 * UI_TIMEOUT,
  );

  afterAll(async () => {
    await browser?.close();
    if (hub) await stopHubProcess(hub);
    dir?.remove();
  }, PROCESS_CEILING_MS);

  it(
    'opens with a tab per example, each carrying the development director token',
    async () => {
      const titles = await page.locator('.graphiql-tab').allInnerTexts();
      expect(titles.map((t) => t.trim())).toEqual(exampleOperations.map((e) => operationName(e.query)));
      // GraphiQL keeps the tabs, with their headers, in the browser's storage.
      const stored = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.endsWith('tabState'))?.[1] ?? '');
      const tabs = (JSON.parse(stored) as { tabs: { headers: string | null }[] }).tabs;
      expect(tabs).toHaveLength(exampleOperations.length);
      const token = hub!.logLines().find((line) => typeof line.token === 'string')?.token;
      expect(token).toEqual(expect.any(String));
      for (const tab of tabs) expect(JSON.parse(tab.headers!)).toEqual({ Authorization: `Bearer ${token}` });
    },
    UI_TIMEOUT,
  );

  it(
    'runs a mutation from its tab and shows the stored proposal, then a query that finds it',
    async () => {
      const mutation = exampleOperations.find((e) => e.field === 'Mutation.submitProposal')!;
      const answered = await runTab(page, operationName(mutation.query), '"__typename": "ProposalPayload"');
      expect(answered).toContain('"title": "Single syllabus template"');
      expect(answered).toContain('"statusLabel": "Submitted"');

      const query = exampleOperations.find((e) => e.title === 'SWOT, proposals, quality plan')!;
      const read = await runTab(page, operationName(query.query), '"proposals"');
      expect(read).toContain('"title": "Single syllabus template"');
      expect(read).not.toContain('"errors"');
    },
    3 * UI_TIMEOUT,
  );

  it(
    'runs the licence registry query of the first tab as it stands',
    async () => {
      const answered = await runTab(page, 'LicenceRegistry', '"licenses"');
      expect(answered).toContain('"edges": []');
      expect(answered).not.toContain('"errors"');
    },
    2 * UI_TIMEOUT,
  );
});
