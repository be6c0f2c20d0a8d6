// The annual report as the department prints it: the PDF from GET /report/annual/<year>.pdf rendered
// to PNG pages with poppler's pdftoppm, its text read back with pdftotext (headings in the language
// asked for, Kyrgyz letters from the embedded font), and the charts found on the rendered pages by
// their colours. Without poppler-utils these tests say that they skipped; they never pass unseen.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub, type Hub } from '../src/hub.ts';
import { chartColours } from '../src/report/charts.ts';
import { reportLabels } from '../src/report/labels.ts';
import { createGraphQLHandler } from '../src/server.ts';
import { aida, seedYear } from './support/annual-data.ts';
import { director, TEST_SECRET, temporaryDirectory, testConfig, tokenFor } from './support/fixtures.ts';
import { yogaClient } from './support/graphql.ts';
import { seedRankings } from './support/registers-data.ts';
import { repository } from './support/hub-process.ts';

const poppler = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');
const missing = 'pdftoppm/pdftotext (Debian package poppler-utils) are not installed; .ci/run installs them';
if (!poppler) console.warn(`Annual report rendering tests SKIPPED: ${missing}`);

let dir: ReturnType<typeof temporaryDirectory>;
let hub: Hub;
let yoga: ReturnType<typeof createGraphQLHandler>;
let token: string;

beforeAll(async () => {
  dir = temporaryDirectory();
  hub = await openHub(testConfig(dir.path));
  yoga = createGraphQLHandler(hub, { secret: TEST_SECRET });
  token = await tokenFor(director);
  await seedYear(yogaClient(yoga));
  // QS by band, better in 2026 than in 2025; the Ministry's rating by rank, 4th in 2025 and 6th in 2026.
  await seedRankings(yogaClient(yoga));
});
let closed = false;
afterAll(async () => {
  if (!closed) await hub.close();
  dir.remove();
});

const report = (path: string, as: string | undefined = token) => yoga.fetch(`http://hub.test${path}`, { headers: as ? { authorization: `Bearer ${as}` } : {} });

async function savedReport(language: string): Promise<string> {
  const response = await report(`/report/annual/2026.pdf?language=${language}`);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const file = join(dir.path, `report-${language}.pdf`);
  writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
  return file;
}

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** How many pixels of the pages are within a small distance of the colour. */
function pixelsOf(files: string[], hex: string): number {
  const [r, g, b] = rgb(hex);
  let count = 0;
  for (const file of files) {
    const { pixels } = readPpm(file);
    for (let i = 0; i < pixels.length; i += 3) {
      if (Math.abs(pixels[i]! - r!) + Math.abs(pixels[i + 1]! - g!) + Math.abs(pixels[i + 2]! - b!) < 40) count++;
    }
  }
  return count;
}

