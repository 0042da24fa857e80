import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_KINDS } from '../kernel/alert-book';
import type { Alert } from '../kernel/alert.entity';

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'null when the alert concerns no batch (a missing holiday schedule)',
  })
  batchNumber!: string | null;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'when the cause went away',
  })
  resolvedAt!: string | null;

  static of(a: Alert): AlertView {
    return {
      id: a.id,
      kind: a.kind,
      batchNumber: a.batchNumber,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      message: a.message,
      raisedAt: a.raisedAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
    };
  }
}
