import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { CjkFont } from './cjk-font';

const FONT = 'cjk';

/** The parsed fonts of this process, by file and face. */
const parsed = new Map<string, fontkit.Font>();

/**
 * The CJK font parsed once per process. PDFKit parses a font given by its file on every document
 * (fontkit reading the 5 MB collection's tables: about 60 ms of CPU a document, most of a notice's
 * rendering); given fontkit's parsed font, which it accepts as a source, it only lays out and
 * subsets. Each document still embeds its own subset, so the PDFs are as before. The file is read
 * again when the process restarts, not when it changes underneath a running service.
 */
function parsedFont(font: CjkFont): fontkit.Font {
  const key = `${font.file}\0${font.family ?? ''}`;
  let face = parsed.get(key);
  if (!face) {
    const opened = fontkit.create(readFileSync(font.file), font.family);
    if (!('layout' in opened))
      throw new Error(`${font.file} is a font collection: name the face to use (its PostScript name)`);
    face = opened;
    parsed.set(key, face);
  }
  return face;
}

/**
 * The parsed font as PDFKit's font source. PDFKit 0.20 takes a fontkit font wherever it takes a
 * file (PDFFontFactory.open: `typeof src.layout === 'function'`); @types/pdfkit 0.17 does not list it.
 */
const pdfkitSource = (font: CjkFont): PDFKit.Mixins.PDFFontSource =>
  parsedFont(font) as unknown as PDFKit.Mixins.PDFFontSource;

/** A new PDFKit document (A4 pages unless pages are added by hand) with the CJK font registered and selected. */
export function createPdf(
  font: CjkFont,
  info: { title: string; author?: string },
  autoFirstPage = true,
): PDFKit.PDFDocument {
  const source = pdfkitSource(font);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 60, right: 60 },
    info: { Title: info.title, Author: info.author ?? '', Producer: 'QIS' },
    autoFirstPage,
    // The CJK font from the start: without it PDFKit loads Helvetica's metrics for every document.
    font: source as string,
  });
  doc.registerFont(FONT, source);
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
