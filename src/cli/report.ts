// `npm run report`: the annual analytical report as a PDF file, the same document as
// GET /report/annual/<year>.pdf. Either from a running hub (--url with a token, which decides what
// the report may hold), or, with no hub running, from SAPAT_DATA_DIR opened under the data
// directory's lock, read as an auditor (the read-only role the report is open to).
import { writeFileSync } from 'node:fs';
import type { GraphQLContext } from '../../schema/builder.ts';
import { DataDirectoryLockedError, lockDataDirectory } from '../data-directory-lock.ts';
import { languageSchema, type Language } from '../domain/values.ts';
import { openHub } from '../hub.ts';
import { renderAnnualReport, ReportRefusedError } from '../report/annual.ts';
import { describeFileError, parseFlags, requireEventStore, runTool, toolConfig, UsageError } from './tool.ts';

const usage = `Usage: npm run report -- --year <yyyy> [--language ky|ru|en] [--out <file>] [--url <hub> --token <jwt>]

Writes the annual analytical report of a year as a PDF.

  --year <yyyy>        the year reported on (required)
  --language ky|ru|en  the report's language (default ky, Kyrgyz)
  --out <file>         where to write (default annual-report-<year>-<language>.pdf)
  --url <hub>          a running hub's base URL (e.g. http://localhost:4000): the report is fetched
                       from it with --token (or SAPAT_TOKEN), whose roles decide what it may hold
  --token <jwt>        the bearer token for --url

Without --url the hub's data directory (SAPAT_DATA_DIR) is opened directly; a hub running on it
holds its lock, so then use --url.

Exit status: 0 written, 2 bad usage, the data could not be read or the hub refused.`;

const flags = {
  year: { type: 'string' as const },
  language: { type: 'string' as const, default: 'ky' },
  out: { type: 'string' as const },
  url: { type: 'string' as const },
  token: { type: 'string' as const },
};

async function fromHub(url: string, token: string | undefined, year: number, language: Language): Promise<Buffer> {
  if (!token) throw new UsageError('--url needs --token (or SAPAT_TOKEN): the hub serves the report to signed-in callers only');
  const address = new URL(`/report/annual/${year}.pdf?language=${language}`, url);
  let response: Response;
  try {
    response = await fetch(address, { headers: { authorization: `Bearer ${token}` } });
  } catch (error) {
    throw new UsageError(
      `--url ${url}: no hub answers there (${(error as Error).cause ? String((error as Error & { cause: Error }).cause.message) : (error as Error).message})`,
    );
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new UsageError(`the hub refused (${response.status}): ${body.error ?? response.statusText}`);
  }
  return Buffer.from(await response.arrayBuffer());
}

async function fromDataDirectory(year: number, language: Language): Promise<Buffer> {
  const config = toolConfig();
  requireEventStore(config);
  const lock = config.store === 'sqlite' ? lockDataDirectory(config.dataDir, 'npm run report') : undefined;
  try {
    const hub = await openHub(config);
    try {
      const head = await hub.store.headPosition();
      if (head) await hub.projections.waitFor(head, 10 * 60_000);
      const context: GraphQLContext = {
        actor: { id: 'cli-report', name: 'npm run report', roles: ['auditor'] },
        correlationId: 'cli-report',
        language,
        hub,
      };
      return await renderAnnualReport(context, { year, language });
    } finally {
      await hub.close();
    }
  } finally {
    lock?.release();
  }
}

async function main(argv: string[]): Promise<number> {
  const values = parseFlags('report', argv, flags);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year <yyyy> is required, e.g. --year 2026');
  const year = Number(values.year);
  const language = languageSchema.safeParse(values.language);
  if (!language.success) throw new UsageError(`--language ${values.language}: must be ky, ru or en`);
  const out = values.out ?? `annual-report-${year}-${language.data}.pdf`;
  const pdf = values.url
    ? await fromHub(values.url, values.token ?? process.env.SAPAT_TOKEN, year, language.data)
    : await fromDataDirectory(year, language.data);
  try {
    writeFileSync(out, pdf);
  } catch (error) {
    throw new UsageError(`--out ${out}: cannot write it (${describeFileError(error)})`);
  }
  console.error(`Wrote the annual report for ${year} (${language.data}) to ${out} (${pdf.length} bytes).`);
  return 0;
}

runTool('report', usage, main, [DataDirectoryLockedError, ReportRefusedError]);
