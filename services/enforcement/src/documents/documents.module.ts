import { Module } from '@nestjs/common';
import { PdfRenderer } from './pdf-renderer';

/** Renders the documents enforcement issues as PDF. */
@Module({
  providers: [PdfRenderer],
  exports: [PdfRenderer],
})
export class DocumentsModule {}
