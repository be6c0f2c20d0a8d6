// The report's charts, drawn as vector paths with pdfkit: an indicator's trend (its yearly values
// against its targets) and a bar chart of counts. Colours are fixed so a test can find the charts
// on a rendered page.
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export const chartColours = { value: '#1f5fa8', target: '#c0392b', bar: '#8e9aa6', axis: '#555555', grid: '#dddddd' };

export type TrendPoint = { year: number; value: number | null; target: number | null };

const formatNumber = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : Number(n.toFixed(2)).toString());

/** A line chart in the box (x, y, width, height): values as a solid line with dots, targets dashed. */
export function drawTrend(
  doc: Doc,
  box: { x: number; y: number; width: number; height: number },
  points: TrendPoint[],
  legend: { value: string; target: string },
) {
  const { x, y, width, height } = box;
  const left = x + 30;
  const bottom = y + height - 14;
  const plotWidth = width - 36;
  const plotHeight = height - 26;
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((n): n is number => n !== null);
  const low = Math.min(0, ...numbers);
  const high = numbers.length === 0 ? 1 : Math.max(...numbers) === low ? low + 1 : Math.max(...numbers);
  const xAt = (i: number) => left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1));
  const yAt = (v: number) => bottom - ((v - low) / (high - low)) * plotHeight;

  doc.save();
  doc.lineWidth(0.5).strokeColor(chartColours.grid);
  for (const fraction of [0.25, 0.5, 0.75, 1])
    doc
      .moveTo(left, bottom - fraction * plotHeight)
      .lineTo(left + plotWidth, bottom - fraction * plotHeight)
      .stroke();
  doc
    .strokeColor(chartColours.axis)
    .moveTo(left, y + 6)
    .lineTo(left, bottom)
    .lineTo(left + plotWidth, bottom)
    .stroke();
  doc.font('body').fontSize(6).fillColor(chartColours.axis);
  doc.text(formatNumber(high), x, yAt(high) - 3, { width: 27, align: 'right', lineBreak: false });
  doc.text(formatNumber(low), x, bottom - 3, { width: 27, align: 'right', lineBreak: false });
  points.forEach((p, i) => {
    doc.text(String(p.year), xAt(i) - 12, bottom + 3, { width: 24, align: 'center', lineBreak: false });
  });

  const line = (values: (number | null)[], colour: string, dashed: boolean) => {
    doc.lineWidth(1.5).strokeColor(colour);
    if (dashed) doc.dash(3, { space: 2 });
    let drawing = false;
    values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(xAt(i), yAt(v));
      else doc.moveTo(xAt(i), yAt(v));
      drawing = true;
    });
    doc.stroke();
    doc.undash();
    values.forEach((v, i) => {
      if (v !== null) doc.circle(xAt(i), yAt(v), 1.8).fill(colour);
    });
  };
  line(
    points.map((p) => p.target),
    chartColours.target,
    true,
  );
  line(
    points.map((p) => p.value),
    chartColours.value,
    false,
  );
  // Legend, top right.
  doc.fontSize(6);
  doc.rect(left + plotWidth - 90, y, 8, 3).fill(chartColours.value);
  doc.fillColor(chartColours.axis).text(legend.value, left + plotWidth - 80, y - 2, { width: 36, lineBreak: false });
  doc.rect(left + plotWidth - 42, y, 8, 3).fill(chartColours.target);
  doc.fillColor(chartColours.axis).text(legend.target, left + plotWidth - 32, y - 2, { width: 36, lineBreak: false });
  doc.restore();
}

/** Horizontal bars, one per label, scaled to the largest count, with the count at the bar's end. */
export function drawBars(doc: Doc, box: { x: number; y: number; width: number }, bars: { label: string; count: number }[]): number {
  const labelWidth = 150;
  const rowHeight = 14;
  const most = Math.max(1, ...bars.map((b) => b.count));
  doc.save();
  bars.forEach((bar, i) => {
    const top = box.y + i * rowHeight;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#000000')
      .text(bar.label, box.x, top + 2, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    const length = ((box.width - labelWidth - 30) * bar.count) / most;
    if (length > 0) doc.rect(box.x + labelWidth, top + 2, length, rowHeight - 5).fill(chartColours.bar);
    doc.fillColor('#000000').text(String(bar.count), box.x + labelWidth + length + 4, top + 2, { width: 26, lineBreak: false });
  });
  doc.restore();
  return box.y + bars.length * rowHeight + 6;
}
