// Files the hub serves beside GraphQL: the registry exports (GET /export/<registry>.csv|xlsx) and
// the annual report (GET /report/annual/<year>.pdf). A Yoga plugin, so they pass the same
// admission (token, rate limit) as GraphQL and answer through yoga.fetch in tests; their data comes
// from the schema executed in process with the caller's own context, so what a caller may read is
// decided by the resolvers, as for a query. Every refusal is JSON with a message and a 4xx status.
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { schema } from '../../schema/index.ts';
import type { GraphQLContext } from '../../schema/builder.ts';
import { languageSchema, type Language } from '../domain/values.ts';
import { exportNamed, exportDefinitions } from '../exports/registry.ts';
import { cellsOf, ExportParameterError, ExportQueryError, exportQuery, type ExportQuery } from '../exports/query.ts';
import type { ExportFormat } from '../exports/writers.ts';
import { renderAnnualReport, ReportRefusedError } from '../report/annual.ts';
import type { Hub } from '../hub.ts';
import type { Admission } from './admission.ts';
import { correlated, correlationIdOf, exchangeIn, type Exchange } from './exchange.ts';
import { errorFields, type Logger } from './logging.ts';
import { isClientError } from './masking.ts';

/** A refusal with its status, written as `{ "error": message }`. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const json = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: message }), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

/** `?language=` first, then Accept-Language, then Kyrgyz. */
function languageOf(request: Request, url: URL): Language {
  const asked = url.searchParams.get('language');
  if (asked !== null) {
    const parsed = languageSchema.safeParse(asked);
    if (!parsed.success) throw new Refusal(400, `parameter language: "${asked}" is not one of ky, ru, en`);
    return parsed.data;
  }
  for (const part of (request.headers.get('accept-language') ?? '').split(',')) {
    const parsed = languageSchema.safeParse(part.trim().slice(0, 2).toLowerCase());
    if (parsed.success) return parsed.data;
  }
  return 'ky';
}

/** A GraphQL error as an HTTP status: the caller's (401, 403, 429, 400) or the hub's fault (500, logged). */
function refusalOf(error: unknown, logger: Logger, exchange: Exchange | undefined): Refusal {
  if (error instanceof Refusal) return error;
  if (error instanceof ExportParameterError || error instanceof ReportRefusedError)
    return new Refusal(error instanceof ReportRefusedError ? error.status : 400, error.message);
  const errors = error instanceof ExportQueryError ? error.errors : error instanceof GraphQLError ? [error] : [];
  const first = errors[0];
  if (first) {
    const code = first.extensions?.code;
    const http = first.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
    if (http?.status && http.status < 500) return new Refusal(http.status, first.message, http.headers);
    if (code === 'UNAUTHENTICATED') return new Refusal(401, first.message, { 'WWW-Authenticate': 'Bearer' });
    if (code === 'FORBIDDEN') return new Refusal(403, first.message);
    if (code === 'RATE_LIMITED') return new Refusal(429, first.message);
    if (!first.originalError || isClientError(first) || code === 'BAD_USER_INPUT') return new Refusal(400, first.message);
  }
  logger.error('download failed', { ...correlated(exchange), ...errorFields(error) });
  return new Refusal(500, 'Unexpected error.');
}

type Caller = { context: GraphQLContext; language: Language };

/** Where a download's request comes from, and its exchange (src/http/exchange.ts). */
type Origin = { remoteAddress: string | undefined; exchange: Exchange | undefined };

async function callerOf(hub: Hub, admission: Admission, request: Request, url: URL, { remoteAddress, exchange }: Origin): Promise<Caller> {
  const language = languageOf(request, url);
  // One allowance of the rate limit for the whole download, however many pages it reads.
  const { actor } = await admission.admit(request.headers.get('authorization'), remoteAddress, exchange);
  const correlationId = exchange?.correlationId ?? correlationIdOf(request.headers.get('x-correlation-id'));
  return { language, context: { actor, correlationId, language, hub } };
}

