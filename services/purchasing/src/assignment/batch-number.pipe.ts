import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { BATCH_NUMBER } from '@qis/contracts';

/** A path batch number that can't exist answers like a missing one. */
@Injectable()
export class BatchNumberPipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: BATCH_NUMBER.source, example: 'HZ2026-000123' };

  transform(value: string): string {
    if (!BATCH_NUMBER.test(value)) throw notFound('purchase task', value);
    return value;
  }
}
