import { Describe, IsAreaCode, IsText } from '../conventions/decorators';

/** A market-regulation bureau by its area and its name (e.g. 杭州市上城区市场监督管理局). */
export class Bureau {
  @IsAreaCode()
  @Describe('area code of its jurisdiction (GB/T 2260)')
  areaCode!: string;

  @IsText()
  @Describe('full name of the bureau')
  name!: string;
}
