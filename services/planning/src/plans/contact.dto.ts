import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class Contact {
  @ApiProperty()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty()
  @IsString()
  @Length(3, 40)
  phone!: string;
}
