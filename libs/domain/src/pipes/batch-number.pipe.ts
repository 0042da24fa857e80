import { Injectable, type PipeTransform } from '@nestjs/common';
import { BATCH_NUMBER } from '@qis/contracts';
import { badRequest } from '../errors/refusals';

/**
 * A batch number path parameter (`HZ2026-000123`). Malformed: 400 `validation_failed` naming
 * `batchNumber`; well-formed but unknown or out of scope is the handler's 404.
 */
@Injectable()
export class BatchNumberPipe implements PipeTransform<string, string> {
  static readonly openApiSchema = { pattern: BATCH_NUMBER.source, example: 'HZ2026-000123' };

  transform(value: string): string {
    if (BATCH_NUMBER.test(value)) return value;
    throw badRequest('batchNumber', 'must look like HZ2026-000123');
  }
}
