import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryView {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty()
  actor!: string;

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ example: 'ops.probe.send' })
  action!: string;

  @ApiProperty({ example: 'ops-probe' })
  entityType!: string;

  @ApiProperty({ nullable: true, type: String })
  entityId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestId!: string | null;

  @ApiProperty({ enum: ['success', 'failure', 'denied'] })
  outcome!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  detail!: Record<string, unknown>;
}
