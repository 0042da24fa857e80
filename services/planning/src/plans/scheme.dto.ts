import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_CODE, PLATFORM_CODE } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CategoryQuota } from './category-quota.dto';
import { Contact } from './contact.dto';

/** The implementation scheme (抽检实施方案): the fields the rules list. */
export class Scheme {
  @ApiProperty({ type: [CategoryQuota] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CategoryQuota)
  categories!: CategoryQuota[];

  @ApiProperty({ description: 'budget in fen for buying samples; selection stays within it' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetFen!: number;

  @ApiPropertyOptional({ type: [String], description: 'buyer pools (purchasing assigns the buyer)' })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  buyerPoolIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'platforms to sample; all when absent' })
  @IsOptional()
  @IsArray()
  @Matches(PLATFORM_CODE, { each: true })
  platforms?: string[];

  @ApiPropertyOptional({ type: [String], description: 'receiving addresses for parcels' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  receivingAddresses?: string[];

  @ApiProperty({ description: 'judgment rules (判定原则)' })
  @IsString()
  @Length(1, 2000)
  judgmentRules!: string;

  @ApiProperty({ description: 'how results are notified (检验结果通知)' })
  @IsString()
  @Length(1, 2000)
  resultNotification!: string;

  @ApiProperty({ description: 're-inspection arrangements (复检安排)' })
  @IsString()
  @Length(1, 2000)
  reinspection!: string;

  @ApiPropertyOptional({ description: 'sampling procedure (抽检程序)' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  procedure?: string;

  @ApiProperty({ type: [Contact] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Contact)
  contacts!: Contact[];

  @ApiPropertyOptional({
    type: [String],
    description: 'areas delegated to this bureau beyond its own scope (scope rule 4), GB/T 2260 codes',
  })
  @IsOptional()
  @IsArray()
  @Matches(AREA_CODE, { each: true })
  delegatedAreaCodes?: string[];

  @ApiPropertyOptional({ description: 'days to buy after issuance (default 7)', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  purchaseWithinDays?: number;
}
