import { code128Png, qrPng } from './barcodes';
import type { CjkFont } from './cjk-font';
import type { LabelSpec } from './document-spec';
import { collect, createPdf } from './pdf-writer';

/** Label size: 100 × 70 mm, a common thermal label. */
const WIDTH = 283.5;
const HEIGHT = 198.5;

/** Printable labels, one per page: title, lines, a Code 128 barcode and a QR code of the code. */
export async function renderLabels(labels: LabelSpec[], font: CjkFont): Promise<Buffer> {
  if (labels.length === 0) throw new Error('no labels to render');
  const images = await Promise.all(
    labels.map(async (label) => ({
      barcode: await code128Png(label.code),
      qr: await qrPng(label.qrContent ?? label.code),
    })),
  );
  const doc = createPdf(font, { title: labels.map((l) => l.code).join(', ') }, false);
  const done = collect(doc);
  labels.forEach((label, i) => {
    doc.addPage({ size: [WIDTH, HEIGHT], margin: 10 });
    const { barcode, qr } = images[i];
    doc.fontSize(12).text(label.title, 10, 10, { width: WIDTH - 20, align: 'center' });
    doc.fontSize(8);
    let y = 30;
    for (const line of label.lines) {
      doc.text(`${line.label}：${line.value}`, 10, y, { width: WIDTH - 110, height: 12, ellipsis: true });
      y += 12;
    }
    doc.image(qr, WIDTH - 95, 30, { fit: [85, 85] });
    doc.image(barcode, 10, HEIGHT - 62, { fit: [WIDTH - 20, 52], align: 'center' });
  });
  doc.end();
  return done;
}
