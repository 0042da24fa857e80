import { ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_CODE } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { RuleAcrossFields } from '@qis/contracts';

/** A person's routing of a triage item: the district they established, or an escalation. */
@RuleAcrossFields({ anyOf: [{ required: ['areaCode'] }, { required: ['escalateTo'] }] })
export class ResolveTriageCommand {
  @ApiPropertyOptional({
    example: '330106',
    description: 'district (GB/T 2260) of the registered address, as established',
  })
  @ValidateIf((c: ResolveTriageCommand) => c.escalateTo === undefined)
  @Matches(AREA_CODE, { message: 'areaCode must be a six-digit GB/T 2260 code (or give escalateTo)' })
  areaCode?: string;

  @ApiPropertyOptional({ enum: ['inspection-brigade', 'online-supervision-office'] })
  @IsOptional()
  @IsIn(['inspection-brigade', 'online-supervision-office'])
  escalateTo?: 'inspection-brigade' | 'online-supervision-office';

  @ApiPropertyOptional({ description: 'how the district was established, or why escalated' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
