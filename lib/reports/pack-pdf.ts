import { formatGap, PRECISION_RULE, scoreOrDash } from "./format";
import { measureTitle } from "./labels";
import type { MeetingPack, PackSeries } from "./meeting-pack";
import { newPdf } from "./pdf-document";
import { trendCells, trendSeries } from "./trend-lines";
import { toWinAnsi } from "./win-ansi";

/**
 * The meeting pack as an A4 PDF, from the same pack as the print view: its charts drawn as vector
 * bars with PDFKit's own rectangles and lines (no picture, no font to fetch), in the page charts'
 * colours, every value written beside its bar, and no text below 9 pt.
 */

const SMALLEST = 9;
const INK = "#0b0c0c";
const GRID = "#b1b4b6";

type Doc = PDFKit.PDFDocument;

export async function meetingPackPdf(pack: MeetingPack, minPartners: number): Promise<Buffer> {
  const { doc, bytes: done } = newPdf({ title: pack.title, subject: pack.contractLine });

  doc.fillColor(INK).font("Helvetica-Bold").fontSize(18).text(pack.title);
  doc.font("Helvetica").fontSize(11).moveDown(0.4).text(pack.contractLine);
  doc.text(pack.cycleName ? `Rating cycle: ${pack.cycleName}` : "No rating cycle has opened yet.");
  doc
    .fontSize(SMALLEST)
    .moveDown(0.4)
    .text(
      `Partners' figures are released once, after a cycle closes, each combining at least ${minPartners} partner organisations; "–" marks a figure not released. ${PRECISION_RULE}`,
    );

  heading(doc, "Summary");
  for (const row of pack.summary) {
    keepRoom(doc, 28);
    doc.font("Helvetica-Bold").fontSize(10).text(`${row.label}: `, { continued: true });
    doc.font("Helvetica").text(toWinAnsi(row.value));
  }

  if (pack.chart) {
    heading(doc, "By principle");
    bars(doc, pack.chart.title, pack.chart.categories, pack.chart.series);
    table(
      doc,
      [
        "Principle",
        ...(pack.seesSelf ? ["Prime's own"] : []),
        "Partners' mean",
        ...(pack.seesSelf ? ["Gap"] : []),
      ],
      pack.lines.map((l) => [
        measureTitle(l.key),
        ...(pack.seesSelf ? [scoreOrDash(l.self, "own")] : []),
        scoreOrDash(l.partners?.mean, l.partners?.answers ?? 0),
        ...(pack.seesSelf ? [formatGap(l.gap, l.partners?.answers ?? 0)] : []),
      ]),
    );
  }

  if (pack.trend.length > 0) {
    heading(doc, "Trend across cycles");
    bars(
      doc,
      "Partners' overall score from cycle to cycle, like for like",
      pack.trend.map((r) => r.label),
      trendSeries(pack.trend),
    );
    table(
      doc,
      ["From", "To", "Before", "After", "Change"],
      pack.trend.map((r) => {
        const cells = trendCells(r);
        return [r.from, r.to, cells.before, cells.after, cells.change];
      }),
    );
  }

  if (pack.seesSelf) {
    heading(doc, "The prime's reply");
    if (pack.replies.length === 0) doc.font("Helvetica").fontSize(10).text("The prime has not replied.");
    for (const reply of pack.replies) {
      keepRoom(doc, 40);
      doc.font("Helvetica-Bold").fontSize(10).text(reply.title);
      doc.font("Helvetica").fontSize(10).text(toWinAnsi(reply.text)).moveDown(0.4);
    }

    heading(doc, "Action plan");
    if (pack.actions.length === 0) doc.font("Helvetica").fontSize(10).text("No actions yet.");
    for (const action of pack.actions) {
      keepRoom(doc, 60);
      doc.font("Helvetica-Bold").fontSize(10).text(toWinAnsi(action.action));
      doc
        .font("Helvetica")
        .fontSize(SMALLEST)
        .text(`${action.principle}. Owner: ${action.owner}. Due ${action.due}. Status: ${action.status}.`)
        .text(action.agreed ?? "Not agreed yet.");
      if (action.doneNote) doc.text(action.doneNote);
      doc.moveDown(0.5);
    }
  }
  doc.end();
  return done;
}

function heading(doc: Doc, text: string) {
  keepRoom(doc, 60);
  doc.moveDown(0.8).fillColor(INK).font("Helvetica-Bold").fontSize(14).text(text, doc.page.margins.left);
  doc.moveDown(0.3);
}

/** Starts a new page when fewer than `height` points are left on this one. */
function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Horizontal bars on 0–100, one group per category, one bar per series, as the page's SVG chart. */
function bars(doc: Doc, title: string, categories: readonly string[], series: readonly PackSeries[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const label = 150;
  const plot = width - label - 40;
  const bar = 13;
  const group = series.length * bar + 8;
  const legend = series.length * 14 + 4;
  const height = 16 + legend + categories.length * group + 18;
  keepRoom(doc, height);
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(10).text(title, left);
  const top = doc.y + 4;
  doc.font("Helvetica").fontSize(SMALLEST);
  series.forEach((s, i) => {
    doc.rect(left + label, top + i * 14, 10, 10).fill(s.fill);
    doc.fillColor(INK).text(s.name, left + label + 14, top + i * 14 + 1, { lineBreak: false });
  });
  const plotTop = top + legend;
  const plotBottom = plotTop + categories.length * group;
  const x = (value: number) => left + label + (value / 100) * plot;
  for (const tick of [0, 20, 40, 60, 80, 100]) {
    doc.moveTo(x(tick), plotTop).lineTo(x(tick), plotBottom).lineWidth(0.5).strokeColor(GRID).stroke();
    doc.fillColor(INK).text(String(tick), x(tick) - 10, plotBottom + 3, { width: 20, align: "center" });
  }
  categories.forEach((category, c) => {
    const y = plotTop + c * group;
    doc.fillColor(INK).text(category, left, y + (series.length * bar) / 2 - 5, {
      width: label - 8,
      align: "right",
      height: group,
      ellipsis: true,
    });
    series.forEach((s, i) => {
      const value = s.values[c] ?? null;
      const barTop = y + i * bar;
      const answers = Array.isArray(s.answers) ? (s.answers[c] ?? 0) : s.answers;
      if (value !== null) doc.rect(x(0), barTop + 1, Math.max(1, x(value) - x(0)), bar - 3).fill(s.fill);
      doc
        .fillColor(INK)
        .text(
          value === null ? "no figure" : scoreOrDash(value, answers),
          (value === null ? x(0) : x(value)) + 3,
          barTop + 2,
          {
            lineBreak: false,
          },
        );
    });
  });
  doc.x = left;
  doc.y = plotBottom + 18;
}

/** A plain table: a bold header, a rule under each row, text at 9 pt. */
function table(doc: Doc, header: readonly string[], rows: readonly (readonly string[])[]) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const column = width / header.length;
  doc.moveDown(0.5);
  const row = (cells: readonly string[], bold: boolean) => {
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(SMALLEST)
      .fillColor(INK);
    const height =
      Math.max(...cells.map((text) => doc.heightOfString(toWinAnsi(text), { width: column - 4 }))) + 4;
    keepRoom(doc, height);
    const top = doc.y;
    cells.forEach((text, i) => {
      doc.text(toWinAnsi(text), left + i * column, top, { width: column - 4 });
    });
    doc.x = left;
    doc.y = top + height;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .lineWidth(bold ? 1 : 0.3)
      .strokeColor(INK)
      .stroke();
  };
  row(header, true);
  for (const cells of rows) row(cells, false);
  doc.moveDown(0.5);
}
