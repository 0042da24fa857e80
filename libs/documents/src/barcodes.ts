import bwipjs from 'bwip-js';

/** Code 128 barcode as PNG, human-readable text below. */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 12,
    includetext: true,
    textxalign: 'center',
  });
}

/** QR code as PNG (BWIPP's default error correction, M). */
export function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'qrcode', text, scale: 4 });
}
