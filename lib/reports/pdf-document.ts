import PDFDocument from "pdfkit";

/**
 * A new A4 document as every Chainwise PDF starts (the report tables, the meeting pack, a level
 * statement): tagged, in British English, its title shown by the reader, and its bytes collected
 * for the response.
 */
export function newPdf({
  title,
  subject,
  margin = 40,
}: {
  title: string;
  subject: string;
  margin?: number;
}): {
  doc: PDFKit.PDFDocument;
  /** The document's bytes, once `doc.end()` has been called. */
  bytes: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: "A4",
    margin,
    info: { Title: title, Author: "Chainwise", Subject: subject },
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, bytes };
}
