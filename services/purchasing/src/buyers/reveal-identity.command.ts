import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Why a buyer's real identity is revealed; audited with the reveal. */
export class RevealIdentityCommand {
  @ApiProperty({
    minLength: 4,
    maxLength: 500,
    description:
      'why the real identity is needed (e.g. "核对承诺书签署人: 投诉 2026-118"); audited with the reveal',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
