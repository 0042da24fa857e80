import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { BATCH_NUMBER } from '@qis/contracts';

/** A batch number path parameter (`HZ2026-000123`), else 400 naming it. */
@Injectable()
export class BatchNumberPipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: BATCH_NUMBER.source, example: 'HZ2026-000123' };

  transform(value: string): string {
    if (BATCH_NUMBER.test(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'batchNumber must look like HZ2026-000123',
      errors: [{ field: 'batchNumber', reasons: ['must look like HZ2026-000123'] }],
    });
  }
}
