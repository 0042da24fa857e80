import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SIGNAL_KINDS } from './signal-kinds';

export class SignalView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: SIGNAL_KINDS })
  kind!: string;

  @ApiProperty()
  source!: string;

  @ApiProperty()
  externalId!: string;

  @ApiProperty({ description: 'false when this source and id were already recorded (nothing changed)' })
  created!: boolean;

  @ApiPropertyOptional()
  platform?: string;

  @ApiPropertyOptional()
  listingId?: string;
}
