import { ApiProperty } from '@nestjs/swagger';
import { ALERT_KINDS } from './alert-book';
import type { Alert } from './alert.entity';

export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty() subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;

  static of(a: Alert): AlertView {
    return {
      id: a.id,
      kind: a.kind,
      batchNumber: a.batchNumber,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      message: a.message,
      raisedAt: a.raisedAt.toISOString(),
    };
  }
}
