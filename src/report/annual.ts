// The annual analytical report (regulation 2.1 item 7) as a PDF: licences and accreditations (what
// expires, what is due), the strategy's indicators by status with a trend chart each, corrective
// actions, the teaching-staff rating summary and ranking positions, in Kyrgyz, Russian or English.
// DejaVu Sans (from the npm package dejavu-fonts-ttf) is embedded: it has ң, ө and ү.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';
import type { GraphQLContext } from '../../schema/builder.ts';
import type { Role } from '../domain/decider.ts';
import { departmentStaff } from '../domain/staff.ts';
import { localDateOf, type Language } from '../domain/values.ts';
import { drawBars, drawTrend } from './charts.ts';
import { annualData, type AnnualData } from './data.ts';
import { reportLabels, type ReportLabel } from './labels.ts';

/** Who may have the report: the department's staff (the director among them) and auditors. */
export const reportReaders: Role[] = [...departmentStaff, 'auditor'];

/** The caller may not have the report, or asked for a year it cannot be made for; status says which. */
export class ReportRefusedError extends Error {
  override readonly name = 'ReportRefusedError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 50;

function check(context: GraphQLContext, year: number) {
  if (!context.actor) throw new ReportRefusedError(401, 'the annual report needs a signed-in caller: send an Authorization: Bearer <token> header');
  if (!context.actor.roles.some((r) => reportReaders.includes(r)))
    throw new ReportRefusedError(403, `the annual report is for ${reportReaders.join(', ')}; not for the roles ${context.actor.roles.join(', ') || '(none)'}`);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ReportRefusedError(400, `year ${year}: must be between 2000 and 2100`);
}

const inYear = (date: string | null, year: number): date is string => (date ?? '').startsWith(`${year}-`);

function countBy<T>(items: T[], key: (item: T) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function renderer(doc: Doc, language: Language) {
  const label = (key: ReportLabel) => reportLabels[key][language];
  const bottom = () => doc.page.height - MARGIN;
  const width = () => doc.page.width - 2 * MARGIN;
  const room = (needed: number) => {
    if (doc.y + needed > bottom()) doc.addPage();
  };
  const heading = (key: ReportLabel) => {
    room(80);
    doc.moveDown(0.8).font('bold').fontSize(14).fillColor('#000000').text(label(key), MARGIN, doc.y, { width: width() }).moveDown(0.3);
  };
  const subheading = (text: string) => {
    room(40);
    doc.moveDown(0.3).font('bold').fontSize(10).fillColor('#000000').text(text, MARGIN, doc.y, { width: width() }).moveDown(0.2);
  };
  const paragraph = (text: string) => {
    room(20);
    doc.font('body').fontSize(9).fillColor('#000000').text(text, MARGIN, doc.y, { width: width() });
  };
  /** A table: widths are fractions of the page width; the header row is bold. */
  const table = (columns: { header: string; share: number }[], rows: string[][]) => {
    if (rows.length === 0) return paragraph(label('none'));
    const draw = (cells: string[], bold: boolean) => {
      room(14);
      const top = doc.y;
      let x = MARGIN;
      doc
        .font(bold ? 'bold' : 'body')
        .fontSize(8)
        .fillColor('#000000');
      cells.forEach((cell, i) => {
        const w = columns[i]!.share * width();
        doc.text(cell, x, top, { width: w - 4, height: 11, ellipsis: true, lineBreak: false });
        x += w;
      });
      doc.y = top + 12;
      doc.x = MARGIN;
    };
    draw(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) draw(row, false);
  };
  const bars = (items: { label: string; count: number }[]) => {
    if (items.length === 0) return paragraph(label('none'));
    room(items.length * 14 + 10);
    doc.y = drawBars(doc, { x: MARGIN, y: doc.y, width: width() }, items);
    doc.x = MARGIN;
  };
  return { label, heading, subheading, paragraph, table, bars, width, room };
}

function render(doc: Doc, data: AnnualData, language: Language, today: string) {
  const r = renderer(doc, language);
  const { label } = r;
  const { year } = data;

  doc
    .font('bold')
    .fontSize(20)
    .text(`${label('title')} — ${year}`, { width: r.width() });
  doc.moveDown(0.3).font('body').fontSize(10).text(label('university')).text(label('department'));
  doc
    .moveDown(0.3)
    .fontSize(9)
    .fillColor('#555555')
    .text(`${label('generatedOn')}: ${today}`)
    .fillColor('#000000');

  r.heading('licences');
  r.paragraph(`${label('total')}: ${data.licences.length}`);
  r.subheading(label('byStatus'));
  r.bars(countBy(data.licences, (l) => l.statusLabel));
  r.subheading(label('licencesExpiring'));
  r.table(
    [
      { header: label('programme'), share: 0.5 },
      { header: label('faculty'), share: 0.2 },
      { header: label('validUntil'), share: 0.14 },
      { header: label('status'), share: 0.16 },
    ],
    data.licences
      .filter((l) => inYear(l.validUntil, year))
      .map((l) => [`${l.programmeCode} ${l.programmeName.text}`, l.faculty, l.validUntil ?? '', l.statusLabel]),
  );

  r.heading('accreditations');
  r.paragraph(`${label('total')}: ${data.accreditations.length}`);
  r.subheading(label('byStage'));
  r.bars(countBy(data.accreditations, (a) => a.stageLabel ?? a.stage));
  const accreditationColumns = [
    { header: label('programme'), share: 0.25 },
    { header: label('agency'), share: 0.3 },
    { header: label('kind'), share: 0.17 },
    { header: label('dueOn'), share: 0.13 },
    { header: label('status'), share: 0.15 },
  ];
  const accreditationRow = (a: AnnualData['accreditations'][number], date: string) => [
    a.programmeCodes.join(', '),
    a.agencyName,
    a.kindLabel ?? '',
    date,
    a.stageLabel ?? a.stage,
  ];
  r.subheading(label('accreditationsExpiring'));
  r.table(
    accreditationColumns,
    data.accreditations.filter((a) => inYear(a.validUntil, year)).map((a) => accreditationRow(a, a.validUntil!)),
  );
  r.subheading(label('interimDue'));
  r.table(
    accreditationColumns,
    data.accreditations.filter((a) => inYear(a.interimReportDueOn, year)).map((a) => accreditationRow(a, a.interimReportDueOn!)),
  );

  r.heading('indicators');
  r.paragraph(`${label('total')}: ${data.indicators.length}`);
  r.subheading(label('byStatus'));
  r.bars(countBy(data.indicators, (i) => i.statusLabel));
  if (data.indicators.length > 0) {
    r.subheading(label('indicatorTrends'));
    // Two charts a row; each with its code, name and this year's status above it.
    const gap = 20;
    const chartWidth = (r.width() - gap) / 2;
    const chartHeight = 110;
    data.indicators.forEach((row, i) => {
      const column = i % 2;
      if (column === 0) r.room(chartHeight + 40);
      const top = doc.y;
      const x = doc.page.margins.left + column * (chartWidth + gap);
      // Code, name and this year's status above the chart, one line each.
      const caption = { width: chartWidth, height: 10, ellipsis: true, lineBreak: false };
      doc.font('bold').fontSize(8).fillColor('#000000').text(row.indicator.code, x, top, caption);
      doc
        .font('body')
        .fontSize(7.5)
        .text(row.indicator.name.text, x, top + 10, caption);
      doc
        .fontSize(7)
        .fillColor('#555555')
        .text(`${row.statusLabel} · ${row.indicator.unitLabel}`, x, top + 20, caption);
      drawTrend(
        doc,
        { x, y: top + 32, width: chartWidth, height: chartHeight },
        row.indicator.series.map((s) => ({ year: s.year, value: s.value, target: s.expected?.value ?? null })),
        { value: label('value'), target: label('target') },
      );
      doc.y = column === 1 || i === data.indicators.length - 1 ? top + chartHeight + 40 : top;
      doc.x = MARGIN;
    });
  }

  r.heading('correctiveActions');
  r.paragraph(`${label('total')}: ${data.correctiveActions.length}`);
  r.subheading(label('byStatus'));
  r.bars(countBy(data.correctiveActions, (a) => a.statusLabel));
  r.subheading(label('overdueActions'));
  r.table(
    [
      { header: label('problem'), share: 0.5 },
      { header: label('unit'), share: 0.22 },
      { header: label('dueOn'), share: 0.13 },
      { header: label('status'), share: 0.15 },
    ],
    data.correctiveActions.filter((a) => a.overdue).map((a) => [a.problem, a.ownerUnit, a.dueOn, a.statusLabel]),
  );

  r.heading('rating');
  if (data.ratingCampaigns.length === 0) r.paragraph(label('noRating'));
  for (const campaign of data.ratingCampaigns) {
    r.subheading(`${campaign.title.text} (${campaign.statusLabel})`);
    r.paragraph(label('entries').replace(/\{(\w+)\}/g, (_, key: keyof typeof campaign.entryCounts) => String(campaign.entryCounts[key])));
    const score = (n: number) => Number(n.toFixed(2)).toString();
    r.table(
      [
        { header: label('unit'), share: 0.36 },
        { header: label('ranked'), share: 0.16 },
        { header: label('average'), share: 0.16 },
        { header: label('highest'), share: 0.16 },
        { header: label('lowest'), share: 0.16 },
      ],
      campaign.unitSummaries.map((u) => [u.unit, String(u.rankedEntries), score(u.averageTotal), score(u.highestTotal), score(u.lowestTotal)]),
    );
  }

  // The rankings read model's results of the year, each with last year's position and the trend.
  r.heading('rankings');
  if (data.rankings.length === 0) r.paragraph(label('noRankings'));
  else
    r.table(
      [
        { header: label('ranking'), share: 0.26 },
        { header: label('position'), share: 0.12 },
        { header: label('score'), share: 0.09 },
        { header: label('lastYear'), share: 0.15 },
        { header: label('change'), share: 0.14 },
        { header: label('trend'), share: 0.24 },
      ],
      data.rankings.map((p) => [
        `${p.ranking} (${p.edition})`,
        p.position,
        p.score === null ? '—' : Number(p.score.toFixed(2)).toString(),
        p.previousPosition ?? '—',
        p.rankChange === null ? '—' : p.rankChange > 0 ? `+${p.rankChange}` : String(p.rankChange),
        p.trendLabel,
      ]),
    );

  // Page numbers, once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin: pdfkit would start a new page for text there unless the margin is lifted.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#555555');
    doc.text(`${label('page')} ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 15, { width: r.width(), align: 'right', lineBreak: false });
  }
}

/** The report for the caller in their context; refused (ReportRefusedError) for a caller who may not have it. */
export async function renderAnnualReport(context: GraphQLContext, options: { year: number; language: Language }): Promise<Buffer> {
  check(context, options.year);
  const data = await annualData(context, options.year);
  const today = localDateOf(new Date(context.hub.clock.now()).toISOString());
  // pdfkit loads on the first report, not at every start of the hub.
  const { default: PDFDocumentClass } = await import('pdfkit');
  const doc = new PDFDocumentClass({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${reportLabels.title[options.language]} ${options.year}`, Author: reportLabels.department[options.language] },
  });
  doc.registerFont('body', join(fontDirectory, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(fontDirectory, 'DejaVuSans-Bold.ttf'));
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  render(doc, data, options.language, today);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
