import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { locateCjkFont, renderDocument, type CjkFont, type DocumentSpec } from '@qis/documents';

/**
 * Renders the service's Chinese documents (notices, transfer letters, checklists) as PDFs with the
 * CJK font found once; without the font a document cannot be made (503), the rest of the service runs.
 */
@Injectable()
export class PdfRenderer {
  private font: CjkFont | undefined;

  async render(spec: DocumentSpec): Promise<Buffer> {
    return renderDocument(spec, this.loadFont());
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
