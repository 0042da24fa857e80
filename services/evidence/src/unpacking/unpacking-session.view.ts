import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UnpackingSession } from './unpacking-session.entity';

export class UnpackingSessionView {
  @ApiProperty() id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() parcelId!: string;
  @ApiProperty({ enum: ['open', 'sealed'] }) status!: string;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({
    description: 'the sealed sample (in lists, once sealed)',
    nullable: true,
    type: String,
  })
  sampleCode?: string | null;

  static of(s: UnpackingSession, sampleCode?: string | null): UnpackingSessionView {
    return {
      id: s.id,
      batchNumber: s.batchNumber,
      parcelId: s.parcelId,
      status: s.status,
      openedAt: s.openedAt.toISOString(),
      ...(sampleCode !== undefined ? { sampleCode } : {}),
    };
  }
}
