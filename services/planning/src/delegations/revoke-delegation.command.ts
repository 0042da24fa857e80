import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RevokeDelegationCommand {
  @ApiProperty({ description: 'why the delegation ends (kept with it)', minLength: 2, maxLength: 2000 })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}
