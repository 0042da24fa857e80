import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { formatShanghaiDate, locateCjkFont, renderDocument } from '@qis/documents';
import type { EvidenceFile, EvidenceKind } from './evidence';
import type { LabReport } from './lab';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (data: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A real PNG (RGB, `size` × `size`): a random colour gradient, so every call gives other bytes
 * (other SHA-256) and a viewer shows a picture.
 */
export function pngImage(size = 32): Buffer {
  const [r0, g0, b0, r1, g1, b1] = [...randomBytes(6)] as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0 (None)
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1) || 1);
      row[1 + x * 3] = Math.round(r0 + (r1 - r0) * t);
      row[2 + x * 3] = Math.round(g0 + (g1 - g0) * t);
      row[3 + x * 3] = Math.round(b0 + (b1 - b0) * t);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const jpegSegment = (marker: number, body: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/**
 * A real baseline JPEG: one 8 × 8 mid-grey block (DC 0, all AC 0, one-symbol Huffman tables),
 * with a comment segment naming `caption` and a random token so every call differs.
 */
export function jpegImage(caption = 'qis demo'): Buffer {
  const comment = Buffer.from(`${caption} ${randomBytes(8).toString('hex')}`, 'utf8');
  const bits = (count1: number) => Buffer.from([count1, ...new Array<number>(15).fill(0)]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), // SOI
    jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])), // APP0 JFIF
    jpegSegment(0xfe, comment), // COM
    jpegSegment(0xdb, Buffer.from([0x00, ...new Array<number>(64).fill(1)])), // DQT 0, all ones
    jpegSegment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])), // SOF0 8×8, one component
    jpegSegment(0xc4, Buffer.concat([Buffer.from([0x00]), bits(1), Buffer.from([0x00])])), // DC 0: category 0 = "0"
    jpegSegment(0xc4, Buffer.concat([Buffer.from([0x10]), bits(1), Buffer.from([0x00])])), // AC 0: EOB = "0"
    jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])), // SOS
    Buffer.from([0x3f]), // "0" (DC) "0" (EOB), padded with ones
    Buffer.from([0xff, 0xd9]), // EOI
  ]);
}

/**
 * A short video-like blob: an ISO BMFF `ftyp` box (`isom`/`mp42`), a `free` box naming `caption`
 * and an `mdat` box of random bytes (`kb` KiB). Not playable; the evidence service stores and hashes
 * bytes without decoding them, and accepts it as `video/mp4`.
 */
export function videoClip(caption = 'qis demo', kb = 16): Buffer {
  const box = (type: string, body: Buffer): Buffer => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(body.length + 8);
    return Buffer.concat([size, Buffer.from(type, 'ascii'), body]);
  };
  return Buffer.concat([
    box(
      'ftyp',
      Buffer.concat([
        Buffer.from('isom', 'ascii'),
        Buffer.from([0, 0, 2, 0]),
        Buffer.from('isommp42', 'ascii'),
      ]),
    ),
    box('free', Buffer.from(caption, 'utf8')),
    box('mdat', randomBytes(kb * 1024)),
  ]);
}

/** A file of the given evidence kind with fitting bytes and content type. */
export function evidenceFile(kind: EvidenceKind, batchNumber?: string, caption: string = kind): EvidenceFile {
  const stamp = `${batchNumber ?? 'unbatched'}-${kind}`;
  switch (kind) {
    case 'purchase-screen-recording':
    case 'unboxing-video':
      return {
        kind,
        batchNumber,
        contentType: 'video/mp4',
        data: videoClip(caption),
        fileName: `${stamp}.mp4`,
      };
    case 'waybill-photo':
    case 'sample-photo':
    case 'seal-photo':
    case 'product-claim-photo':
      return {
        kind,
        batchNumber,
        contentType: 'image/jpeg',
        data: jpegImage(caption),
        fileName: `${stamp}.jpg`,
      };
    default:
      return { kind, batchNumber, contentType: 'image/png', data: pngImage(), fileName: `${stamp}.png` };
  }
}

/** What a lab report PDF shows; the report body minus the document id. */
export interface LabReportPdfInput {
  labName: string;
  batchNumber: string;
  sampleName: string;
  report: Omit<LabReport, 'reportDocumentId'>;
}

/**
 * The signed lab report as a Chinese PDF (检验报告) rendered with @qis/documents (needs the CJK
 * font, `DOCUMENTS_CJK_FONT_FILE` or Debian's wqy-microhei); without the font, a minimal valid
 * one-page PDF with the report number in ASCII.
 */
export async function labReportPdf(input: LabReportPdfInput): Promise<Buffer> {
  const { report } = input;
  let font;
  try {
    font = locateCjkFont(process.env['DOCUMENTS_CJK_FONT_FILE'] || undefined);
  } catch {
    return minimalPdf(
      `Test report ${report.reportNumber} - batch ${input.batchNumber} - verdict ${report.verdict}`,
    );
  }
  return renderDocument(
    {
      title: '检验检测报告',
      number: report.reportNumber,
      fields: [
        { label: '样品名称', value: input.sampleName },
        { label: '样品编号', value: report.sample.sampleCode },
        { label: '抽检批次', value: input.batchNumber },
        { label: '收样日期', value: report.sample.receivedOn },
        { label: '样品状态', value: report.sample.conditionOnReceipt },
        { label: '检验日期', value: `${report.testedFrom} 至 ${report.testedTo}` },
        { label: '综合判定', value: report.verdict === 'pass' ? '合格' : '不合格' },
        { label: '主要不合格项目', value: report.failingItems.join('、') || '无' },
      ],
      tables: [
        {
          caption: '检验结果',
          columns: ['检验项目', '标准条款', '技术要求', '实测值', '单项判定'],
          rows: report.items.map((i) => [
            i.item,
            i.standard,
            i.requirement,
            `${i.measuredValue}${i.unit ?? ''}`,
            i.verdict === 'pass' ? '合格' : '不合格',
          ]),
        },
      ],
      signatures: [
        {
          role: report.authorisedTitle,
          name: report.authorisedBy,
          signedAt: formatShanghaiDate(new Date(report.issuedAt)),
        },
      ],
      issuer: input.labName,
      issuedOn: formatShanghaiDate(new Date(report.issuedAt)),
      author: input.labName,
    },
    font,
  );
}

/** A one-page PDF 1.4 with one line of ASCII text and a correct cross-reference table. */
export function minimalPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const stream = `BT /F1 12 Tf 56 780 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
