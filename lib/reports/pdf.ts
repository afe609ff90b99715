import type { ContractReport } from "@/lib/services/reports";
import { PRECISION_RULE } from "./format";
import { newPdf } from "./pdf-document";
import { reportTable, type Table, type TableName } from "./tables";
import { toWinAnsi } from "./win-ansi";

/**
 * The report as an A4 PDF: its tables, in the same words and figures as the page and the CSV.
 * Drawn with PDFKit's built-in Helvetica, so nothing is fetched and no font is installed.
 */
export async function reportPdf(
  report: ContractReport,
  tables: readonly TableName[],
  title: string,
): Promise<Buffer> {
  const { doc, bytes: done } = newPdf({ title: title, subject: report.contract.title });

  doc.font("Helvetica-Bold").fontSize(18).text(title);
  doc
    .font("Helvetica")
    .fontSize(11)
    .moveDown(0.5)
    .text(
      `${report.contract.title} (${report.contract.reference}), commissioned by ${report.contract.commissioner}`,
    )
    .text(report.cycle ? `Rating cycle: ${report.cycle.name}` : "No rating cycle has opened yet.")
    .text(
      `Partners' figures are released once, after a cycle closes, each combining at least ${report.minPartners} partner organisations; "–" marks a figure not released.`,
    )
    .text(PRECISION_RULE);
  for (const name of tables) drawTable(doc, reportTable(report, name, { shown: true }));
  doc.end();
  return done;
}

function cell(value: string | number | null): string {
  if (value === null) return "–";
  // Figures arrive as text already rounded by the rule; what is left as a number is a count.
  return typeof value === "number" ? String(value) : toWinAnsi(value);
}

function drawTable(doc: PDFKit.PDFDocument, table: Table) {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const column = width / table.header.length;
  doc.moveDown(1.2).font("Helvetica-Bold").fontSize(13).text(table.title, doc.page.margins.left);
  doc.moveDown(0.4);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
    const heights = cells.map((text) => doc.heightOfString(text, { width: column - 4 }));
    const height = Math.max(...heights) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    cells.forEach((text, i) => {
      doc.text(text, doc.page.margins.left + i * column, top, { width: column - 4 });
    });
    doc.x = doc.page.margins.left;
    doc.y = top + height;
    doc
      .moveTo(doc.page.margins.left, doc.y - 2)
      .lineTo(doc.page.margins.left + width, doc.y - 2)
      .lineWidth(bold ? 1 : 0.3)
      .stroke();
  };
  row(table.header, true);
  for (const values of table.rows) row(values.map(cell), false);
}
