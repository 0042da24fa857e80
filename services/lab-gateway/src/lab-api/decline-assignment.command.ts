import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class DeclineAssignmentCommand {
  @ApiProperty({
    description: 'why the lab cannot test this sample',
    example: '该项目设备检修，无法在合同期内完成',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
