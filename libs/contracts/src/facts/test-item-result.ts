import { IsOptional } from 'class-validator';
import { Describe, IsOneOf, IsText } from '../conventions/decorators';
import { VERDICTS, type Verdict } from '../conventions/vocabulary';

/** One test item of a report, with its own verdict (单项判定). */
export class TestItemResult {
  @IsText()
  @Describe('test item (检验项目), e.g. 含绒量 / filling content')
  item!: string;

  @IsText()
  @Describe('standard and clause applied, e.g. GB/T 24252-2019 5.2')
  standard!: string;

  @IsText()
  @Describe('the requirement, e.g. ≥ 95.0')
  requirement!: string;

  @IsText(100)
  @Describe('measured value, as reported')
  measuredValue!: string;

  @IsOptional()
  @IsText(30)
  unit?: string;

  @IsOneOf(VERDICTS)
  verdict!: Verdict;
}
