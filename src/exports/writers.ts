// The two file formats an export is written in, row by row as the pages arrive, so a large table
// never sits in memory whole: CSV (UTF-8 with a BOM, so Excel reads Cyrillic; RFC 4180 quoting;
// CRLF) and XLSX through exceljs's streaming writer, with dates as dates and numbers as numbers.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Language } from '../domain/values.ts';
import type { ColumnKind, ExportDefinition } from './definition.ts';

export type ExportFormat = 'csv' | 'xlsx';

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const joined = (value: unknown): unknown => (Array.isArray(value) ? value.join('; ') : value);

/** A decimal number written as text, such as "-12.5": a spreadsheet reads it as that number, never as a formula. */
const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (=, +, -, @) or whose leading tab or CR it would strip
 * and then read as one gets a leading single quote, so a value someone typed into the hub cannot
 * run in the reader's Excel (CSV formula injection). Numbers, negative ones included, stay numbers.
 */
export function neutralised(value: unknown): string {
  const text = String(value);
  if (typeof value === 'number' || typeof value === 'boolean' || numeric.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: unknown): string {
  const v = joined(value);
  if (v === null || v === undefined) return '';
  const text = neutralised(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Waits while the reader is behind; stops (throws) when the download was abandoned, instead of waiting for ever. */
async function keepPace(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new Error('the download was abandoned by the client');
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new Error('the download was abandoned by the client');
  out.write(chunk);
  await keepPace(out);
}

export async function writeCsv(out: Writable, definition: ExportDefinition, language: Language, rows: AsyncIterable<unknown[]>): Promise<void> {
  await write(out, `\uFEFF${definition.columns.map((c) => csvField(c.header[language])).join(',')}\r\n`);
  for await (const row of rows) await write(out, `${row.map(csvField).join(',')}\r\n`);
  out.end();
}

/** A cell as its column's kind: a Date for dates (midnight UTC, which Excel shows as that day), a number, a boolean, text. */
function cellOf(kind: ColumnKind, value: unknown): ExcelJS.CellValue {
  const v = joined(value);
  if (v === null || v === undefined) return null;
  if (kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  if (kind === 'datetime' && typeof v === 'string') return new Date(v);
  if (kind === 'number' && typeof v === 'number') return v;
  if (kind === 'boolean' && typeof v === 'boolean') return v;
  return String(v);
}

const numberFormats: Partial<Record<ColumnKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm:ss' };

/** Excel's rule for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function writeXlsx(out: Writable, definition: ExportDefinition, language: Language, rows: AsyncIterable<unknown[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(definition.title[language]), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = definition.columns.map((c, i) => ({
    header: c.header[language],
    key: String(i),
    width: Math.max(12, Math.min(40, c.header[language].length + 4)),
    ...(numberFormats[c.kind] ? { style: { numFmt: numberFormats[c.kind]! } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const row of rows) {
    sheet.addRow(row.map((value, i) => cellOf(definition.columns[i]!.kind, value))).commit();
    await keepPace(out);
  }
  sheet.commit();
  await workbook.commit();
}

export const writers: Record<ExportFormat, typeof writeCsv> = { csv: writeCsv, xlsx: writeXlsx };
