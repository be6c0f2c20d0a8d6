// The registry exports as a spreadsheet user gets them: each file read back with exceljs (XLSX, and
// CSV through its CSV reader) and compared with what the GraphQL query answers the same caller for
// the same filters; a teacher's export holds only their own rating entry; refusals are 4xx.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, type GraphQLObjectType } from 'graphql';
import { schema } from '../schema/index.ts';
import type { ExportDefinition } from '../src/exports/definition.ts';
import { exportDefinitions } from '../src/exports/registry.ts';
import { neutralised } from '../src/exports/writers.ts';
import { openHub, type Hub } from '../src/hub.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { aida, dinara, seedYear } from './support/annual-data.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { APPLY } from './support/licensing-operations.ts';
import { applicationInput } from './support/licensing.ts';
import { economicsHead, publishRatingCampaign, seedRankings, seedRegisters } from './support/registers-data.ts';

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let yoga: ReturnType<typeof createGraphQLHandler>;
let gql: ReturnType<typeof yogaClient>;
let token: string;
let campaignId: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  gql = yogaClient(yoga);
  token = await tokenFor(director);
  await seedYear(gql);
  await seedRankings(gql);
  await seedRegisters(gql);
  campaignId = await publishRatingCampaign(gql, [aida, dinara]);
});
afterAll(async () => {
  await hub.close();
  dir.remove();
});

const download = async (path: string, as: string | undefined = token, headers: Record<string, string> = {}) =>
  yoga.fetch(`http://hub.test${path}`, { headers: { ...(as ? { authorization: `Bearer ${as}` } : {}), ...headers } });

async function xlsxRows(path: string, as?: string): Promise<unknown[][]> {
  const response = await download(path, as);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function csvRows(path: string, as?: string): Promise<string[][]> {
  const response = await download(path, as);
  expect(response.status, await response.clone().text()).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // The BOM tells Excel the file is UTF-8; without it Cyrillic opens garbled.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([Buffer.from(bytes.slice(3))]), { map: (value: unknown) => value } as never);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as string[]).slice(1)));
  return rows;
}

/** Pads a row read back (exceljs drops trailing empty cells) to the width of the header. */
const padded = (rows: unknown[][], width: number) => rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));

const LICENCES = `query($filter: LicenseFilter, $language: Language) { licenses(filter: $filter, first: 100) { edges { node {
  licenseId licenseNumber programmeCode programmeName { text(language: $language) } levelLabel(language: $language) faculty capacity
  statusLabel(language: $language) submittedOn grantedOn validUntil withoutTimeLimit } } } }`;
type Licence = Record<string, any>;
const licencesFor = async (filter: Record<string, unknown>, language: string, as = token): Promise<Licence[]> => {
  const res = await gql(LICENCES, { filter, language: language.toUpperCase() }, { token: as });
  expect(res.errors).toBeUndefined();
  return res.data!.licenses.edges.map((e: { node: Licence }) => e.node);
};
const date = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/** A registry's rows as its own GraphQL query answers them (written here, not by the export), the way its XLSX cells read back. */
async function queried(definition: ExportDefinition, args: Record<string, string> = {}, as = token): Promise<unknown[][]> {
  type Tree = { [name: string]: Tree };
  const tree: Tree = {};
  for (const { path } of definition.columns) path.split('.').reduce<Tree>((node, part) => (node[part] ??= {}), tree);
  const print = (node: Tree): string =>
    Object.entries(node)
      .map(([k, v]) => (Object.keys(v).length === 0 ? k : `${k} { ${print(v)} }`))
      .join(' ');
  const listType = getNamedType(schema.getQueryType()!.getFields()[definition.field]!.type) as GraphQLObjectType;
  const connection = 'edges' in listType.getFields();
  const argList = [...Object.entries(args).map(([k, v]) => `${k}: ${JSON.stringify(v)}`), ...(connection ? ['first: 100'] : [])];
  const res = await gql(
    `query { list: ${definition.field}${argList.length > 0 ? `(${argList.join(', ')})` : ''} { ${connection ? `edges { node { ${print(tree)} } }` : print(tree)} } }`,
    {},
    { token: as },
  );
  expect(res.errors, definition.name).toBeUndefined();
  const items: Record<string, unknown>[] = connection ? res.data!.list.edges.map((e: { node: Record<string, unknown> }) => e.node) : res.data!.list;
  return items.map((item) =>
    definition.columns.map(({ path, kind }) => {
      const value = path.split('.').reduce<any>((v, part) => (v === null || v === undefined ? null : v[part]), item) ?? null;
      if (Array.isArray(value)) return value.length === 0 ? null : value.join('; ');
      if (value !== null && kind === 'date') return date(value);
      if (value !== null && kind === 'datetime') return new Date(value);
      return value;
    }),
  );
}

