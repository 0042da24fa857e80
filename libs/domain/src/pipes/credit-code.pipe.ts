import { Injectable, type PipeTransform } from '@nestjs/common';
import { CREDIT_CODE_FORMAT, isUnifiedSocialCreditCode, UNIFIED_SOCIAL_CREDIT_CODE } from '@qis/contracts';
import { badRequest } from '../errors/refusals';

/**
 * A unified social credit code path parameter (GB 32100, check character verified). Malformed:
 * 400 `validation_failed` naming `code`; well-formed but unknown is the handler's answer.
 */
@Injectable()
export class CreditCodePipe implements PipeTransform<string, string> {
  static readonly openApiSchema = {
    pattern: UNIFIED_SOCIAL_CREDIT_CODE.source,
    format: CREDIT_CODE_FORMAT,
    example: '91330106MA2GL1XQ08',
  };

  transform(value: string): string {
    if (isUnifiedSocialCreditCode(value)) return value;
    throw badRequest(
      'code',
      'must be an 18-character unified social credit code with a valid check character',
    );
  }
}
