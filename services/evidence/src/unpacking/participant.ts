import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export const PARTICIPANT_ROLES = ['buyer', 'enforcement-officer', 'lab-staff'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * Someone present at unpacking and sealing. The buyer is named by their buyer code, never their
 * real name: the work order goes to the seller with the sampling notice.
 */
export class Participant {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiProperty({
    example: '王明',
    description: 'officers and lab staff: name; buyer: buyer code (e.g. B-0012)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}
