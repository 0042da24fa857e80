import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, IsISO8601 } from 'class-validator';
import { CALENDAR_DATE, DOCUMENT_CODE } from '@qis/contracts';

/** How the sample reached the lab: identification and condition on receipt (ISO/IEC 17025 7.8.2). */
export class SampleReceiptDto {
  @ApiProperty({ description: 'sample code on the seal and label', example: 'HZ2026-000123-S' })
  @Matches(DOCUMENT_CODE)
  sampleCode!: string;

  @ApiProperty({ description: 'condition on receipt (样品状态)', example: '封样完好，包装无破损' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  conditionOnReceipt!: string;

  @ApiProperty({ description: 'date of receipt, Asia/Shanghai', example: '2026-03-06' })
  @Matches(CALENDAR_DATE, { message: 'receivedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'receivedOn must be a date YYYY-MM-DD' })
  receivedOn!: string;
}
