import { Injectable } from '@nestjs/common';
import { PdfRenderer } from '../../documents/pdf-renderer';
import type { TransferLetter } from './transfer-letter.entity';

/** The transfer letter as a Chinese PDF, rendered from the text fixed when it was issued. */
@Injectable()
export class RenderTransferLetterPdfUseCase {
  constructor(private readonly pdf: PdfRenderer) {}

  async execute(letter: TransferLetter): Promise<Buffer> {
    return this.pdf.render(letter.document);
  }
}
