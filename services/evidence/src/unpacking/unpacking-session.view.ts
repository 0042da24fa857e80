import { ApiProperty } from '@nestjs/swagger';
import type { UnpackingSession } from './unpacking-session.entity';

export class UnpackingSessionView {
  @ApiProperty() id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() parcelId!: string;
  @ApiProperty({ enum: ['open', 'sealed'] }) status!: string;
  @ApiProperty() openedAt!: string;

  static of(s: UnpackingSession): UnpackingSessionView {
    return {
      id: s.id,
      batchNumber: s.batchNumber,
      parcelId: s.parcelId,
      status: s.status,
      openedAt: s.openedAt.toISOString(),
    };
  }
}
