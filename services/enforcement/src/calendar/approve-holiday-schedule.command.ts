import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The second admin's approval of the submission they reviewed. */
export class ApproveHolidayScheduleCommand {
  @ApiProperty({
    format: 'uuid',
    description: 'the submission reviewed (a newer one is not approved by mistake)',
  })
  @IsUUID()
  scheduleId!: string;

  @ApiPropertyOptional({ example: '已与国务院办公厅通知逐日核对' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
