import { PDFDocument } from 'pdf-lib';

/**
 * One PDF of a document followed by the pages of its attachments (附件), e.g. a result notice and
 * the lab's signed report. The attachments' pages are copied as they are: nothing of them is redrawn.
 * A file that is not a PDF throws, so a document never goes out with a broken attachment.
 */
export async function appendPdfs(document: Buffer, attachments: readonly Buffer[]): Promise<Buffer> {
  const out = await PDFDocument.load(document);
  for (const attachment of attachments) {
    const source = await PDFDocument.load(attachment);
    const pages = await out.copyPages(source, source.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  return Buffer.from(await out.save());
}