describe('GET /report/annual/<year>.pdf', () => {
  it('renders in Kyrgyz by default: pages as PNG, every heading and the Kyrgyz letters in its text, trend charts drawn', async ({ skip }) => {
    if (!poppler) skip(missing);
    const response = await report('/report/annual/2026.pdf');
    expect(response.status).toBe(200);
    const file = join(dir.path, 'report-default.pdf');
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()));

    const pages = join(dir.path, 'png');
    execFileSync('mkdir', ['-p', pages]);
    execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '40', file, join(pages, 'page')]);
    const pngs = readdirSync(pages).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    expect(pngs.length).toBeLessThanOrEqual(6);
    for (const png of pngs) expect([...readFileSync(join(pages, png)).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const key of [
      'title',
      'licences',
      'accreditations',
      'indicators',
      'correctiveActions',
      'rating',
      'rankings',
      'position',
      'lastYear',
      'trend',
    ] as const) {
      expect(text, key).toContain(reportLabels[key].ky);
    }
    // The rankings recorded through GraphQL, each row with the year's position, last year's and the trend.
    expect(text).not.toContain(reportLabels.noRankings.ky);
    expect(text).toMatch(/QS WUR \(QS WUR 2026\) +801-1000 +18\.7 +1001-1200 +\+200 +Жакшырды/);
    expect(text).toMatch(/rating\.kg \(rating\.kg 2026\) +6 +410\.1 +4 +-2 +Төмөндөдү/);
    // Kyrgyz letters survive only if the embedded font has them (ң, ө, ү), in labels and in the data.
    expect(text).toMatch(/ң/);
    expect(text).toMatch(/ө/);
    expect(text).toMatch(/ү/);
    expect(text).toContain('Илимий даражасы бар окутуучулардын үлүшү');
    expect(text).toContain('2026-жылдын рейтинги');
    expect(text).not.toContain(reportLabels.title.ru);
    if (process.env.KEEP_REPORT) writeFileSync(process.env.KEEP_REPORT, readFileSync(file));

    // Charts: the values' blue lines, the targets' red dashes and the grey count bars, found on the rendered pages.
    execFileSync('/usr/bin/pdftoppm', ['-r', '100', file, join(pages, 'raw')]);
    const ppms = readdirSync(pages)
      .filter((f) => f.endsWith('.ppm'))
      .map((f) => join(pages, f));
    // The legends alone make about 90 pixels of each colour; the lines add hundreds more.
    expect(pixelsOf(ppms, chartColours.value)).toBeGreaterThan(150);
    expect(pixelsOf(ppms, chartColours.target)).toBeGreaterThan(150);
    expect(pixelsOf(ppms, chartColours.bar)).toBeGreaterThan(1000);
  });

  it('answers in Russian and English when asked, headings and labels alike', async ({ skip }) => {
    if (!poppler) skip(missing);
    for (const language of ['ru', 'en'] as const) {
      const text = execFileSync('/usr/bin/pdftotext', [await savedReport(language), '-'], { encoding: 'utf8' });
      for (const key of ['title', 'licences', 'indicators', 'rating', 'rankings', 'position', 'lastYear', 'change'] as const)
        expect(text, `${language} ${key}`).toContain(reportLabels[key][language]);
      expect(text).toContain({ ru: 'Улучшилась', en: 'Improved' }[language]);
      expect(text).toContain({ ru: 'Ухудшилась', en: 'Declined' }[language]);
      expect(text).not.toContain(reportLabels.title.ky);
    }
  });

  it('is for the department and auditors: no token 401, a teacher 403, a bad year or parameter 400, another path 404', async () => {
    const refusal = async (path: string, as?: string) => {
      const response = await report(path, as);
      return { status: response.status, error: ((await response.json()) as { error: string }).error };
    };
    expect(await refusal('/report/annual/2026.pdf', '')).toMatchObject({ status: 401 });
    expect(await refusal('/report/annual/2026.pdf', await tokenFor(aida))).toMatchObject({ status: 403, error: expect.stringContaining('teacher') });
    expect(await refusal('/report/annual/1999.pdf')).toMatchObject({ status: 400, error: expect.stringContaining('1999') });
    expect(await refusal('/report/annual/2026.pdf?language=de')).toMatchObject({ status: 400 });
    expect(await refusal('/report/annual/2026.pdf?format=a3')).toMatchObject({ status: 400, error: expect.stringContaining('format') });
    expect(await refusal('/report/annual/latest.pdf')).toMatchObject({ status: 404 });
    const auditor = await tokenFor({ id: 'a-1', name: 'Internal Audit', roles: ['auditor'] });
    expect((await report('/report/annual/2026.pdf', auditor)).status).toBe(200);
  });

  it('is written by `npm run report` from the data directory, with no hub running, in the language asked for', async ({ skip }) => {
    if (!poppler) skip(missing);
    // The CLI opens the data directory itself: this test's hub lets go of it first.
    await hub.close();
    closed = true;
    const out = join(dir.path, 'cli-report.pdf');
    const outcome = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/report.ts', '--year', '2026', '--language', 'ru', '--out', out],
        { cwd: repository, env: { ...process.env, SAPAT_DATA_DIR: dir.path, SAPAT_JWT_SECRET: '' } },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(outcome, outcome.stderr).toMatchObject({ code: 0 });
    const text = execFileSync('/usr/bin/pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain(reportLabels.title.ru);
    expect(text).toContain('Доля преподавателей с учёной степенью');
  }, 120_000);
});
