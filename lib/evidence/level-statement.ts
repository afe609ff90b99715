import { formatDate } from "@/lib/format";
import { newPdf } from "@/lib/reports/pdf-document";
import { LEVEL_LABEL, LEVEL_RULE } from "@/lib/scoring/levels";
import type { ConfirmedLevel } from "@/lib/services/levels";

export interface StatementInput {
  primeName: string;
  commissionerName: string;
  contractTitle: string;
  cycleName: string;
  confirmed: ConfirmedLevel;
  /** When the statement was made: it is dated, beside the date the level was confirmed. */
  issuedAt: Date;
}

/**
 * A prime's dated statement of its confirmed level, as an A4 PDF drawn with PDFKit's built-in
 * Helvetica (as lib/reports/pdf.ts). It names the level and its conditions; no figure.
 */
export function levelStatementPdf(input: StatementInput): Promise<Buffer> {
  const title = `Statement of level: ${input.primeName}`;
  const { doc, bytes: done } = newPdf({ title: title, subject: input.contractTitle, margin: 50 });
  const { confirmed } = input;
  doc.font("Helvetica-Bold").fontSize(20).text("Statement of level");
  doc.moveDown(0.8).font("Helvetica").fontSize(12);
  doc.text(`${input.primeName}, on ${input.contractTitle}, commissioned by ${input.commissionerName}.`);
  doc.text(`Rating cycle: ${input.cycleName}.`);
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(16).text(LEVEL_LABEL[confirmed.level]);
  doc.moveDown(0.4).font("Helvetica").fontSize(12);
  doc.text(`Confirmed by ${input.commissionerName} on ${formatDate(confirmed.confirmedAt)}.`);
  if (confirmed.reasons.length > 0) {
    doc.moveDown(0.6).text(confirmed.level === "NOT_YET" ? "Why not yet:" : "Conditions:");
    doc.list(confirmed.reasons, { bulletRadius: 2, textIndent: 12 });
  }
  doc.moveDown(1).fontSize(10);
  doc.text(
    `Worked by rule version ${confirmed.ruleVersion} (now ${LEVEL_RULE.version}), published under "How scoring works" in Chainwise: verified principle scores, partners' released figures and unresolved red flags, with a minimum of ${LEVEL_RULE.meets} per principle to meet the code and ${LEVEL_RULE.conditions} to meet it with conditions.`,
  );
  doc.moveDown(0.4).text(`Statement issued on ${formatDate(input.issuedAt)}.`);
  doc.end();
  return done;
}
