import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RuleAcrossFields } from '@qis/contracts';
import { IsIn, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const PARTICIPANT_ROLES = ['buyer', 'enforcement-officer', 'lab-staff'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * Someone present at unpacking and sealing. The buyer is never named: the service puts the batch's
 * buyer pseudonym (the work order goes to the seller with the sampling notice); a name given for the
 * buyer must be that pseudonym.
 */
/** A person as the session records them: everyone named, the buyer by pseudonym. */
export interface PresentPerson {
  role: ParticipantRole;
  name: string;
}

@RuleAcrossFields({ anyOf: [{ properties: { role: { enum: ['buyer'] } } }, { required: ['name'] }] })
export class Participant {
  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role!: ParticipantRole;

  @ApiPropertyOptional({
    example: '王明',
    description:
      "officers and lab staff: name (required); buyer: leave out — the service puts the batch's buyer " +
      'pseudonym (GET /batches/{batchNumber}/buyer); a name given must be that pseudonym',
  })
  @ValidateIf((p: Participant) => p.role !== 'buyer' || p.name !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name?: string;
}
