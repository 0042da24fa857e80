import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ReturnPlanCommand {
  @ApiProperty({ description: 'why the plan goes back to its author' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