const queries = new Map<string, ExportQuery>();
const queryOf = (name: string): ExportQuery | undefined => {
  const definition = exportNamed(name);
  if (!definition) return undefined;
  if (!queries.has(name)) queries.set(name, exportQuery(schema, definition));
  return queries.get(name);
};

async function exportResponse(hub: Hub, admission: Admission, logger: Logger, request: Request, url: URL, origin: Origin): Promise<Response> {
  const match = /^\/export\/([a-z0-9-]+)\.(csv|xlsx)$/.exec(url.pathname);
  const query = match ? queryOf(match[1]!) : undefined;
  if (!match || !query) {
    const known = exportDefinitions.map((d) => d.name).join(', ');
    throw new Refusal(404, `no export at ${url.pathname}: ask for /export/<registry>.csv or .xlsx, where <registry> is one of ${known}`);
  }
  const format = match[2] as ExportFormat;
  // exceljs loads on the first export, not at every start of the hub.
  const { contentTypes, writers } = await import('../exports/writers.ts');
  const { context, language } = await callerOf(hub, admission, request, url, origin);
  const variables = query.variablesFor(url.searchParams);
  // The first page runs before the status is sent, so a refusal (no token, a role that may not read
  // the list, a filter value a resolver rejects) is a 4xx, not a truncated file.
  const items = query.rows(context, variables);
  const first = await items.next();
  async function* cells() {
    if (first.done) return;
    yield cellsOf(query!.definition, first.value);
    for await (const item of items) yield cellsOf(query!.definition, item);
  }
  const out = new PassThrough();
  writers[format](out, query.definition, language, cells()).catch((error: unknown) => {
    // Headers are gone: the only honest signal left is a broken download.
    logger.error('export failed while streaming', { ...correlated(origin.exchange), export: query.definition.name, ...errorFields(error) });
    out.destroy(error as Error);
  });
  const filename = `${query.definition.name}.${format}`;
  return new Response(Readable.toWeb(out) as ReadableStream, {
    status: 200,
    headers: { 'content-type': contentTypes[format], 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}

async function reportResponse(hub: Hub, admission: Admission, request: Request, url: URL, origin: Origin): Promise<Response> {
  const match = /^\/report\/annual\/(\d{4})\.pdf$/.exec(url.pathname);
  if (!match) throw new Refusal(404, `no report at ${url.pathname}: ask for /report/annual/<year>.pdf, e.g. /report/annual/2026.pdf`);
  for (const name of url.searchParams.keys()) {
    if (name !== 'language') throw new Refusal(400, `parameter ${name}: the annual report takes only language (ky, ru or en)`);
  }
  const { context, language } = await callerOf(hub, admission, request, url, origin);
  const pdf = await renderAnnualReport(context, { year: Number(match[1]), language });
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="annual-report-${match[1]}-${language}.pdf"`,
      'cache-control': 'no-store',
    },
  });
}

export function useDownloads(hub: Hub, parts: { admission: Admission; logger: Logger }): Plugin {
  const { admission, logger } = parts;
  return {
    // The URL Yoga parsed once for every plugin, not parsed again here on every request.
    async onRequest({ request, url, serverContext, endResponse }) {
      const isExport = url.pathname.startsWith('/export/');
      if (!isExport && !url.pathname.startsWith('/report/')) return;
      if (request.method !== 'GET') {
        endResponse(json(405, `${url.pathname} answers GET only`, { allow: 'GET' }));
        return;
      }
      const origin: Origin = {
        remoteAddress: (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket.remoteAddress,
        exchange: exchangeIn(serverContext),
      };
      try {
        endResponse(isExport ? await exportResponse(hub, admission, logger, request, url, origin) : await reportResponse(hub, admission, request, url, origin));
      } catch (error) {
        const refusal = refusalOf(error, logger, origin.exchange);
        endResponse(json(refusal.status, refusal.message, refusal.headers));
      }
    },
  };
}
