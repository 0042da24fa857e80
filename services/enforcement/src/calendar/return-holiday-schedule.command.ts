import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** The second admin sends the submission back, saying why. */
export class ReturnHolidayScheduleCommand {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  scheduleId!: string;

  @ApiProperty({ example: '国庆节调休上班日应为10月9日（星期六）' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}
