import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { PLATFORM_CODE } from '@qis/contracts';

/** A platform code in the path; anything else is a 400 naming the parameter. */
@Injectable()
export class PlatformCodePipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: PLATFORM_CODE.source, example: 'taobao' };

  transform(value: string): string {
    if (PLATFORM_CODE.test(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'code: must be a platform code',
      errors: [
        { field: 'code', reasons: ['must be a platform code: lower-case letters, digits and dashes, 2–32'] },
      ],
    });
  }
}
