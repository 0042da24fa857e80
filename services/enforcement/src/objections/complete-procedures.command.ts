import { ApiProperty } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { Matches } from 'class-validator';

/** The applicant and the re-inspection lab completed the procedures (the sample was re-sealed). */
export class CompleteProceduresCommand {
  @ApiProperty({ example: '2026-06-20T02:00:00.000Z' })
  @Matches(UTC_TIMESTAMP, { message: 'completedAt must be an ISO-8601 UTC instant ending in Z' })
  completedAt!: string;
}
