import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_CODE, BATCH_NUMBER, DELEGATED_ACTS, type DelegatedAct } from '@qis/contracts';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One plan or one batch (give exactly one of `planId`, `batchNumber`) delegated to a district bureau. */
export class RecordDelegationCommand {
  @ApiPropertyOptional({ format: 'uuid', description: 'the plan delegated, with all its batches' })
  @ValidateIf((c: RecordDelegationCommand) => c.batchNumber === undefined)
  @IsUUID('all', { message: 'planId must be a plan id (UUID) when no batchNumber is given' })
  planId?: string;

  @ApiPropertyOptional({ example: 'HZ2026-000123', description: 'the one batch delegated' })
  @ValidateIf((c: RecordDelegationCommand) => c.planId === undefined || c.batchNumber !== undefined)
  @IsString()
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number such as HZ2026-000123' })
  batchNumber?: string;

  @ApiProperty({ example: '330102', description: 'GB/T 2260 code of a district (county) of the city' })
  @IsString()
  @Matches(AREA_CODE, { message: 'delegateAreaCode must be a six-digit GB/T 2260 code' })
  delegateAreaCode!: string;

  @ApiProperty({
    example: '杭市监委〔2026〕12号',
    description: 'number of the letter of delegation (委托书编号)',
  })
  @IsString()
  @Length(1, 100)
  reference!: string;

  @ApiProperty({
    enum: DELEGATED_ACTS,
    isArray: true,
    description: 'the acts delegated; sampling is always one of them',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn([...DELEGATED_ACTS], { each: true, message: `acts must be among ${DELEGATED_ACTS.join(', ')}` })
  acts!: DelegatedAct[];

  @ApiPropertyOptional({ format: 'date', description: 'first day in force (Asia/Shanghai); default today' })
  @IsOptional()
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'validFrom must be a real date' })
  validFrom?: string;

  @ApiProperty({ format: 'date', description: 'last day in force (Asia/Shanghai), inclusive' })
  @Matches(DATE, { message: 'validUntil must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'validUntil must be a real date' })
  validUntil!: string;

  @ApiProperty({ description: 'why the matter is delegated', minLength: 2, maxLength: 2000 })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}
