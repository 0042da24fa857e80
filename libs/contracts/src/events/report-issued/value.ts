import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import {
  Describe,
  IsBatchNumber,
  IsDocumentCode,
  IsId,
  IsOneOf,
  IsReportNumber,
  IsText,
  IsTextList,
  IsUtcTimestamp,
} from '../../conventions/decorators';
import {
  INSPECTION_PURPOSES,
  VERDICTS,
  type InspectionPurpose,
  type Verdict,
} from '../../conventions/vocabulary';
import { TestItemResult } from '../../facts/test-item-result';

/** A lab's report: the overall verdict and every test item with its own verdict. */
export class ReportIssuedValue {
  @IsBatchNumber()
  batchNumber!: string;

  @IsReportNumber()
  @Describe('report number, unique at the lab (报告编号)')
  reportNumber!: string;

  @IsOptional()
  @IsReportNumber()
  @Describe('an amended report names the report it replaces')
  amendsReportNumber?: string;

  @IsOneOf(INSPECTION_PURPOSES)
  purpose!: InspectionPurpose;

  @IsId()
  labId!: string;

  @IsText()
  labName!: string;

  @IsDocumentCode()
  sampleCode!: string;

  @IsOneOf(VERDICTS)
  @Describe('overall verdict (综合判定): pass 合格 / fail 不合格')
  verdict!: Verdict;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => TestItemResult)
  items!: TestItemResult[];

  @IsTextList(50)
  @Describe('main nonconforming items (主要不合格项目); empty when the verdict is pass')
  failingItems!: string[];

  @IsId()
  @Describe('the signed PDF in the evidence service')
  reportDocumentId!: string;

  @IsText(100)
  @Describe('who authorised the report (批准人), ISO/IEC 17025 7.8.2')
  authorisedBy!: string;

  @IsUtcTimestamp()
  @Describe('when the lab issued the report (签发日期)')
  issuedAt!: string;

  @IsOptional()
  @IsUtcTimestamp()
  @Describe(
    "when the lab gateway accepted the report: the bureau's receipt of the result, from which the 5 working days of the result notice run (operating rules §6); absent from reports published before it was recorded",
  )
  receivedAt?: string;
}
