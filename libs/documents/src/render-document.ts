import type { CjkFont } from './cjk-font';
import type { DocumentSpec, DocumentTable, SignatureLine } from './document-spec';
import { collect, createPdf } from './pdf-writer';

const BODY = 11;
const LINE_GAP = 4;

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function paragraph(doc: PDFKit.PDFDocument, text: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  ensureRoom(doc, 20);
  doc.fontSize(BODY).text(text, left, doc.y, { width, lineGap: LINE_GAP, indent: 22 }).moveDown(0.4);
}

function drawTable(doc: PDFKit.PDFDocument, table: DocumentTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colWidth = width / table.columns.length;
  const pad = 4;
  if (table.caption) {
    ensureRoom(doc, 30);
    doc.fontSize(BODY + 1).text(table.caption, left, doc.y, { width });
    doc.moveDown(0.3);
  }
  const drawRow = (cells: string[], shaded: boolean): void => {
    doc.fontSize(BODY - 1);
    const height =
      Math.max(...cells.map((cell) => doc.heightOfString(cell || ' ', { width: colWidth - 2 * pad }))) +
      2 * pad;
    ensureRoom(doc, height);
    const top = doc.y;
    cells.forEach((cell, i) => {
      const x = left + i * colWidth;
      if (shaded) doc.rect(x, top, colWidth, height).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, top, colWidth, height).stroke();
      doc.text(cell, x + pad, top + pad, { width: colWidth - 2 * pad });
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(table.columns, true);
  for (const row of table.rows)
    drawRow(
      table.columns.map((_, i) => row[i] ?? ''),
      false,
    );
  doc.moveDown(0.8);
}

function drawSignatures(doc: PDFKit.PDFDocument, lines: SignatureLine[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fontSize(BODY + 1).text('签字确认', left, doc.y, { width });
  doc.moveDown(0.4).fontSize(BODY);
  for (const line of lines) {
    ensureRoom(doc, 28);
    const y = doc.y;
    doc.text(`${line.role}：`, left, y, { width: 130 });
    doc.text(line.name ?? '', left + 130, y, { width: 150 });
    doc
      .moveTo(left + 128, y + 16)
      .lineTo(left + 290, y + 16)
      .stroke();
    doc.text(`日期：${line.signedAt ?? ''}`, left + 300, y, { width: width - 300 });
    doc
      .moveTo(left + 334, y + 16)
      .lineTo(left + width, y + 16)
      .stroke();
    doc.x = left;
    doc.y = y + 26;
  }
}

/**
 * Renders a Chinese administrative document (title, number, addressee, fields, tables, text,
 * signature lines, issuer and date) to a PDF with the CJK font embedded (subset).
 */
export async function renderDocument(spec: DocumentSpec, font: CjkFont): Promise<Buffer> {
  const doc = createPdf(font, { title: spec.title, author: spec.author });
  const done = collect(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  if (spec.authority)
    doc.fontSize(16).text(spec.authority, left, doc.y, { width, align: 'center' }).moveDown(0.3);
  doc.fontSize(20).text(spec.title, left, doc.y, { width, align: 'center' });
  if (spec.number) doc.moveDown(0.3).fontSize(BODY).text(`编号：${spec.number}`, { width, align: 'right' });
  doc.moveDown(0.8);
  if (spec.addressee)
    doc
      .fontSize(BODY + 1)
      // Callers may pass the line as written (`某某公司：`): one colon, never two.
      .text(`${spec.addressee.replace(/[：:]+\s*$/, '')}：`, { width })
      .moveDown(0.4);

  doc.fontSize(BODY);
  for (const field of spec.fields ?? []) {
    ensureRoom(doc, 20);
    doc.text(`${field.label}：${field.value}`, left, doc.y, { width, lineGap: LINE_GAP });
  }
  if ((spec.fields ?? []).length > 0) doc.moveDown(0.8);
  for (const text of spec.paragraphs ?? []) paragraph(doc, text);
  if (spec.legalBasis) paragraph(doc, `依据：${spec.legalBasis}`);
  if (spec.rights && spec.rights.length > 0) {
    ensureRoom(doc, 40);
    doc
      .moveDown(0.3)
      .fontSize(BODY + 1)
      .text('权利告知', left, doc.y, { width })
      .moveDown(0.3);
    for (const right of spec.rights) paragraph(doc, right);
  }
  for (const table of spec.tables ?? []) drawTable(doc, table);
  if (spec.signatures && spec.signatures.length > 0) drawSignatures(doc, spec.signatures);
  if (spec.issuer || spec.issuedOn) {
    ensureRoom(doc, 60);
    doc.moveDown(1.5).fontSize(BODY + 1);
    if (spec.issuer) doc.text(spec.issuer, left, doc.y, { width, align: 'right' });
    if (spec.issuedOn) doc.text(spec.issuedOn, left, doc.y, { width, align: 'right' });
  }
  if (spec.copiedTo && spec.copiedTo.length > 0) {
    ensureRoom(doc, 30);
    doc
      .moveDown(1)
      .fontSize(BODY)
      .text(`抄送：${spec.copiedTo.join('、')}`, left, doc.y, { width });
  }
  doc.end();
  return done;
}
