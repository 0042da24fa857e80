import { ApiProperty } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../unpacking/participant';

/** A signature on the seal strips and the work order: who, in which capacity, when. */
export class Signature {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '2026-03-05T03:00:00Z' })
  @Matches(UTC_TIMESTAMP, { message: 'signedAt must be a UTC ISO-8601 timestamp ending in Z' })
  signedAt!: string;
}