describe('GET /export/<registry>.xlsx and .csv', () => {
  it('writes the licence registry as XLSX with Russian headers, dates as dates and numbers as numbers, as the query answers', async () => {
    const rows = await xlsxRows('/export/licenses.xlsx?language=ru');
    expect(rows[0]).toEqual([
      'Идентификатор',
      'Номер лицензии',
      'Код программы',
      'Наименование программы',
      'Уровень',
      'Факультет',
      'Контингент',
      'Статус',
      'Дата подачи',
      'Дата выдачи',
      'Действует до',
      'Бессрочная',
    ]);
    const expected = (await licencesFor({}, 'ru')).map((l) => [
      l.licenseId,
      l.licenseNumber,
      l.programmeCode,
      l.programmeName.text,
      l.levelLabel,
      l.faculty,
      l.capacity,
      l.statusLabel,
      date(l.submittedOn),
      date(l.grantedOn),
      date(l.validUntil),
      l.withoutTimeLimit,
    ]);
    expect(expected).toHaveLength(3);
    expect(padded(rows.slice(1), 12)).toEqual(expected);
    expect(typeof rows[1]![6]).toBe('number');
    expect(rows[1]![8]).toBeInstanceOf(Date);
  });

  it('applies the query’s filters from the query string (a list by commas, a string) and answers CSV in Kyrgyz by default, quoted where needed', async () => {
    const rows = await csvRows('/export/licenses.csv?statuses=APPLIED,UNDER_EXPERT_REVIEW&faculty=Faculty%20of%20Law');
    expect(rows[0]![0]).toBe('Идентификатор');
    expect(rows[0]![3]).toBe('Программанын аталышы');
    const expected = (await licencesFor({ statuses: ['APPLIED', 'UNDER_EXPERT_REVIEW'], faculty: 'Faculty of Law' }, 'ky')).map((l) => [
      l.licenseId,
      l.licenseNumber ?? '',
      l.programmeCode,
      l.programmeName.text,
      l.levelLabel,
      l.faculty,
      String(l.capacity),
      l.statusLabel,
      l.submittedOn,
      l.grantedOn ?? '',
      l.validUntil ?? '',
      String(l.withoutTimeLimit),
    ]);
    expect(expected).toHaveLength(1);
    // A comma and quotes inside the name survive the round trip.
    expect(expected[0]![3]).toBe('Юриспруденция, укук таануу, "жарандык" укук');
    expect(padded(rows.slice(1), 12).map((r) => r.map((c) => c ?? ''))).toEqual(expected);
  });

  it('holds only what the caller may read: a teacher’s rating results are their own entry, the director’s every entry', async () => {
    const QUERY = `query { ratingEntries(first: 100, filter: {}) { edges { node { campaign { year } teacherId teacherName unit total unitRank universityRank statusLabel submittedAt } } } }`;
    for (const [as, count] of [
      [await tokenFor(aida), 1],
      [token, 2],
    ] as const) {
      const res = await gql(QUERY, {}, { token: as });
      const expected = res.data!.ratingEntries.edges.map(({ node: n }: { node: Record<string, any> }) => [
        n.campaign.year,
        n.teacherId,
        n.teacherName,
        n.unit,
        n.total,
        n.unitRank,
        n.universityRank,
        n.statusLabel,
        n.submittedAt === null ? null : new Date(n.submittedAt),
      ]);
      expect(expected).toHaveLength(count);
      // The client asks GraphQL in English (Accept-Language), so the export is asked in English too.
      const rows = await xlsxRows('/export/rating-results.xlsx?language=en', as);
      expect(padded(rows.slice(1), 9)).toEqual(expected);
    }
    const own = await xlsxRows('/export/rating-results.xlsx', await tokenFor(aida));
    expect(own.slice(1).map((r) => r[1])).toEqual([aida.id]);
    expect(own.flat()).not.toContain(dinara.name);
    // The published results table too: the teacher's row only, the director's both.
    const table = async (as: string) => (await xlsxRows(`/export/rating-table.xlsx?campaignId=${campaignId}`, as)).slice(1).map((r) => r[1]);
    expect(await table(await tokenFor(aida))).toEqual([aida.id]);
    expect(new Set(await table(token))).toEqual(new Set([aida.id, dinara.id]));
  });

  it('answers every registry in both formats with its headers in the language of Accept-Language, each row as its GraphQL query answers', async () => {
    // The results table is per campaign: its query requires the campaign, and so does its export.
    const args: Record<string, Record<string, string>> = { 'rating-table': { campaignId } };
    // The registries the seed fills (the others may be empty here; their own tests fill them).
    const seeded = new Set([
      'licenses',
      'indicators',
      'corrective-actions',
      'rating-results',
      'rating-table',
      'rankings',
      'cooperation-plans',
      'data-requests',
      'meetings',
      'umo-sessions',
      'analytical-reports',
      'publications',
      'surveys',
      'assessment-instruments',
      'organisation-tasks',
      'staffing-table',
    ]);
    for (const definition of exportDefinitions) {
      const query = new URLSearchParams(args[definition.name] ?? {});
      for (const format of ['csv', 'xlsx']) {
        const response = await download(`/export/${definition.name}.${format}?${query}`, token, { 'accept-language': 'en-GB,en;q=0.9' });
        expect(response.status, `${definition.name}.${format}: ${await response.clone().text()}`).toBe(200);
        await response.arrayBuffer();
      }
      const rows = await xlsxRows(`/export/${definition.name}.xlsx?language=en&${query}`);
      expect(rows[0]).toEqual(definition.columns.map((c) => c.header.en));
      const expected = await queried(definition, args[definition.name]);
      if (seeded.has(definition.name)) expect(expected.length, `${definition.name} has rows to compare`).toBeGreaterThan(0);
      expect(padded(rows.slice(1), definition.columns.length), definition.name).toEqual(expected);
    }
  });

  it('gives a unit head only their own unit’s data requests, the director every one', async () => {
    const requests = exportDefinitions.find((d) => d.name === 'data-requests')!;
    const head = await tokenFor(economicsHead);
    const own = await xlsxRows('/export/data-requests.xlsx?language=en', head);
    const unitColumn = requests.columns.findIndex((c) => c.path === 'unit');
    expect(own.slice(1).map((r) => r[unitColumn])).toEqual(['faculty-economics', 'faculty-economics']);
    expect(padded(own.slice(1), requests.columns.length)).toEqual(await queried(requests, {}, head));
    const all = await xlsxRows('/export/data-requests.xlsx');
    expect(new Set(all.slice(1).map((r) => r[unitColumn]))).toEqual(new Set(['faculty-economics', 'faculty-law']));
  });

  it('neutralises in CSV what a spreadsheet would run as a formula, and keeps numbers, negative ones too, as numbers', async () => {
    const cells = async (name: string) => (await csvRows(`/export/${name}.csv?language=en`)).slice(1).flat();
    expect(await cells('cooperation-plans')).toContain("'=Work with the Ministry’s rating");
    expect(await cells('meetings')).toContain("'@Rankings seminar");
    expect(await cells('publications')).toContain("'+OshSU in the national rating");
    expect(await cells('data-requests')).toContain("'-1 vacancies? recheck");
    // The Ministry's rank fell from 4 to 6: a negative change, written as a number a spreadsheet adds up.
    const rankings = (await csvRows('/export/rankings.csv?language=en')).slice(1);
    const change = exportDefinitions.find((d) => d.name === 'rankings')!.columns.findIndex((c) => c.path === 'latestResult.rankChange');
    expect(rankings.map((r) => r[change])).toContain('-2');
    const raw = await (await download('/export/rankings.csv')).text();
    expect(raw).toMatch(/,-2,/);
    expect(raw).not.toContain("'-2");
    // Each trigger, and the plain text and numbers that must pass unchanged.
    for (const [value, written] of [
      ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
      ['+1+2', "'+1+2"],
      ['-cmd', "'-cmd"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tinvisible', "'\tinvisible"],
      ['\r=1', "'\r=1"],
      [-3.5, '-3.5'],
      ['-12.5', '-12.5'],
      ['+7', '+7'],
      ['a=b', 'a=b'],
      [false, 'false'],
    ] as const)
      expect(neutralised(value), JSON.stringify(value)).toBe(written);
  });

  it('refuses with a clear 4xx: unknown registry 404, unknown or bad filter 400 naming the parameter, no or bad token 401', async () => {
    const refusal = async (path: string, as?: string) => {
      const response = await download(path, as);
      return { status: response.status, error: ((await response.json()) as { error: string }).error };
    };
    expect(await refusal('/export/salaries.csv')).toMatchObject({ status: 404, error: expect.stringContaining('licenses') });
    expect(await refusal('/export/licenses.pdf')).toMatchObject({ status: 404 });
    expect(await refusal('/export/licenses.csv?colour=red')).toMatchObject({ status: 400, error: expect.stringMatching(/^parameter colour:.*statuses/) });
    expect(await refusal('/export/licenses.csv?statuses=GRANTED_MAYBE')).toMatchObject({ status: 400, error: expect.stringMatching(/^parameter statuses/) });
    expect(await refusal('/export/indicators.xlsx?year=soon')).toMatchObject({ status: 400, error: 'parameter year: "soon" is not a number' });
    expect(await refusal('/export/licenses.csv?language=fr')).toMatchObject({ status: 400, error: expect.stringContaining('language') });
    expect(await refusal('/export/licenses.csv', '')).toMatchObject({ status: 401 });
    expect(await refusal('/export/licenses.csv', 'not-a-token')).toMatchObject({ status: 401 });
  });

  it('walks every page of a list longer than one page', async () => {
    for (let i = 0; i < 100; i++) await gql(APPLY, { input: applicationInput({ submittedOn: '2026-04-01' }) }, { token });
    const all = await xlsxRows('/export/licenses.xlsx');
    const csv = await csvRows('/export/licenses.csv');
    expect(all).toHaveLength(104);
    expect(csv.filter((r) => r.length > 0)).toHaveLength(104);
    expect(new Set(all.slice(1).map((r) => r[0])).size).toBe(103);
  });
});
