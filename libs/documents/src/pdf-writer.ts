import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjk-font';

const FONT = 'cjk';

/** A new PDFKit document (A4 pages unless pages are added by hand) with the CJK font registered and selected. */
export function createPdf(
  font: CjkFont,
  info: { title: string; author?: string },
  autoFirstPage = true,
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    info: { Title: info.title, Author: info.author ?? '', Producer: 'QIS' },
    autoFirstPage,
  });
  doc.registerFont(FONT, font.file, font.family);
  doc.font(FONT);
  return doc;
}

/** Collects a PDFKit document into one Buffer once `end()` is called. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
