import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

const ESCALATION_TARGETS = ['inspection-brigade', 'online-supervision-office'] as const;

/** Major or urgent, or assigned by a leader: to the inspection brigade (稽查支队) or 网监办. */
export class EscalateCaseCommand {
  @ApiProperty({ enum: ESCALATION_TARGETS })
  @IsIn([...ESCALATION_TARGETS])
  to!: (typeof ESCALATION_TARGETS)[number];

  @ApiProperty({ example: '涉及人身安全，领导交办' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
