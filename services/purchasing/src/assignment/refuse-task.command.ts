import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RefuseTaskCommand {
  @ApiProperty({ description: 'why the buyer cannot take this batch (kept in the audit log)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
