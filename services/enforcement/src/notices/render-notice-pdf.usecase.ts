import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { formatShanghaiDate, locateCjkFont, renderDocument, type CjkFont } from '@qis/documents';
import type { Notice } from './notice.entity';

/**
 * The notice as a Chinese PDF, rendered from its stored text. The copy stored as evidence (its
 * object id and SHA-256 on the notice) is what was sent; this renders the same text again.
 */
@Injectable()
export class RenderNoticePdfUseCase {
  private font: CjkFont | undefined;

  async execute(notice: Notice): Promise<Buffer> {
    const [title, , addressee, ...lines] = notice.content.split('\n');
    return renderDocument(
      {
        title: title ?? '通知书',
        number: notice.noticeNumber,
        ...(addressee ? { addressee } : {}),
        paragraphs: lines,
        issuedOn: formatShanghaiDate(notice.createdAt),
        author: 'QIS enforcement',
      },
      this.loadFont(),
    );
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
