import { ApiProperty } from '@nestjs/swagger';
import { PLATFORM_CODE } from '@qis/contracts';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AddShoppingAccountCommand {
  @ApiProperty({ example: 'taobao' })
  @Matches(PLATFORM_CODE, { message: 'platform must be a platform code such as taobao' })
  platform!: string;

  @ApiProperty({ description: 'account name on the platform (encrypted at rest)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  accountName!: string;

  @ApiProperty({ description: 'a label for screens that identifies nobody', example: 'TB-03' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  alias!: string;
}
