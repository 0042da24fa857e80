import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '@qis/contracts';

const PROGRESS_STAGES = ['sample-received', 'testing', 'reviewing', 'report-drafted'] as const;

export class ReportProgressCommand {
  @ApiProperty({ enum: PROGRESS_STAGES, example: 'testing' })
  @IsIn([...PROGRESS_STAGES])
  stage!: (typeof PROGRESS_STAGES)[number];

  @ApiPropertyOptional({ example: '纤维含量测试中' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}
