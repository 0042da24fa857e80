import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { locateCjkFont, renderDocument, type CjkFont } from '@qis/documents';
import type { TransferLetter } from './transfer-letter.entity';

/** The transfer letter as a Chinese PDF, rendered from the text fixed when it was issued. */
@Injectable()
export class RenderTransferLetterPdfUseCase {
  private font: CjkFont | undefined;

  async execute(letter: TransferLetter): Promise<Buffer> {
    return renderDocument(letter.document, this.loadFont());
  }

  private loadFont(): CjkFont {
    try {
      this.font ??= locateCjkFont();
      return this.font;
    } catch (error) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        message: String(error),
      });
    }
  }
}
