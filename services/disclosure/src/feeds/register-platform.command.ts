import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_CODE } from '@qis/contracts';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A platform to give a feed: its code (as in the events) and its name. */
export class RegisterPlatformCommand {
  @ApiProperty({ example: 'taobao', pattern: PLATFORM_CODE.source })
  @IsString()
  @Matches(PLATFORM_CODE, { message: 'must be a platform code: lower-case letters, digits and dashes, 2–32' })
  code!: string;

  @ApiProperty({ example: '淘宝' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}
