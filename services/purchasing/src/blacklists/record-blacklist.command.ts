import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BATCH_NUMBER } from '@qis/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BLACKLIST_TARGETS, type BlacklistTarget } from './seller-blacklist-entry.entity';

/** A seller blacklisted what a batch exposed; the seller is the one of that batch. */
export class RecordBlacklistCommand {
  @ApiProperty({ description: 'the batch whose seller blacklisted', example: 'HZ2026-000123' })
  @Matches(BATCH_NUMBER, { message: 'batchNumber must be a batch number such as HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ enum: BLACKLIST_TARGETS })
  @IsIn([...BLACKLIST_TARGETS])
  targetKind!: BlacklistTarget;

  @ApiProperty({ format: 'uuid', description: 'the buyer, shopping account or address' })
  @IsUUID('all')
  targetId!: string;

  @ApiProperty({ format: 'date' })
  @IsISO8601({ strict: true })
  observedOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
