import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ApprovePriceCommand {
  @ApiProperty({ description: 'why paying above the cap is justified' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note!: string;
}
