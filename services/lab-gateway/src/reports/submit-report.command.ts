import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  IsISO8601,
} from 'class-validator';
import {
  CALENDAR_DATE,
  IsOmittable,
  REPORT_NUMBER,
  UTC_TIMESTAMP,
  type Verdict,
  VERDICTS,
} from '@qis/contracts';
import { ReportItemDto } from './report-item.dto';
import { SampleReceiptDto } from './sample-receipt.dto';

/** A lab's report on one assignment, with the fields ISO/IEC 17025 §7.8.2 requires. */
export class SubmitReportCommand {
  @ApiProperty({ description: 'report number, unique at the lab (报告编号)', example: 'ZJFZ2026-W-01234' })
  @Matches(REPORT_NUMBER)
  reportNumber!: string;

  @ApiPropertyOptional({
    description: 'an amended report: the number of the report it replaces (the latest one)',
    example: 'ZJFZ2026-W-01233',
  })
  @IsOmittable()
  @Matches(REPORT_NUMBER)
  amendsReportNumber?: string;

  @ApiPropertyOptional({ description: 'why the report is amended; required with amendsReportNumber' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  amendmentReason?: string;

  @ApiProperty({ type: SampleReceiptDto })
  @ValidateNested()
  @Type(() => SampleReceiptDto)
  sample!: SampleReceiptDto;

  @ApiProperty({ description: 'first day of testing, Asia/Shanghai', example: '2026-03-09' })
  @Matches(CALENDAR_DATE, { message: 'testedFrom must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'testedFrom must be a date YYYY-MM-DD' })
  testedFrom!: string;

  @ApiProperty({ description: 'last day of testing, Asia/Shanghai', example: '2026-03-13' })
  @Matches(CALENDAR_DATE, { message: 'testedTo must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'testedTo must be a date YYYY-MM-DD' })
  testedTo!: string;

  @ApiPropertyOptional({ description: 'where the tests were done, when not at the lab address' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  testLocation?: string;

  @ApiProperty({ type: [ReportItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReportItemDto)
  items!: ReportItemDto[];

  @ApiProperty({ enum: VERDICTS, description: 'overall verdict (综合判定)', example: 'fail' })
  @IsIn([...VERDICTS])
  verdict!: Verdict;

  @ApiProperty({
    description: 'main nonconforming items (主要不合格项目): exactly the items whose verdict is fail',
    example: ['蚕丝含量'],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  failingItems!: string[];

  @ApiPropertyOptional({ description: 'additions to, deviations from or exclusions from the method' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  deviations?: string;

  @ApiProperty({
    description: 'the signed PDF, uploaded and finalized in the evidence service (evidence object id)',
    format: 'uuid',
    example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @IsUUID('all')
  reportDocumentId!: string;

  @ApiProperty({ description: 'who authorised the report (批准人)', example: '王工' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  authorisedBy!: string;

  @ApiProperty({ description: 'their function', example: '授权签字人' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  authorisedTitle!: string;

  @ApiProperty({ description: 'date of issue, UTC', example: '2026-03-16T08:00:00.000Z' })
  @Matches(UTC_TIMESTAMP, { message: 'issuedAt must be a UTC timestamp ending in Z' })
  issuedAt!: string;
}
