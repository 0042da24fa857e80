import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from '../errors/refusals';

/** A year path parameter (2000–2100), else 400 `validation_failed` naming it. */
@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  static readonly openApiSchema = { type: 'integer', minimum: 2000, maximum: 2100, example: 2027 };

  transform(value: string): number {
    if (/^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100) return Number(value);
    throw badRequest('year', 'must be a year from 2000 to 2100');
  }
}
