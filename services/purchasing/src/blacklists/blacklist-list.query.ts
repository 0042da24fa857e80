import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { BLACKLIST_TARGETS, type BlacklistTarget } from './seller-blacklist-entry.entity';

export class BlacklistListQuery {
  @ApiPropertyOptional({ enum: BLACKLIST_TARGETS })
  @IsOptional()
  @IsIn([...BLACKLIST_TARGETS])
  targetKind?: BlacklistTarget;

  @ApiPropertyOptional({ format: 'uuid', description: 'the buyer, shopping account or address' })
  @IsOptional()
  @IsUUID('all')
  targetId?: string;
}
